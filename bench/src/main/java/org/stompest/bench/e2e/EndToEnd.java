/*
 * Copyright 2026 the stompest for Java authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.stompest.bench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.stompest.bench.ChildProcess;
import org.stompest.bench.Launcher;

/**
 * Parts 2, 5, 6 and 7: each client in its own process against a broker in another process. On Artemis every client
 * gets its own fresh broker; on ActiveMQ Classic and RabbitMQ the clients share one (they take turns, never run at
 * once). All brokers and drivers are started first ({@link #start}; each driver connects once), then:
 * <ul>
 * <li>{@link #throughput()}: a warm-up round and the measured rounds, each client's turn interleaved with the
 * others'; a turn runs the four {@link Scenario}s on fresh queues. Queues for consuming are filled beforehand on a
 * plain socket; afterwards the broker's message count is checked and the queue destroyed;</li>
 * <li>{@link #latency}: send-to-receive latency at fixed rates ({@link Latency});</li>
 * <li>{@link #sizes}: producing and consuming with larger bodies;</li>
 * <li>{@link #relay}: a Camel queue-to-queue relay, with default options or others on the producer.</li>
 * </ul>
 */
public final class EndToEnd implements AutoCloseable {
    /** The clients in table order: ours first, the peers, the ceiling last. */
    public static final List<String> CLIENTS = List.of("stomp-client", "stomp-client-ws", "camel", "vertx",
            "stomp.py", "ceiling");
    public static final List<String> PEERS = List.of("vertx", "stomp.py");
    /** The clients whose latency is measured (the ceiling has no receiving side worth timing). */
    public static final List<String> LATENCY_CLIENTS = List.of("stomp-client", "camel", "vertx", "stomp.py");
    /** The scenarios the message-size table runs. */
    public static final List<Scenario> SIZE_SCENARIOS = List.of(Scenario.PRODUCE, Scenario.CONSUME_AUTO);

    /** One client's figures for one scenario: msg/s of each measured round, or why there are none. */
    public static final class Cell {
        public final List<Double> rates = new ArrayList<>();
        /** CPU time of the client's process per message, in microseconds, for each measured round. */
        public final List<Double> cpuMicros = new ArrayList<>();
        /** Heap bytes the client's Java threads allocated per message, for each measured round. */
        public final List<Double> allocatedBytes = new ArrayList<>();
        public String failure;

