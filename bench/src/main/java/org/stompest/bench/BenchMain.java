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
package org.stompest.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stompest.bench.codec.CodecRun;
import org.HdrHistogram.Histogram;
import org.stompest.bench.e2e.EndToEnd;
import org.stompest.bench.e2e.Scenario;

/**
 * The one command behind {@code bench/run}: runs the parts (codec, e2e, latency, sizes, brokers, scaling, failover,
 * memory), prints one
 * Markdown report and writes it to {@code results/latest.md} and into bench/README.md between its markers.
 * Every option is declared once in {@link #OPTIONS}, with its default and help.
 */
public final class BenchMain {
    private static final String START = "<!-- bench:results:start -->";
    private static final String END = "<!-- bench:results:end -->";

    /** name -> {default, help}. */
    private static final Map<String, String[]> OPTIONS = new LinkedHashMap<>();

    static {
        option("parts", "codec,e2e,latency,sizes,brokers,scaling,failover,memory",
                "which parts to run, comma separated");
        option("messages", "100000", "messages per end-to-end round");
        option("rounds", "3", "measured end-to-end rounds per client (after one warm-up round)");
        option("warm-up-messages", "20000", "messages per scenario in the end-to-end warm-up round");
        option("body", "100", "end-to-end message body size in bytes");
        option("window", "1000", "receipts (or exchanges) in flight at most when producing with receipts");
        option("clients", String.join(",", EndToEnd.CLIENTS), "end-to-end clients, comma separated");
        option("latency-rates", "1000,10000", "fixed send rates (msg/s) of the latency part, comma separated");
        option("latency-seconds", "5", "seconds per latency run (after a 1 s warm-up per client)");
        option("latency-clients", String.join(",", EndToEnd.LATENCY_CLIENTS), "clients whose latency is measured");
        option("sizes", "1024:20000,65536:2000,1048576:200", "message-size part: body bytes:messages, comma separated");
        option("size-rounds", "2", "measured rounds of the message-size part (after the e2e rounds warmed up)");
        option("brokers", "classic,rabbitmq", "other brokers for the end-to-end table (classic, rabbitmq)");
        option("broker-messages", "20000", "messages per round on the other brokers");
        option("broker-rounds", "1", "measured rounds on the other brokers (after one warm-up round)");
        option("broker-clients", "stomp-client,camel,vertx,stomp.py,ceiling", "clients on the other brokers");
        option("relay-messages", "2000", "messages through the Camel relay (each broker)");
        option("nagle-relay-messages", "200", "messages through the Camel relay on Classic with Nagle on");
        option("scaling-camel-messages", "2000", "messages per concurrentConsumers step (1 ms each)");
        option("scaling-producer-messages", "50000", "messages per producer-connections step");
        option("breadth-subscriptions", "10000", "subscriptions of the breadth measurement");
        option("breadth-connections", "100", "pooled connections the subscriptions are spread over");
        option("breadth-messages", "5", "messages sent to each breadth destination (order checked)");
        option("jmh-forks", "1", "JMH forks per benchmark");
        option("jmh-warmups", "3", "JMH warm-up iterations");
        option("jmh-iterations", "5", "JMH measured iterations");
        option("jmh-seconds", "1", "seconds per JMH iteration");
        option("jmh-include", ".*", "JMH benchmark method pattern within CodecBenchmark, e.g. a_stream");
        option("failover-rounds", "5", "failovers per client");
        option("failover-clients", "stomp-client,camel", "clients whose failover is timed");
        option("memory-count", "1000", "pooled connections and subscriptions opened for the memory figures");
        option("bench-dir", "bench", "the bench module's directory (logs, README.md, python driver)");
        option("vertx-classpath", "", "class path of the Vert.x driver (bench/vertx/<build dir>/classes:...)");
        option("python", "/usr/bin/python3", "the Python with Debian's python3-stomp");
        option("profile", "false", "sample each Java driver in its last e2e round with jcmd Thread.print "
                + "(results/profiles/; perturbs the figures)");
        option("update-readme", "true", "write the report into bench/README.md between its markers");
    }

