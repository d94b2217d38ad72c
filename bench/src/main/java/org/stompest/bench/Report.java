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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stompest.bench.codec.CodecRun;
import org.stompest.bench.codec.CodecRun.Score;
import org.stompest.bench.e2e.EndToEnd;
import org.stompest.bench.e2e.EndToEnd.Cell;
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

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(title).append("\n\n");
        out.append("Machine: ").append(Machine.describe()).append("  \n");
        out.append("Run: ").append(parameters).append("\n\n");
        targets.clear();
        if (codec != null) {
            renderCodec(out);
        }
        if (e2e != null) {
            renderEndToEnd(out);
        }
        if (failover != null) {
            renderFailover(out);
        }
        if (memory != null || memoryError != null) {
            renderMemory(out);
        }
        if (!targets.isEmpty()) {
            out.append("#### Targets (reported, not asserted)\n\n| target | measured | met |\n|---|---|---|\n");
            targets.forEach(t -> out.append(t).append('\n'));
            out.append('\n');
        }
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
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
        }
    }

    private static double ratio(Map<String, Score> byCodec) {
        Score ours = byCodec.get("stompest");
        double best = byCodec.entrySet().stream().filter(e -> !e.getKey().equals("stompest"))
                .mapToDouble(e -> e.getValue().framesPerSecond()).max().orElse(Double.NaN);
        return ours == null ? Double.NaN : ours.framesPerSecond() / best;
    }

    private void renderEndToEnd(StringBuilder out) {
        List<String> clients = new ArrayList<>(e2e.results.keySet());
        out.append("#### 2. End to end, one embedded Artemis per client (msg/s, best of the measured rounds)\n\n");
        out.append("| scenario |");
        clients.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append(" ours / best peer | ours / ceiling | camel / ours |\n|---|");
        clients.forEach(c -> out.append("---:|"));
        out.append("---:|---:|---:|\n");
        List<String> failures = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            out.append("| ").append(scenario.title()).append(" |");
            for (String client : clients) {
                Cell cell = e2e.results.get(client).get(scenario);
                if (cell.rates.isEmpty()) {
                    failures.add(client + " / " + scenario.wireName() + ": " + cell.failure);
                    out.append(" failed [").append(failures.size()).append("] |");
                } else {
                    out.append(' ').append(count(cell.best()));
                    if (cell.failure != null) {
                        failures.add(client + " / " + scenario.wireName() + " (one round): " + cell.failure);
                        out.append(" [").append(failures.size()).append(']');
                    }
                    out.append(" |");
                }
            }
            double ours = best("stomp-client", scenario);
            double peer = EndToEnd.PEERS.stream().mapToDouble(p -> best(p, scenario)).filter(d -> !Double.isNaN(d))
                    .max().orElse(Double.NaN);
            double ceiling = best("ceiling", scenario);
            double camel = best("camel", scenario);
            out.append(' ').append(times(ours / peer)).append(" | ").append(percent(ours / ceiling)).append(" | ")
                    .append(times(camel / ours)).append(" |\n");
            if (!Double.isNaN(ours)) {
                targets.add("| stomp-client " + scenario.title() + ": >= best peer, >= 80 % of ceiling | "
                        + times(ours / peer) + ", " + percent(ours / ceiling) + " | "
                        + met(ours >= peer && ours >= 0.8 * ceiling) + " |");
            }
            if (!Double.isNaN(camel) && !Double.isNaN(ours)) {
                targets.add("| Camel " + scenario.title() + ": >= 0.8x stomp-client | " + times(camel / ours) + " | "
                        + met(camel >= 0.8 * ours) + " |");
            }
        }
        out.append('\n');
        out.append("Client CPU per message (µs of user + system time of the client's process while it ran the "
                + "scenario, broker not included; the lowest of the measured rounds; 10 ms clock ticks):\n\n");
        out.append("| scenario |");
        clients.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append("\n|---|");
        clients.forEach(c -> out.append("---:|"));
        out.append('\n');
        for (Scenario scenario : Scenario.values()) {
            out.append("| ").append(scenario.title()).append(" |");
            for (String client : clients) {
                double cpu = e2e.results.get(client).get(scenario).leastCpu();
                out.append(' ').append(Double.isNaN(cpu) ? "–" : String.format("%.1f", cpu)).append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
        for (int i = 0; i < failures.size(); i++) {
            out.append('[').append(i + 1).append("] ").append(failures.get(i)).append("  \n");
        }
        if (!failures.isEmpty()) {
            out.append('\n');
        }
        out.append("Clients: ");
        List<String> described = new ArrayList<>();
        e2e.describe.forEach((k, v) -> described.add(k + " = " + v));
        out.append(String.join("; ", described)).append("\n\n");
    }

    private double best(String client, Scenario scenario) {
        Map<Scenario, Cell> cells = e2e.results.get(client);
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
