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
import org.stompest.bench.e2e.EndToEnd;

/**
 * The one command behind {@code bench/run}: runs the four parts (codec, e2e, failover, memory), prints one
 * Markdown report and writes it to {@code results/latest.md} and into bench/README.md between its markers.
 * Every option is declared once in {@link #OPTIONS}, with its default and help.
 */
public final class BenchMain {
    private static final String START = "<!-- bench:results:start -->";
    private static final String END = "<!-- bench:results:end -->";

    /** name -> {default, help}. */
    private static final Map<String, String[]> OPTIONS = new LinkedHashMap<>();

    static {
        option("parts", "codec,e2e,failover,memory", "which parts to run, comma separated");
        option("messages", "100000", "messages per end-to-end round");
        option("rounds", "3", "measured end-to-end rounds per client (after one warm-up round)");
        option("body", "100", "end-to-end message body size in bytes");
        option("window", "1000", "receipts (or exchanges) in flight at most when producing with receipts");
        option("clients", String.join(",", EndToEnd.CLIENTS), "end-to-end clients, comma separated");
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
        String parameters = String.format("%s; %,d messages of %s B per round, 1 warm-up + %d measured rounds, "
                        + "receipt window %s; JMH %s fork(s), %s x %s s warm-up, %s x %s s measured", stamp, messages,
                o.get("body"), rounds, o.get("window"), o.get("jmh-forks"), o.get("jmh-warmups"),
                o.get("jmh-seconds"), o.get("jmh-iterations"), o.get("jmh-seconds"));
        Report report = new Report("### Latest results", parameters);

        if (parts.contains("codec")) {
            progress("part 1: codec (JMH; its log: " + logs.resolve("jmh.log") + ")");
            report.codec(new CodecRun(Integer.parseInt(o.get("jmh-forks")), Integer.parseInt(o.get("jmh-warmups")),
                    Integer.parseInt(o.get("jmh-iterations")), Integer.parseInt(o.get("jmh-seconds")),
                    logs.resolve("jmh.log"), o.get("jmh-include")).run());
            progress("part 1 done after " + elapsed(started));
        }
        if (parts.contains("e2e")) {
            progress("part 2: end to end");
            EndToEnd e2e = new EndToEnd(launcher, messages, rounds, Integer.parseInt(o.get("body")),
                    Integer.parseInt(o.get("window"))).profile(Boolean.parseBoolean(o.get("profile")));
            e2e.run(List.of(o.get("clients").split(",")));
            report.e2e(e2e);
            progress("part 2 done after " + elapsed(started));
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
        String text = report.render();
        System.out.println();
        System.out.println(text);
        Path results = benchDir.resolve("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("latest.md"), text, StandardCharsets.UTF_8);
        if (Boolean.parseBoolean(o.get("update-readme"))) {
            updateReadme(benchDir.resolve("README.md"), text);
        }
        System.exit(0);
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
            String uri = broker.expect("READY", 120);
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
