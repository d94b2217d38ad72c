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

import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stompest.bench.codec.CodecRun;
import org.stompest.bench.codec.CodecRun.Score;
import org.stompest.bench.e2e.EndToEnd;
import org.stompest.bench.e2e.EndToEnd.Cell;
import org.stompest.bench.e2e.EndToEnd.LatencyResult;
import org.stompest.bench.e2e.Scenario;

/** Renders the results of one run as Markdown tables, with the targets and whether they were met. */
public final class Report {
    private static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("a_stream", "(a) 1,000 MESSAGE frames, 8 headers, 100 B body, in one piece");
        CASES.put("b_large", "(b) 1 MiB bodies with content-length, 64 KiB reads");
        CASES.put("c_segments", "(c) stream of (a) in 1,460-byte chunks");
        CASES.put("d_bytewise", "(d) stream of (a), one byte at a time");
        CASES.put("encode", "encode a SEND frame (8 headers, 100 B body)");
    }

    private final String title;
    private final String parameters;
    private Map<String, Map<String, Score>> codec;
    private EndToEnd e2e;
    private final List<EndToEnd> otherBrokers = new ArrayList<>();
    private final List<EndToEnd> relays = new ArrayList<>();
    private Map<String, List<String[]>> scaling;
    private String scalingError;
    private final List<String[]> pictures = new ArrayList<>();
    private Map<String, List<Double>> failover;
    private Map<String, String> failoverErrors;
    private String failoverInfo;
    private Map<String, double[]> memory;
    private Map<String, List<String>> memoryTop;
    private String memoryError;
    private int memoryCount;
    private final List<String> targets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String title, String parameters) {
        this.title = title;
        this.parameters = parameters;
    }

    public void codec(Map<String, Map<String, Score>> scores) {
        this.codec = scores;
    }

    public void e2e(EndToEnd results) {
        this.e2e = results;
    }

    /** The end-to-end table on another broker (ActiveMQ Classic, RabbitMQ). */
    public void otherBroker(EndToEnd results) {
        otherBrokers.add(results);
    }

    /** A Camel relay figure (on any broker). */
    public void relay(EndToEnd results) {
        relays.add(results);
    }

    /** kind (camel-consumers, producers, breadth) -> the words of each RESULT line after the kind. */
    public void scaling(Map<String, List<String[]>> results, String error) {
        this.scaling = results;
        this.scalingError = error;
    }

    /** A picture under bench/results, shown in the report. */
    public void picture(String caption, String fileName) {
        pictures.add(new String[] {caption, fileName});
    }

    public void failover(Map<String, List<Double>> millis, Map<String, String> errors, String info) {
        this.failover = millis;
        this.failoverErrors = errors;
        this.failoverInfo = info;
    }

    public void memory(Map<String, double[]> perItem, Map<String, List<String>> top, String error, int count) {
        this.memory = perItem;
        this.memoryTop = top;
        this.memoryError = error;
        this.memoryCount = count;
    }

    public void note(String note) {
        notes.add(note);
    }

    /** The report; pictures are linked as {@code imagePrefix + file name}. */
    public String render(String imagePrefix) {
        StringBuilder out = new StringBuilder();
        out.append(title).append("\n\n");
        out.append("Machine: ").append(Machine.describe()).append("  \n");
        out.append("Run: ").append(parameters).append("\n\n");
        targets.clear();
        if (codec != null) {
            renderCodec(out);
        }
        if (e2e != null && e2e.results.values().stream().flatMap(cells -> cells.values().stream())
                .anyMatch(c -> !c.rates.isEmpty() || c.failure != null)) {
            renderEndToEnd(out, e2e, "#### 2. End to end, one embedded Artemis per client", true);
        }
        if (failover != null) {
            renderFailover(out);
        }
        if (memory != null || memoryError != null) {
            renderMemory(out);
        }
        if (e2e != null && !e2e.latencies.isEmpty()) {
            renderLatency(out);
        }
        if (e2e != null && !e2e.sizeResults.isEmpty()) {
            renderSizes(out);
        }
        for (EndToEnd other : otherBrokers) {
            renderEndToEnd(out, other, "#### 7. End to end on " + brokerName(other.brokerKind())
                    + " (one broker shared by the clients, which take turns)", false);
        }
        if (!relays.isEmpty()) {
            renderRelays(out);
        }
        if (scaling != null || scalingError != null) {
            renderScaling(out);
        }
        if (!targets.isEmpty()) {
            out.append("#### Targets (reported, not asserted)\n\n| target | measured | met |\n|---|---|---|\n");
            targets.forEach(t -> out.append(t).append('\n'));
            out.append('\n');
        }
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        if (!pictures.isEmpty()) {
            out.append("\n#### Pictures\n\n");
            pictures.forEach(p -> out.append("![").append(p[0]).append("](").append(imagePrefix).append(p[1])
                    .append(")\n\n"));
        }
        return out.toString();
    }

    private void renderCodec(StringBuilder out) {
        out.append("#### 1. Codec, in memory (JMH: median of the measured iterations; MB/s = frames/s x wire bytes "
                + "per frame)\n\n");
        out.append("| case | codec | frames/s | slowest - fastest iteration | MB/s | B allocated per frame "
                + "| ours / best peer |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, String> c : CASES.entrySet()) {
            Map<String, Score> byCodec = codec.get(c.getKey());
            if (byCodec == null || byCodec.isEmpty()) {
                continue;
            }
            double ratio = ratio(byCodec);
            boolean first = true;
            for (String name : CodecRun.CODECS) {
                Score s = byCodec.get(name);
                if (s == null) {
                    continue;
                }
                out.append("| ").append(first ? c.getValue() : "").append(" | ").append(name).append(" | ")
                        .append(count(s.framesPerSecond())).append(" | ").append(count(s.min())).append(" - ")
                        .append(count(s.max())).append(" | ")
                        .append(String.format("%,.1f", s.megabytesPerSecond())).append(" | ")
                        .append(Double.isNaN(s.allocatedPerFrame()) ? "?" : count(s.allocatedPerFrame())).append(" | ")
                        .append(name.equals("stompest") ? times(ratio) : "").append(" |\n");
                first = false;
            }
        }
        out.append('\n');
        Map<String, Score> a = codec.get("a_stream");
        if (a != null && a.get("stompest") != null) {
            double r = ratio(a);
            targets.add("| parser >= 2x best peer on (a) | " + times(r) + " | " + met(r >= 2) + " |");
        }
        Map<String, Score> b = codec.get("b_large");
        if (b != null && b.get("stompest") != null) {
            double mbs = b.get("stompest").megabytesPerSecond();
            targets.add("| parser > 1 GB/s on (b) | " + String.format("%,.0f MB/s", mbs) + " | " + met(mbs > 1000)
                    + " |");
            Score netty = b.get("netty");
            if (netty != null) {
                double r = b.get("stompest").framesPerSecond() / netty.framesPerSecond();
                targets.add("| (b) 1 MiB bodies >= 1.0x Netty, one body allocation per frame (about 1 MiB) | "
                        + times(r) + ", " + count(b.get("stompest").allocatedPerFrame()) + " B/frame | "
                        + met(r >= 1.0 && b.get("stompest").allocatedPerFrame() < 1.25 * (1 << 20)) + " |");
            }
        }
        Map<String, Score> encode = codec.get("encode");
        if (encode != null && encode.get("stompest") != null && encode.get("spring") != null) {
            double r = encode.get("stompest").framesPerSecond() / encode.get("spring").framesPerSecond();
            targets.add("| encode >= 1.2x Spring | " + times(r) + " | " + met(r >= 1.2) + " |");
        }
        for (String c : List.of("a_stream", "c_segments", "d_bytewise")) {
            Map<String, Score> byCodec = codec.get(c);
            if (byCodec != null && byCodec.get("stompest") != null) {
                double r = ratio(byCodec);
                targets.add("| codec " + c.substring(0, 1) + ": >= 1.1x best peer | " + times(r) + " | "
                        + met(r >= 1.1) + " |");
            }
        }
    }

    private static double ratio(Map<String, Score> byCodec) {
        Score ours = byCodec.get("stompest");
        double best = byCodec.entrySet().stream().filter(e -> !e.getKey().equals("stompest"))
                .mapToDouble(e -> e.getValue().framesPerSecond()).max().orElse(Double.NaN);
        return ours == null ? Double.NaN : ours.framesPerSecond() / best;
    }

    private void renderEndToEnd(StringBuilder out, EndToEnd run, String heading, boolean goals) {
        List<String> clients = new ArrayList<>(run.results.keySet());
        out.append(heading).append(String.format(" (msg/s, best of the measured rounds, %,d messages of 100 B)%n%n",
                run.messages()));
        out.append("| scenario |");
        clients.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append(" ours / best peer | ours / ceiling | camel / ours |\n|---|");
        clients.forEach(c -> out.append("---:|"));
        out.append("---:|---:|---:|\n");
        List<String> failures = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            out.append("| ").append(scenario.title()).append(" |");
            for (String client : clients) {
                Cell cell = run.results.get(client).get(scenario);
                cell(out, cell, client + " / " + scenario.wireName(), failures, count(cell.best()));
            }
            double ours = best(run, "stomp-client", scenario);
            double peer = EndToEnd.PEERS.stream().mapToDouble(p -> best(run, p, scenario))
                    .filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
            double ceiling = best(run, "ceiling", scenario);
            double camel = best(run, "camel", scenario);
            out.append(' ').append(times(ours / peer)).append(" | ").append(percent(ours / ceiling)).append(" | ")
                    .append(times(camel / ours)).append(" |\n");
            if (goals && !Double.isNaN(ours)) {
                targets.add("| stomp-client " + scenario.title() + ": >= 1.1x best peer, >= 85 % of ceiling | "
                        + times(ours / peer) + ", " + percent(ours / ceiling) + " | "
                        + met(ours >= 1.1 * peer && ours >= 0.85 * ceiling) + " |");
            }
            if (goals && !Double.isNaN(camel) && !Double.isNaN(ours)) {
                targets.add("| Camel " + scenario.title() + ": >= 0.9x stomp-client | " + times(camel / ours) + " | "
                        + met(camel >= 0.9 * ours) + " |");
            }
        }
        out.append('\n');
        out.append("Client CPU per message (µs of user + system time of the client's process while it ran the "
                + "scenario, broker not included; the lowest of the measured rounds; 10 ms clock ticks) and heap "
                + "allocated per message (B, by the client's Java threads, from ThreadMXBean; lowest round):\n\n");
        out.append("| scenario |");
        clients.forEach(c -> out.append(' ').append(c).append(" µs |"));
        clients.forEach(c -> out.append(' ').append(c).append(" B |"));
        out.append("\n|---|");
        clients.forEach(c -> out.append("---:|---:|"));
        out.append('\n');
        for (Scenario scenario : Scenario.values()) {
            out.append("| ").append(scenario.title()).append(" |");
            for (String client : clients) {
                double cpu = run.results.get(client).get(scenario).leastCpu();
                out.append(' ').append(Double.isNaN(cpu) ? "–" : String.format("%.1f", cpu)).append(" |");
            }
            for (String client : clients) {
                out.append(' ').append(count(run.results.get(client).get(scenario).leastAllocated())).append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
        footnotes(out, failures);
        out.append("Clients: ");
        List<String> described = new ArrayList<>();
        run.describe.forEach((k, v) -> described.add(k + " = " + v));
        out.append(String.join("; ", described)).append("\n\n");
    }

    /** A table cell: the figure, with a footnote when a round failed, or "failed [n]". */
    private static void cell(StringBuilder out, Cell cell, String what, List<String> failures, String figure) {
        if (cell == null) {
            out.append(" – |");
        } else if (cell.rates.isEmpty()) {
            failures.add(what + ": " + cell.failure);
            out.append(" failed [").append(failures.size()).append("] |");
        } else {
            out.append(' ').append(figure);
            if (cell.failure != null) {
                failures.add(what + " (one round): " + cell.failure);
                out.append(" [").append(failures.size()).append(']');
            }
            out.append(" |");
        }
    }

    private static void footnotes(StringBuilder out, List<String> failures) {
        for (int i = 0; i < failures.size(); i++) {
            out.append('[').append(i + 1).append("] ").append(failures.get(i)).append("  \n");
        }
        if (!failures.isEmpty()) {
            out.append('\n');
        }
    }

    private static String brokerName(String kind) {
        switch (kind) {
            case "artemis":
                return "Artemis 2.55";
            case "classic":
                return "ActiveMQ Classic 6.3 (STOMP connector with transport.tcpNoDelay=true)";
            case "classic-nagle":
                return "ActiveMQ Classic 6.3 with its default connector (Nagle on)";
            case "rabbitmq":
                return "RabbitMQ 3.10";
            default:
                return kind;
        }
    }

    private void renderLatency(StringBuilder out) {
        out.append("#### 5. Latency: send to receive at a fixed rate (µs, HdrHistogram; from the intended send "
                + "time, so a stalled sender counts; sender and receiver in one process, ack:auto, 100 B)\n\n");
        out.append("| rate | client | p50 | p90 | p99 | p99.9 | max | arrived |\n|---:|---|---:|---:|---:|---:|---:|---:|\n");
        e2e.latencies.forEach((rate, byClient) -> {
            boolean first = true;
            for (Map.Entry<String, LatencyResult> e : byClient.entrySet()) {
                LatencyResult r = e.getValue();
                out.append("| ").append(first ? String.format("%,d msg/s", rate) : "").append(" | ").append(e.getKey())
                        .append(" |");
                if (r.histogram() == null) {
                    out.append(" failed: ").append(r.failure()).append(" | | | | | |\n");
                } else {
                    for (double p : new double[] {50, 90, 99, 99.9}) {
                        out.append(' ').append(micros(r.histogram().getValueAtPercentile(p))).append(" |");
                    }
                    out.append(' ').append(micros(r.histogram().getMaxValue())).append(" | ")
                            .append(String.format("%,d of %,d", r.received(), r.sent())).append(" |\n");
                }
                first = false;
            }
        });
        out.append('\n');
    }

    private static String micros(double nanos) {
        if (Double.isNaN(nanos)) {
            return "–";
        }
        double us = nanos / 1e3;
        return us >= 100 ? String.format("%,.0f", us) : String.format(Locale.ROOT, "%.1f", us);
    }

    private void renderSizes(StringBuilder out) {
        List<String> clients = new ArrayList<>(e2e.results.keySet());
        out.append("#### 6. Message size: end to end on Artemis (msg/s and MB/s of body, best of the size rounds)"
                + "\n\n| scenario, body x messages |");
        clients.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append(" ours / best peer |\n|---|");
        clients.forEach(c -> out.append("---:|"));
        out.append("---:|\n");
        List<String> failures = new ArrayList<>();
        e2e.sizeResults.forEach((row, byClient) -> {
            int bytes = e2e.sizeBytes.get(row);
            out.append("| ").append(row).append(" |");
            for (String client : clients) {
                Cell cell = byClient.get(client);
                double best = cell == null ? Double.NaN : cell.best();
                cell(out, cell, client + " / " + row, failures,
                        count(best) + " (" + String.format("%,.0f", best * bytes / 1e6) + " MB/s)");
            }
            double ours = byClient.get("stomp-client") == null ? Double.NaN : byClient.get("stomp-client").best();
            double peer = EndToEnd.PEERS.stream().filter(byClient::containsKey)
                    .mapToDouble(p -> byClient.get(p).best()).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
            out.append(' ').append(times(ours / peer)).append(" |\n");
        });
        out.append('\n');
        footnotes(out, failures);
        out.append("Heap allocated per message by the client's Java threads (B, lowest round):\n\n| scenario, body x "
                + "messages |");
        clients.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append("\n|---|");
        clients.forEach(c -> out.append("---:|"));
        out.append('\n');
        e2e.sizeResults.forEach((row, byClient) -> {
            out.append("| ").append(row).append(" |");
            for (String client : clients) {
                Cell cell = byClient.get(client);
                out.append(' ').append(cell == null ? "–" : count(cell.leastAllocated())).append(" |");
            }
            out.append('\n');
        });
        out.append('\n');
    }

    private void renderRelays(StringBuilder out) {
        out.append("#### 8. Camel relay `from(stompest:queue:a).to(stompest:queue:b)`: default options (ackMode "
                + "client-individual, each SEND waits for its RECEIPT, persistent) unless the row says\n\n"
                + "| broker | producer options | messages | msg/s |\n|---|---|---:|---:|\n");
        for (EndToEnd run : relays) {
            for (EndToEnd.Relay r : run.relays) {
                out.append("| ").append(brokerName(run.brokerKind())).append(" | ")
                        .append(r.producerOptions().isEmpty() ? "defaults" : "`" + r.producerOptions() + "`")
                        .append(" | ").append(String.format("%,d", r.messages())).append(" | ")
                        .append(r.failure() != null ? "failed: " + r.failure() : count(r.rate())).append(" |\n");
            }
        }
        out.append('\n');
    }

    private void renderScaling(StringBuilder out) {
        out.append("#### 9. Scaling (one JVM, Artemis in another process)\n\n");
        if (scalingError != null) {
            out.append("failed: ").append(scalingError).append("\n\n");
        }
        if (scaling == null) {
            return;
        }
        List<String[]> camel = scaling.getOrDefault("camel-consumers", List.of());
        List<String[]> producers = scaling.getOrDefault("producers", List.of());
        if (!camel.isEmpty() || !producers.isEmpty()) {
            out.append("| what | n | msg/s | messages | against n = 1 |\n|---|---:|---:|---:|---:|\n");
            for (List<String[]> rows : List.of(camel, producers)) {
                double base = Double.NaN;
                for (String[] w : rows) {
                    if (w[0].equals("FAIL")) {
                        out.append("| ").append(w[1]).append(" | | failed: ").append(w[2]).append(" | | |\n");
                        continue;
                    }
                    double rate = Double.parseDouble(w[1]);
                    if (w[0].equals("1")) {
                        base = rate;
                    }
                    out.append("| ").append(rows == camel
                                    ? "Camel route, concurrentConsumers = n, 1 ms processor (msg/s at most n x 1,000)"
                                    : "stomp-client, n producer connections, no receipts (one thread each)")
                            .append(" | ").append(w[0]).append(" | ").append(count(rate)).append(" | ")
                            .append(String.format("%,d", Long.parseLong(w[2]))).append(" | ")
                            .append(times(rate / base)).append(" |\n");
                }
            }
            out.append('\n');
        }
        for (String[] w : scaling.getOrDefault("breadth", List.of())) {
            if (w[0].equals("FAIL")) {
                out.append("Breadth failed: ").append(w[2]).append("\n\n");
                continue;
            }
            int subscriptions = Integer.parseInt(w[0]);
            out.append(String.format("Breadth: %,d ack:auto subscriptions over %s pooled connections (round robin), "
                    + "then %,d numbered messages (the same count to each destination):%n%n", subscriptions, w[1],
                    Long.parseLong(w[4])));
            out.append("| threads added by subscribing | peak threads added while delivering | heap per subscription "
                    + "| subscribe all (s) | deliver all (s) | received | out of order |\n"
                    + "|---:|---:|---:|---:|---:|---:|---:|\n");
            out.append("| ").append(String.format("%,d", Long.parseLong(w[2]))).append(" | ")
                    .append(String.format("%,d", Long.parseLong(w[9]))).append(" | ")
                    .append(String.format("%,d B (%.1f KiB)", Long.parseLong(w[3]), Long.parseLong(w[3]) / 1024.0))
                    .append(" | ").append(w[7]).append(" | ").append(w[8]).append(" | ")
                    .append(String.format("%,d", Long.parseLong(w[5]))).append(" | ").append(w[6]).append(" |\n\n");
            long added = Long.parseLong(w[2]);
            targets.add("| breadth: threads bounded by the configured concurrency, not by " + String.format("%,d",
                    subscriptions) + " subscriptions | " + String.format("%,d threads added", added) + " | "
                    + met(added < subscriptions / 10) + " |");
            targets.add("| breadth: order per subscription kept, nothing lost | " + w[6] + " out of order, "
                    + String.format("%,d of %,d", Long.parseLong(w[5]), Long.parseLong(w[4])) + " received | "
                    + met(w[6].equals("0") && w[5].equals(w[4])) + " |");
        }
    }

    private static double best(EndToEnd run, String client, Scenario scenario) {
        Map<Scenario, Cell> cells = run.results.get(client);
        return cells == null ? Double.NaN : cells.get(scenario).best();
    }

    private void renderFailover(StringBuilder out) {
        out.append("#### 3. Failover: ms from stopping the active broker to the first message through the other\n\n");
        if (failoverInfo != null) {
            out.append(failoverInfo).append("\n\n");
        }
        out.append("| client | each round (ms) | median | max |\n|---|---|---:|---:|\n");
        failover.forEach((client, millis) -> {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            double median = sorted.get(sorted.size() / 2);
            double max = sorted.get(sorted.size() - 1);
            out.append("| ").append(client).append(" | ")
                    .append(String.join(", ", millis.stream().map(m -> String.format("%.0f", m)).toList()))
                    .append(" | ").append(String.format("%.0f", median)).append(" | ")
                    .append(String.format("%.0f", max)).append(" |\n");
            targets.add("| failover " + client + " < 100 ms + initialReconnectDelay (10 ms) | median "
                    + String.format("%.0f ms, max %.0f ms", median, max) + " | " + met(max < 110) + " |");
        });
        failoverErrors.forEach((client, error) -> out.append("| ").append(client).append(" | failed: ")
                .append(error).append(" | | |\n"));
        out.append('\n');
    }

    private void renderMemory(StringBuilder out) {
        out.append("#### 4. Memory: retained heap after GC (").append(String.format("%,d", memoryCount))
                .append(" of each, broker in another process)\n\n");
        if (memoryError != null) {
            out.append("failed: ").append(memoryError).append("\n\n");
        }
        if (memory != null && !memory.isEmpty()) {
            out.append("| what | heap per item | threads per item | largest growth by class, per item (instances) |\n")
                    .append("|---|---:|---:|---|\n");
            memory.forEach((what, v) -> out.append("| ")
                    .append(what.equals("connection") ? "idle pooled connection (stomp-client)"
                            : "subscription, ack:auto (stomp-client)").append(" | ")
                    .append(String.format("%,.0f B (%.1f KiB)", v[0], v[0] / 1024)).append(" | ")
                    .append(String.format("%.2f", v[1])).append(" | ")
                    .append(String.join(", ", memoryTop.getOrDefault(what, List.of()).subList(0,
                            Math.min(5, memoryTop.getOrDefault(what, List.of()).size()))))
                    .append(" |\n"));
            out.append('\n');
        }
    }

    private static String count(double value) {
        return Double.isNaN(value) ? "–" : String.format("%,.0f", value);
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "–" : String.format("%.2fx", ratio);
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "–" : String.format("%.0f %%", 100 * ratio);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }
}
