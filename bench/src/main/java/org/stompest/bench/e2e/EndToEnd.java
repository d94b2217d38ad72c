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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stompest.bench.ChildProcess;
import org.stompest.bench.Launcher;

/**
 * Part 2: each client in its own process against its own fresh Artemis in another process. All brokers and drivers
 * are started first (each driver connects once); then a warm-up round and the measured rounds, each client's turn
 * interleaved with the others' (see {@link #run}); a turn runs the four scenarios on fresh queues. Queues for consuming are filled beforehand on a plain socket; after producing, the broker's
 * message count is checked and the queue destroyed.
 */
public final class EndToEnd {
    /** The clients in table order: ours first, the peers, the ceiling last. */
    public static final List<String> CLIENTS = List.of("stomp-client", "camel", "vertx", "stomp.py", "ceiling");
    public static final List<String> PEERS = List.of("vertx", "stomp.py");

    /** One client's figures for one scenario: msg/s of each measured round, or why there are none. */
    public static final class Cell {
        public final List<Double> rates = new ArrayList<>();
        /** CPU time of the client's process per message, in microseconds, for each measured round. */
        public final List<Double> cpuMicros = new ArrayList<>();
        public String failure;
        public String warning;

        public double best() {
            return rates.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        public double leastCpu() {
            return cpuMicros.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

    }

    private final Launcher launcher;
    private final int messages;
    private final int rounds;
    private final int bodySize;
    private final int window;
    private final long timeoutSeconds;
    /** client -> scenario -> figures; clients that could not start have a failure in every cell. */
    public final Map<String, Map<Scenario, Cell>> results = new LinkedHashMap<>();
    public final Map<String, String> describe = new LinkedHashMap<>();

    private boolean profile;

    /** Samples the Java drivers' threads ({@link StackSampler}) into results/profiles/ (the last round wins). */
    public EndToEnd profile(boolean on) {
        this.profile = on;
        return this;
    }

    public EndToEnd(Launcher launcher, int messages, int rounds, int bodySize, int window) {
        this.launcher = launcher;
        this.messages = messages;
        this.rounds = rounds;
        this.bodySize = bodySize;
        this.window = window;
        this.timeoutSeconds = 60 + messages / 1_000L;
    }

    /** A client under test with its own broker, both running for the whole part. */
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

    /**
     * Starts every client with its broker, then runs the rounds interleaved: round r runs each client's four
     * scenarios in turn, starting with client r (mod n), so that what else the machine is doing at a given moment
     * falls on every client alike rather than on whichever came first.
     */
    public void run(List<String> clients) throws Exception {
        List<Running> running = new ArrayList<>();
        try {
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
            byte[] body = new byte[bodySize];
            java.util.Arrays.fill(body, (byte) 'x');
            for (int round = 0; round <= rounds; round++) {
                long started = System.nanoTime();
                for (int i = 0; i < running.size(); i++) {
                    Running r = running.get((i + round) % running.size());
                    runRound(r, round, body);
                }
                System.err.printf("[e2e] %s done in %.0f s%n", round == 0 ? "warm-up round" : "round " + round,
                        (System.nanoTime() - started) / 1e9);
            }
        } finally {
            for (Running r : running) {
                r.driver.close();
                r.broker.close();
            }
        }
    }

    /** The broker and the driver of one client, or null (every cell failed) when either does not start. */
    private Running start(String client) {
        ChildProcess broker = null;
        ChildProcess driver = null;
        try {
            broker = new ChildProcess("artemis-for-" + client, launcher.jvm("org.stompest.bench.e2e.BrokerMain",
                    List.of()), launcher.log("artemis-for-" + client));
            String uri = broker.expect("READY", 120);
            driver = new ChildProcess(client, command(client, uri), launcher.log(client));
            describe.put(client, driver.expect("READY", 120));
            return new Running(client, broker, uri, driver);
        } catch (Exception e) {
            String why = String.valueOf(e.getMessage());
            System.err.println("[e2e] " + client + " did not start: " + why);
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

    private void runRound(Running r, int round, byte[] body) {
        for (Scenario scenario : Scenario.values()) {
            Cell cell = results.get(r.client).get(scenario);
            String destination = "/queue/bench." + r.client.replace('.', '_') + "." + scenario.wireName() + "."
                    + round;
            try {
                long cpuBefore = r.driver.cpuTicks();
                double rate = runOne(r.broker, r.uri, r.driver, scenario, destination, body);
                long cpuAfter = r.driver.cpuTicks();
                double cpu = cpuBefore < 0 || cpuAfter < 0 ? Double.NaN : (cpuAfter - cpuBefore) * 10_000.0 / messages;
                System.err.printf("[e2e] %-12s %-16s %s %,10.0f msg/s %6.1f us CPU/msg%n", r.client,
                        scenario.wireName(), round == 0 ? "warm-up" : "round " + round, rate, cpu);
                if (round > 0) {
                    cell.rates.add(rate);
                    if (!Double.isNaN(cpu)) {
                        cell.cpuMicros.add(cpu);
                    }
                }
            } catch (Exception e) {
                System.err.printf("[e2e] %-12s %-16s round %d failed: %s%n", r.client, scenario.wireName(), round,
                        e.getMessage());
                if (cell.failure == null) {
                    cell.failure = String.valueOf(e.getMessage());
                }
                if (e instanceof java.io.IOException) {
                    restart(r); // no answer in time: its next answer would be read as the answer to the next command
                }
            }
        }
    }

    /** Ends a driver that did not answer and starts a fresh one on the same broker. */
    private void restart(Running r) {
        r.driver.close();
        try {
            r.driver = new ChildProcess(r.client, command(r.client, r.uri), launcher.log(r.client));
            r.driver.expect("READY", 120);
            System.err.printf("[e2e] %-12s restarted%n", r.client);
        } catch (Exception e) {
            System.err.printf("[e2e] %-12s could not be restarted: %s%n", r.client, e.getMessage());
        }
    }

    private double runOne(ChildProcess broker, String uri, ChildProcess driver, Scenario scenario,
                          String destination, byte[] body) throws Exception {
        if (scenario.consumes()) {
            RawStomp.fill(uri, destination, body, messages);
        }
        driver.send(scenario.wireName() + " " + destination + " " + messages + " " + bodySize + " " + window);
        String answer = driver.await(timeoutSeconds);
        if (!answer.startsWith("DONE")) {
            throw new IllegalStateException(answer);
        }
        long nanos = Long.parseLong(answer.substring(4).trim());
        long expected = scenario.consumes() ? 0 : scenario == Scenario.PRODUCE ? messages + 1 : messages;
        long count = -2;
        for (int i = 0; i < 50; i++) {
            broker.send("count " + destination);
            count = Long.parseLong(broker.expect("COUNT", 30));
            if (count == expected || (scenario.consumes() && count <= 0)) {
                break;
            }
            Thread.sleep(100);
        }
        broker.send("purge " + destination);
        broker.expect("OK", 30);
        if (!(count == expected || (scenario.consumes() && count <= 0))) {
            throw new IllegalStateException("broker holds " + count + " messages, expected " + expected);
        }
        return messages / (nanos / 1e9);
    }

    private List<String> jvmArgs() {
        return profile ? List.of("-Dbench.profile=" + launcher.logs().resolveSibling("profiles")) : List.of();
    }

    private List<String> command(String client, String uri) {
        switch (client) {
            case "stomp-client":
                return launcher.jvm("org.stompest.bench.e2e.StompestDriver", jvmArgs(), uri);
            case "camel":
                return launcher.jvm("org.stompest.bench.e2e.CamelDriver", jvmArgs(), uri);
            case "ceiling":
                return launcher.jvm("org.stompest.bench.e2e.CeilingDriver", jvmArgs(), uri);
            case "vertx":
                return launcher.vertx(jvmArgs(), uri);
            case "stomp.py":
                return launcher.stompPy(uri);
            default:
                throw new IllegalArgumentException("Unknown client: " + client + " [known=" + CLIENTS + "]");
        }
    }
}