        public double best() {
            return rates.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        public double leastCpu() {
            return cpuMicros.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        public double leastAllocated() {
            return allocatedBytes.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }
    }

    /** One client's latency run at one rate: the histogram (ns) and how many of the sent messages arrived. */
    public record LatencyResult(Histogram histogram, int sent, int received, String failure) {
    }

    private final Launcher launcher;
    private final String brokerKind;
    private final int messages;
    private final int rounds;
    private final int bodySize;
    private final int window;
    private boolean profile;
    private int warmUpMessages;
    private final List<Running> running = new ArrayList<>();
    private ChildProcess sharedBroker;
    private String sharedUri;

    /** client -> scenario -> figures; clients that could not start have a failure in every cell. */
    public final Map<String, Map<Scenario, Cell>> results = new LinkedHashMap<>();
    public final Map<String, String> describe = new LinkedHashMap<>();
    /** rate (msg/s) -> client -> latency run. */
    public final Map<Integer, Map<String, LatencyResult>> latencies = new LinkedHashMap<>();
    /** "scenario, size" row -> client -> figures (msg/s). */
    public final Map<String, Map<String, Cell>> sizeResults = new LinkedHashMap<>();
    /** body bytes of each size row. */
    public final Map<String, Integer> sizeBytes = new LinkedHashMap<>();
    /** One Camel relay run: the producer's options ("" for the defaults), msg/s or why there is none. */
    public record Relay(String producerOptions, int messages, double rate, String failure) {
    }

    public final List<Relay> relays = new ArrayList<>();

    /**
     * @param brokerKind {@code artemis} (a broker per client), {@code classic}, {@code classic-nagle} or
     *                   {@code rabbitmq} (one broker shared by the clients); see {@link BrokerMain}
     */
    public EndToEnd(Launcher launcher, String brokerKind, int messages, int rounds, int bodySize, int window) {
        this.launcher = launcher;
        this.brokerKind = brokerKind;
        this.messages = messages;
        this.rounds = rounds;
        this.bodySize = bodySize;
        this.window = window;
        this.warmUpMessages = messages;
    }

    /** Messages per scenario in the warm-up round (default: as many as measured). */
    public EndToEnd warmUp(int count) {
        this.warmUpMessages = count;
        return this;
    }

    /** Samples the Java drivers' threads ({@link StackSampler}) into results/profiles/ (the last round wins). */
    public EndToEnd profile(boolean on) {
        this.profile = on;
        return this;
    }

    public String brokerKind() {
        return brokerKind;
    }

    public int messages() {
        return messages;
    }

    /** A client under test with its broker, both running until {@link #close()}. */
    private static final class Running {
        final String client;
        final ChildProcess broker;
        final String uri;
        ChildProcess driver;

        Running(String client, ChildProcess broker, String uri, ChildProcess driver) {
            this.client = client;
            this.broker = broker;
            this.uri = uri;
            this.driver = driver;
        }
    }

    private boolean brokerPerClient() {
        return brokerKind.equals("artemis");
    }

    /** Starts every client with its broker; a client that does not start has a failure in every cell. */
    public EndToEnd start(List<String> clients) {
        for (String client : clients) {
            Map<Scenario, Cell> cells = new LinkedHashMap<>();
            for (Scenario scenario : Scenario.values()) {
                cells.put(scenario, new Cell());
            }
            results.put(client, cells);
            Running r = start(client);
            if (r != null) {
                running.add(r);
            }
        }
        return this;
    }

    private ChildProcess startBroker(String name) throws Exception {
        return new ChildProcess(name, launcher.jvm("org.stompest.bench.e2e.BrokerMain", List.of(), brokerKind),
                launcher.log(name));
    }

    /** The broker and the driver of one client, or null (every cell failed) when either does not start. */
    private Running start(String client) {
        ChildProcess broker = null;
        ChildProcess driver = null;
        try {
            String uri;
            if (brokerPerClient()) {
                broker = startBroker(brokerKind + "-for-" + client);
                uri = broker.expect("READY", 120).split(" ")[0];
            } else {
                if (sharedBroker == null) {
                    sharedBroker = startBroker(brokerKind);
                    sharedUri = sharedBroker.expect("READY", 120).split(" ")[0];
                }
                uri = sharedUri;
            }
            driver = new ChildProcess(client + "-" + brokerKind, command(client, uri),
                    launcher.log(client + "-" + brokerKind));
            describe.put(client, driver.expect("READY", 120));
            return new Running(client, brokerPerClient() ? broker : sharedBroker, uri, driver);
        } catch (Exception e) {
            String why = String.valueOf(e.getMessage());
            System.err.println("[e2e] " + client + " on " + brokerKind + " did not start: " + why);
            results.get(client).values().forEach(c -> c.failure = why);
            if (driver != null) {
                driver.close();
            }
            if (broker != null) {
                broker.close();
            }
            return null;
        }
    }

    /**
     * A warm-up round and the measured rounds, interleaved: round r runs each client's four scenarios in turn,
     * starting with client r (mod n), so that what else the machine is doing at a given moment falls on every client
     * alike rather than on whichever came first.
     */
    public void throughput() {
        byte[] body = body(bodySize);
        for (int round = 0; round <= rounds; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < running.size(); i++) {
                Running r = running.get((i + round) % running.size());
                for (Scenario scenario : Scenario.values()) {
                    String destination = "/queue/bench." + r.client.replace('.', '_') + "." + scenario.wireName()
                            + "." + round;
                    measure(r, scenario, destination, body, round == 0 ? warmUpMessages : messages, round > 0,
                            results.get(r.client).get(scenario),
                            round == 0 ? "warm-up" : "round " + round);
                }
            }
            System.err.printf("[e2e] %s: %s done in %.0f s%n", brokerKind, round == 0 ? "warm-up round"
                    : "round " + round, (System.nanoTime() - started) / 1e9);
        }
    }