    private BenchMain() {
    }

    private static void option(String name, String defaultValue, String help) {
        OPTIONS.put(name, new String[] {defaultValue, help});
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = parse(args);
        if (o == null) {
            return;
        }
        long started = System.nanoTime();
        String loadAtStart = loadAverage();
        Path benchDir = Path.of(o.get("bench-dir")).toAbsolutePath().normalize();
        String stamp = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
        Path logs = benchDir.resolve("results").resolve("logs");
        Launcher launcher = new Launcher(benchDir, logs, System.getProperty("java.class.path"),
                o.get("vertx-classpath"), o.get("python"));
        List<String> parts = List.of(o.get("parts").split(","));
        int messages = Integer.parseInt(o.get("messages"));
        int rounds = Integer.parseInt(o.get("rounds"));
        int warmUpMessages = Math.min(messages, Integer.parseInt(o.get("warm-up-messages")));
        String parameters = String.format("%s; %,d messages of %s B per round, 1 warm-up round of %,d + %d measured "
                        + "rounds, receipt window %s; JMH %s fork(s), %s x %s s warm-up, %s x %s s measured", stamp,
                messages, o.get("body"), warmUpMessages, rounds, o.get("window"), o.get("jmh-forks"),
                o.get("jmh-warmups"), o.get("jmh-seconds"), o.get("jmh-iterations"), o.get("jmh-seconds"));
        Report report = new Report("### Latest results", parameters);

        if (parts.contains("codec")) {
            progress("part 1: codec (JMH; its log: " + logs.resolve("jmh.log") + ")");
            report.codec(new CodecRun(Integer.parseInt(o.get("jmh-forks")), Integer.parseInt(o.get("jmh-warmups")),
                    Integer.parseInt(o.get("jmh-iterations")), Integer.parseInt(o.get("jmh-seconds")),
                    logs.resolve("jmh.log"), o.get("jmh-include")).run());
            progress("part 1 done after " + elapsed(started));
        }
        Path results = benchDir.resolve("results");
        if (parts.contains("e2e") || parts.contains("latency") || parts.contains("sizes")) {
            progress("part 2: end to end on Artemis" + (parts.contains("latency") ? ", part 5: latency" : "")
                    + (parts.contains("sizes") ? ", part 6: message size" : ""));
            try (EndToEnd e2e = new EndToEnd(launcher, "artemis", messages, rounds, Integer.parseInt(o.get("body")),
                    Integer.parseInt(o.get("window"))).profile(Boolean.parseBoolean(o.get("profile")))
                    .warmUp(warmUpMessages)) {
                e2e.start(List.of(o.get("clients").split(",")));
                if (parts.contains("e2e")) {
                    e2e.throughput();
                    report.e2e(e2e);
                    barChart(report, e2e, results, "e2e-artemis.png");
                    progress("part 2 done after " + elapsed(started));
                }
                if (parts.contains("latency")) {
                    e2e.latency(integers(o.get("latency-rates")), 1000L * Integer.parseInt(o.get("latency-seconds")),
                            List.of(o.get("latency-clients").split(",")));
                    report.e2e(e2e);
                    for (Map.Entry<Integer, Map<String, EndToEnd.LatencyResult>> rate : e2e.latencies.entrySet()) {
                        Map<String, Histogram> byClient = new LinkedHashMap<>();
                        rate.getValue().forEach((client, r) -> byClient.put(client, r.histogram()));
                        String file = "latency-" + rate.getKey() + ".png";
                        Charts.percentiles(results.resolve(file), String.format("Send-to-receive latency at %,d msg/s "
                                + "on Artemis (by percentile)", rate.getKey()), byClient);
                        report.picture(String.format("latency at %,d msg/s", rate.getKey()), file);
                    }
                    progress("part 5 done after " + elapsed(started));
                }
                if (parts.contains("sizes")) {
                    Map<Integer, Integer> sizes = new LinkedHashMap<>();
                    for (String pair : o.get("sizes").split(",")) {
                        String[] p = pair.split(":");
                        sizes.put(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
                    }
                    e2e.sizes(sizes, Integer.parseInt(o.get("size-rounds")));
                    report.e2e(e2e);
                    sizeChart(report, e2e, results);
                    progress("part 6 done after " + elapsed(started));
                }
                if (parts.contains("brokers")) {
                    e2e.relay(Integer.parseInt(o.get("relay-messages")), "");
                    report.relay(e2e);
                }
            }
        }
        if (parts.contains("brokers")) {
            for (String kind : o.get("brokers").split(",")) {
                progress("part 7: end to end on " + kind);
                try (EndToEnd other = new EndToEnd(launcher, kind, Integer.parseInt(o.get("broker-messages")),
                        Integer.parseInt(o.get("broker-rounds")), Integer.parseInt(o.get("body")),
                        Integer.parseInt(o.get("window")))) {
                    other.start(List.of(o.get("broker-clients").split(",")));
                    other.throughput();
                    other.relay(Integer.parseInt(o.get("relay-messages")), "");
                    if (kind.equals("rabbitmq")) { // RabbitMQ confirms a persistent message only once it is on disk
                        other.relay(Integer.parseInt(o.get("relay-messages")), "persistent=false");
                    }
                    report.otherBroker(other);
                    report.relay(other);
                    barChart(report, other, results, "e2e-" + kind + ".png");
                }
                progress("part 7 (" + kind + ") done after " + elapsed(started));
            }
            if (List.of(o.get("brokers").split(",")).contains("classic")) {
                try (EndToEnd nagle = new EndToEnd(launcher, "classic-nagle", 0, 0, Integer.parseInt(o.get("body")),
                        Integer.parseInt(o.get("window")))) {
                    nagle.start(List.of("camel"));
                    nagle.relay(Integer.parseInt(o.get("nagle-relay-messages")), "");
                    report.relay(nagle);
                }
            }
        }
        if (parts.contains("scaling")) {
            progress("part 9: scaling");
            runScaling(launcher, report, o);
            progress("part 9 done after " + elapsed(started));
        }
        if (parts.contains("failover")) {
            progress("part 3: failover");
            runFailover(launcher, report, Integer.parseInt(o.get("failover-rounds")), o.get("failover-clients"));
            progress("part 3 done after " + elapsed(started));
        }
        if (parts.contains("memory")) {
            progress("part 4: memory");
            runMemory(launcher, report, Integer.parseInt(o.get("memory-count")));
            progress("part 4 done after " + elapsed(started));
        }
        report.note("Load average (1 min) at the start " + loadAtStart + ", at the end " + loadAverage()
                + ": above about 1 on this machine, other processes shared the cores and the figures are noisier.");
        report.note("Whole run: " + elapsed(started) + " (without the build). Logs of every process: "
                + "bench/results/logs/.");
        String text = report.render("");
        System.out.println();
        System.out.println(text);
        Files.createDirectories(results);
        Files.writeString(results.resolve("latest.md"), text, StandardCharsets.UTF_8);
        if (Boolean.parseBoolean(o.get("update-readme"))) {
            updateReadme(benchDir.resolve("README.md"), report.render("results/"));
        }
        System.exit(0);
    }

    private static List<Integer> integers(String commaSeparated) {
        List<Integer> values = new ArrayList<>();
        for (String word : commaSeparated.split(",")) {
            values.add(Integer.parseInt(word.trim()));
        }
        return values;
    }

    /** msg/s per scenario (groups) and client (bars) of one broker's end-to-end table. */
    private static void barChart(Report report, EndToEnd run, Path results, String file) {
        List<String> clients = new ArrayList<>(run.results.keySet());
        List<String> scenarios = new ArrayList<>();
        double[][] values = new double[Scenario.values().length][clients.size()];
        for (Scenario scenario : Scenario.values()) {
            scenarios.add(scenario.title());
            for (int c = 0; c < clients.size(); c++) {
                values[scenario.ordinal()][c] = run.results.get(clients.get(c)).get(scenario).best();
            }
        }
        String title = "End to end on " + run.brokerKind() + String.format(": msg/s, %,d x 100 B", run.messages());
        try {
            Charts.bars(results.resolve(file), title, "msg/s", scenarios, clients, values);
            report.picture(title, file);
        } catch (Exception e) {
            progress("could not draw " + file + ": " + e);
        }
    }

    /** MB/s of body per size row (groups) and client (bars). */
    private static void sizeChart(Report report, EndToEnd run, Path results) {
        List<String> clients = new ArrayList<>(run.results.keySet());
        List<String> rows = new ArrayList<>(run.sizeResults.keySet());
        double[][] values = new double[rows.size()][clients.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < clients.size(); c++) {
                EndToEnd.Cell cell = run.sizeResults.get(rows.get(r)).get(clients.get(c));
                values[r][c] = cell == null ? Double.NaN : cell.best() * run.sizeBytes.get(rows.get(r)) / 1e6;
            }
        }
        List<String> labels = rows.stream().map(row -> row.replace("produce, no receipts", "produce")
                .replace("consume, ack:auto", "consume").replaceAll(" x [0-9,]+$", "")).toList();
        try {
            Charts.bars(results.resolve("sizes-artemis.png"), "Message size on Artemis: MB/s of body", "MB/s", labels,
                    clients, values);
            report.picture("Message size on Artemis: MB/s of body", "sizes-artemis.png");
        } catch (Exception e) {
            progress("could not draw sizes-artemis.png: " + e);
        }
    }