    /** One scenario on one client: the rate, CPU and allocation go into {@code cell} when {@code measured}. */
    private void measure(Running r, Scenario scenario, String destination, byte[] body, int count, boolean measured,
                         Cell cell, String label) {
        try {
            long cpuBefore = r.driver.cpuTicks();
            long[] answer = runOne(r, scenario, destination, body, count);
            long cpuAfter = r.driver.cpuTicks();
            double rate = count / (answer[0] / 1e9);
            double cpu = cpuBefore < 0 || cpuAfter < 0 ? Double.NaN : (cpuAfter - cpuBefore) * 10_000.0 / count;
            double allocated = answer[1] < 0 ? Double.NaN : answer[1] / (double) count;
            System.err.printf("[e2e] %-8s %-16s %-16s %6d B %s %,10.0f msg/s %6.1f us CPU/msg %,8.0f B/msg%n",
                    brokerKind, r.client, scenario.wireName(), body.length, label, rate, cpu, allocated);
            if (measured) {
                cell.rates.add(rate);
                if (!Double.isNaN(cpu)) {
                    cell.cpuMicros.add(cpu);
                }
                if (!Double.isNaN(allocated)) {
                    cell.allocatedBytes.add(allocated);
                }
            }
        } catch (Exception e) {
            System.err.printf("[e2e] %-8s %-16s %-16s %s failed: %s%n", brokerKind, r.client, scenario.wireName(),
                    label, e.getMessage());
            if (cell.failure == null) {
                cell.failure = String.valueOf(e.getMessage());
            }
            if (e instanceof java.io.IOException) {
                restart(r); // no answer in time: its next answer would be read as the answer to the next command
            }
        }
    }

    /**
     * Send-to-receive latency of each of {@code clients} at each rate for {@code millis}, after a one-second warm-up
     * at the first rate; the driver writes each message's latency to a file that becomes an HdrHistogram here.
     */
    public void latency(List<Integer> rates, long millis, List<String> clients) {
        Path dir = launcher.logs().resolveSibling("latency");
        for (Running r : running) {
            if (!clients.contains(r.client)) {
                continue;
            }
            int run = 0;
            for (int rate : rates) {
                for (boolean warmUp : run == 0 ? new boolean[] {true, false} : new boolean[] {false}) {
                    long duration = warmUp ? 1000 : millis;
                    int sent = (int) (rate * duration / 1000);
                    Path file = dir.resolve(r.client.replace('.', '_') + "-" + rate + (warmUp ? "-warm-up" : "")
                            + ".txt");
                    String destination = "/queue/bench.latency." + r.client.replace('.', '_') + "." + rate
                            + (warmUp ? ".warm-up" : "");
                    LatencyResult result;
                    try {
                        r.driver.send("latency " + destination + " " + rate + " " + duration + " 100 " + file);
                        int received = Integer.parseInt(r.driver.expect("DONE", 60 + duration / 1000 * 3));
                        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
                        for (String line : Files.readAllLines(file)) {
                            long ns = Long.parseLong(line.trim());
                            if (ns >= 0) {
                                histogram.recordValue(Math.min(Math.max(ns, 1), histogram.getHighestTrackableValue()));
                            }
                        }
                        result = new LatencyResult(histogram, sent, received, null);
                        purge(r, destination);
                    } catch (Exception e) {
                        result = new LatencyResult(null, sent, 0, String.valueOf(e.getMessage()));
                        if (e instanceof java.io.IOException) {
                            restart(r);
                        }
                    }
                    System.err.printf("[latency] %-12s %,6d msg/s%s: %s%n", r.client, rate, warmUp ? " warm-up" : "",
                            result.histogram == null ? "failed: " + result.failure : String.format(
                                    "%,d of %,d arrived, p50 %.0f us, p99 %.0f us, p99.9 %.0f us", result.received,
                                    result.sent, result.histogram.getValueAtPercentile(50) / 1e3,
                                    result.histogram.getValueAtPercentile(99) / 1e3,
                                    result.histogram.getValueAtPercentile(99.9) / 1e3));
                    if (!warmUp) {
                        latencies.computeIfAbsent(rate, k -> new LinkedHashMap<>()).put(r.client, result);
                    }
                }
                run++;
            }
        }
    }