    private static void runScaling(Launcher launcher, Report report, Map<String, String> o) {
        Map<String, List<String[]>> results = new LinkedHashMap<>();
        String error = null;
        try (ChildProcess broker = new ChildProcess("artemis-for-scaling", launcher.jvm(
                "org.stompest.bench.e2e.BrokerMain", List.of("-Xmx2g"), "artemis"),
                launcher.log("artemis-for-scaling"))) {
            String uri = broker.expect("READY", 120).split(" ")[0];
            try (ChildProcess child = new ChildProcess("scaling", launcher.jvm(
                    "org.stompest.bench.scaling.ScalingMain", List.of("-Xmx2g", "-XX:+UseSerialGC"), uri,
                    o.get("scaling-camel-messages"), o.get("scaling-producer-messages"),
                    o.get("breadth-subscriptions"), o.get("breadth-connections"), o.get("breadth-messages")),
                    launcher.log("scaling"))) {
                String line;
                while (!(line = child.await(900)).equals("DONE")) {
                    String[] words = line.split(" ");
                    if (words[0].equals("RESULT")) {
                        results.computeIfAbsent(words[1], k -> new ArrayList<>())
                                .add(java.util.Arrays.copyOfRange(words, 2, words.length));
                    } else if (words[0].equals("FAIL")) {
                        String[] what = words[1].split("-(?=[0-9]+$)");
                        results.computeIfAbsent(what[0], k -> new ArrayList<>()).add(new String[] {"FAIL",
                                words[1], line.substring(line.indexOf(words[1]) + words[1].length()).trim()});
                    }
                    progress("scaling: " + line);
                }
            }
        } catch (Exception e) {
            error = String.valueOf(e.getMessage());
        }
        report.scaling(results, error);
    }