    /**
     * Producing (no receipts) and consuming (ack:auto) with each body size in {@code counts} (bytes -> messages),
     * {@code sizeRounds} measured rounds after the throughput rounds have warmed the clients up; best round.
     */
    public void sizes(Map<Integer, Integer> counts, int sizeRounds) {
        counts.forEach((size, count) -> SIZE_SCENARIOS.forEach(scenario -> {
            String row = scenario.title() + ", " + sizeName(size) + " x " + String.format("%,d", count);
            sizeBytes.put(row, size);
            Map<String, Cell> cells = new LinkedHashMap<>();
            results.keySet().forEach(client -> cells.put(client, new Cell()));
            sizeResults.put(row, cells);
        }));
        for (int round = 1; round <= sizeRounds; round++) {
            for (int i = 0; i < running.size(); i++) {
                Running r = running.get((i + round) % running.size());
                for (Map.Entry<Integer, Integer> size : counts.entrySet()) {
                    byte[] body = body(size.getKey());
                    for (Scenario scenario : SIZE_SCENARIOS) {
                        String row = scenario.title() + ", " + sizeName(size.getKey()) + " x "
                                + String.format("%,d", size.getValue());
                        String destination = "/queue/bench.size." + r.client.replace('.', '_') + "."
                                + scenario.wireName() + "." + size.getKey() + "." + round;
                        measure(r, scenario, destination, body, size.getValue(), true,
                                sizeResults.get(row).get(r.client), "size round " + round);
                    }
                }
            }
        }
        // a client that did not start has no cell figures: say why in each
        results.forEach((client, cells) -> {
            String failure = cells.get(Scenario.PRODUCE).failure;
            if (running.stream().noneMatch(r -> r.client.equals(client))) {
                sizeResults.values().forEach(row -> row.get(client).failure = failure);
            }
        });
    }

    /** 1 KiB, 64 KiB, 1 MiB, or bytes. */
    public static String sizeName(int bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }

    /**
     * The Camel relay {@code stompest:queue:a -> stompest:queue:b}, default options on both ends except
     * {@code producerOptions} on b (e.g. {@code persistent=false}): {@code count} messages put on a beforehand, timed
     * from adding the route until the last has been sent on; b must then hold them all.
     */
    public void relay(int count, String producerOptions) {
        Running camel = running.stream().filter(r -> r.client.equals("camel")).findFirst().orElse(null);
        if (camel == null) {
            relays.add(new Relay(producerOptions, count, Double.NaN, "camel did not start"));
            return;
        }
        String from = "/queue/bench.relay.in." + relays.size();
        String to = "/queue/bench.relay.out." + relays.size();
        try {
            RawStomp.fill(camel.uri, from, body(bodySize), count);
            camel.driver.send("relay " + from + " " + to + " " + count + " " + bodySize
                    + (producerOptions.isEmpty() ? "" : " " + producerOptions));
            long nanos = Long.parseLong(camel.driver.expect("DONE", 60 + count / 10));
            long held = held(camel, to, count);
            if (held != count) {
                throw new IllegalStateException(to + " holds " + held + " messages, expected " + count);
            }
            relays.add(new Relay(producerOptions, count, count / (nanos / 1e9), null));
            System.err.printf("[e2e] %-8s camel relay %,d messages %s: %,.0f msg/s%n", brokerKind, count,
                    producerOptions, count / (nanos / 1e9));
        } catch (Exception e) {
            relays.add(new Relay(producerOptions, count, Double.NaN, String.valueOf(e.getMessage())));
            System.err.printf("[e2e] %-8s camel relay failed: %s%n", brokerKind, e.getMessage());
        } finally {
            purge(camel, from);
        }
    }

    private static byte[] body(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        return body;
    }

    private void purge(Running r, String destination) {
        try {
            r.broker.send("purge " + destination);
            r.broker.expect("OK", 60);
        } catch (Exception e) {
            System.err.printf("[e2e] %-8s could not purge %s: %s%n", brokerKind, destination, e.getMessage());
        }
    }

    /**
     * What the queue holds once it equals {@code expected} (or, expecting 0, is empty or gone), else after 30 s; the
     * queue is destroyed after. On RabbitMQ, where each question is a rabbitmqctl call of a second or more, it asks
     * once: its count is of ready messages, final once the client has its receipts and its messages.
     */
    private long held(Running r, String destination, long expected) throws Exception {
        if (brokerKind.equals("rabbitmq")) {
            r.broker.send("drop " + destination);
            return Long.parseLong(r.broker.expect("COUNT", 60));
        }
        long count = awaitCount(r, destination, expected);
        purge(r, destination);
        return count;
    }