    private static void runFailover(Launcher launcher, Report report, int rounds, String clients) {
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        String info = null;
        try (ChildProcess child = new ChildProcess("failover", launcher.jvm("org.stompest.bench.failover.FailoverMain",
                List.of(), Integer.toString(rounds), clients), launcher.log("failover"))) {
            for (int i = 0; i < clients.split(",").length + 1; i++) {
                String line = child.await(180);
                if (line.startsWith("INFO uri ")) {
                    info = "Consumer URI: `" + line.substring(9) + "` (initialReconnectDelay default 10 ms); "
                            + "both brokers and the consumer in one JVM, " + rounds + " rounds.";
                } else if (line.startsWith("RESULT ")) {
                    String[] words = line.split(" ");
                    List<Double> values = new ArrayList<>();
                    for (int w = 2; w < words.length; w++) {
                        values.add(Double.parseDouble(words[w]));
                    }
                    millis.put(words[1], values);
                } else if (line.startsWith("FAIL ")) {
                    String[] words = line.split(" ", 3);
                    errors.put(words[1], words.length > 2 ? words[2] : "?");
                }
            }
        } catch (Exception e) {
            errors.put("failover", String.valueOf(e.getMessage()));
        }
        report.failover(millis, errors, info);
    }

    private static void runMemory(Launcher launcher, Report report, int count) {
        Map<String, double[]> perItem = new LinkedHashMap<>();
        Map<String, List<String>> top = new LinkedHashMap<>();
        String error = null;
        try (ChildProcess broker = new ChildProcess("artemis-for-memory",
                launcher.jvm("org.stompest.bench.e2e.BrokerMain", List.of()), launcher.log("artemis-for-memory"))) {
            String uri = broker.expect("READY", 120).split(" ")[0];
            try (ChildProcess child = new ChildProcess("memory", launcher.jvm("org.stompest.bench.memory.MemoryMain",
                    List.of("-XX:+UseSerialGC"), uri, Integer.toString(count)), launcher.log("memory"))) {
                while (perItem.size() < 2 || top.getOrDefault("subscription", List.of()).size() < 8) {
                    String line = child.await(300);
                    String[] words = line.split(" ");
                    if (line.startsWith("RESULT ")) {
                        perItem.put(words[1], new double[] {Double.parseDouble(words[2]), Double.parseDouble(words[3])});
                    } else if (line.startsWith("TOP ")) {
                        top.computeIfAbsent(words[1], k -> new ArrayList<>()).add(String.format("%s %,.0f B (%s)",
                                words[2].replace("java.lang.", "").replace("java.util.", ""),
                                Double.parseDouble(words[3]), words[4]));
                    } else if (line.startsWith("FAIL ")) {
                        throw new IllegalStateException(line);
                    }
                }
            }
        } catch (Exception e) {
            error = String.valueOf(e.getMessage());
        }
        report.memory(perItem, top, error, count);
    }

    private static void updateReadme(Path readme, String text) throws Exception {
        String current = Files.exists(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "";
        int start = current.indexOf(START);
        int end = current.indexOf(END);
        String block = START + "\n" + text + END;
        String updated = start >= 0 && end > start
                ? current.substring(0, start) + block + current.substring(end + END.length())
                : current + "\n" + block + "\n";
        Files.writeString(readme, updated, StandardCharsets.UTF_8);
        progress("wrote the report into " + readme);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        OPTIONS.forEach((name, spec) -> values.put(name, spec[0]));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("bench/run [--option value]...");
                OPTIONS.forEach((name, spec) -> System.out.printf("  --%-18s %s (default: %s)%n", name, spec[1],
                        spec[0].isEmpty() ? "none" : spec[0]));
                return null;
            }
            String name = arg.startsWith("--") ? arg.substring(2) : arg;
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException("Unknown option: " + arg + " (see --help)");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option --" + name + " needs a value");
                }
                value = args[++i];
            }
            values.put(name, value);
        }
        return values;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static String elapsed(long started) {
        Duration d = Duration.ofNanos(System.nanoTime() - started);
        return String.format("%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