    private static long awaitCount(Running r, String destination, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long count;
        do {
            r.broker.send("count " + destination);
            count = Long.parseLong(r.broker.expect("COUNT", 60));
            if (count == expected || (expected == 0 && count <= 0)) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return count;
    }

    /** Ends a driver that did not answer and starts a fresh one on the same broker. */
    private void restart(Running r) {
        r.driver.close();
        try {
            r.driver = new ChildProcess(r.client + "-" + brokerKind, command(r.client, r.uri),
                    launcher.log(r.client + "-" + brokerKind));
            r.driver.expect("READY", 120);
            System.err.printf("[e2e] %-12s restarted%n", r.client);
        } catch (Exception e) {
            System.err.printf("[e2e] %-12s could not be restarted: %s%n", r.client, e.getMessage());
        }
    }

    /** Runs one scenario; returns {nanos, bytes allocated or -1}. */
    private long[] runOne(Running r, Scenario scenario, String destination, byte[] body, int count) throws Exception {
        if (scenario.consumes()) {
            RawStomp.fill(r.uri, destination, body, count);
        }
        r.driver.send(scenario.wireName() + " " + destination + " " + count + " " + body.length + " " + window);
        String answer = r.driver.await(60 + count / 1_000L + (long) count * body.length / 10_000_000L);
        if (!answer.startsWith("DONE")) {
            throw new IllegalStateException(answer);
        }
        String[] words = answer.substring(4).trim().split(" ");
        long nanos = Long.parseLong(words[0]);
        long allocated = words.length > 1 ? Long.parseLong(words[1]) : -1;
        long expected = scenario.consumes() ? 0 : scenario == Scenario.PRODUCE ? count + 1 : count;
        long held = held(r, destination, expected);
        if (!(held == expected || (scenario.consumes() && held <= 0))) {
            throw new IllegalStateException("broker holds " + held + " messages, expected " + expected);
        }
        return new long[] {nanos, allocated};
    }

    /** {@code tcp://h:p} as {@code ws://h:p/}: the same Artemis acceptor, over WebSocket. */
    static String webSocket(String tcpUri) {
        if (!tcpUri.startsWith("tcp://")) {
            throw new IllegalArgumentException("Expected a tcp:// broker URI but was " + tcpUri);
        }
        return "ws://" + tcpUri.substring("tcp://".length()) + "/";
    }

    /**
     * Each Java driver logs its GC pauses (logs/gc-&lt;client&gt;-&lt;broker&gt;-&lt;pid&gt;.log), so that a latency stall can be
     * told from a collection; with {@code --profile} it also samples its threads.
     */
    private List<String> jvmArgs(String client) {
        List<String> args = new ArrayList<>();
        args.add("-Xlog:gc:file=" + launcher.logs().resolve("gc-" + client.replace('.', '_') + "-" + brokerKind
                + "-%p.log") + ":uptime,pid");
        if (profile) {
            args.add("-Dbench.profile=" + launcher.logs().resolveSibling("profiles"));
        }
        return args;
    }

    private List<String> command(String client, String uri) {
        switch (client) {
            case "stomp-client":
                return launcher.jvm("org.stompest.bench.e2e.StompestDriver", jvmArgs(client), uri);
            case "stomp-client-ws":
                return launcher.jvm("org.stompest.bench.e2e.StompestDriver", jvmArgs(client), webSocket(uri));
            case "camel":
                return launcher.jvm("org.stompest.bench.e2e.CamelDriver", jvmArgs(client), uri);
            case "ceiling":
                return launcher.jvm("org.stompest.bench.e2e.CeilingDriver", jvmArgs(client), uri);
            case "vertx":
                return launcher.vertx(jvmArgs(client), uri);
            case "stomp.py":
                return launcher.stompPy(uri);
            default:
                throw new IllegalArgumentException("Unknown client: " + client + " [known=" + CLIENTS + "]");
        }
    }

    /** Ends every driver and broker. */
    @Override
    public void close() {
        for (Running r : running) {
            r.driver.close();
            if (brokerPerClient()) {
                r.broker.close();
            }
        }
        if (sharedBroker != null) {
            sharedBroker.close();
        }
    }
}
