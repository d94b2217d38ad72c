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
package org.stompest.bench.memory;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import org.stompest.client.ConnectionPool;
import org.stompest.client.PooledConnection;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.Subscription;
import org.stompest.client.SubscriptionOptions;

/**
 * Part 4: retained heap of idle pooled connections and of subscriptions, with the broker in another process.
 * Heap in use is read after three full collections (run with -XX:+UseSerialGC so that "used" is exact), before
 * and after opening {@code n} pooled connections (one key, {@code maxConnections = n}, so each lease opens its own
 * connection) and before and after {@code n} subscriptions on one of them.
 * <pre>
 * RESULT connection &lt;bytes per connection&gt; &lt;threads per connection&gt;
 * RESULT subscription &lt;bytes per subscription&gt; &lt;threads per subscription&gt;
 * TOP connection|subscription &lt;class&gt; &lt;bytes per item&gt; &lt;instances per item&gt;
 * </pre>
 * The TOP lines come from the difference of two class histograms ({@code GC.class_histogram}, which collects
 * first) and name where the bytes go.
 */
public final class MemoryMain {
    private MemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        String uri = args[0];
        int n = Integer.parseInt(args[1]);
        try (ConnectionPool pool = new ConnectionPool()) {
            StompConfig config = StompConfig.builder().failover(uri).maxConnections(n).build();
            // one connection first, so that class loading and static state are not counted
            try (ConnectionPool warmPool = new ConnectionPool();
                 PooledConnection warm = warmPool.lease(StompConfig.builder().failover(uri).build())) {
                awaitConnected(List.of(warm.connection()));
                warm.connection().subscribe("/queue/bench.memory.warm",
                        SubscriptionOptions.builder().ackMode("auto").build(), message -> { }).unsubscribe();
            }
            Map<String, long[]> histogram0 = histogram();
            long heap0 = usedHeap();
            int threads0 = threads();
            List<PooledConnection> leases = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                leases.add(pool.lease(config));
            }
            awaitConnected(leases.stream().map(PooledConnection::connection).toList());
            long heap1 = usedHeap();
            int threads1 = threads();
            Map<String, long[]> histogram1 = histogram();
            protocol.printf("RESULT connection %d %.2f%n", (heap1 - heap0) / n, (threads1 - threads0) / (double) n);
            top(protocol, "connection", histogram0, histogram1, n);
            protocol.flush();

            StompConnection connection = leases.get(0).connection();
            List<Subscription> subscriptions = new ArrayList<>();
            SubscriptionOptions options = SubscriptionOptions.builder().ackMode("auto").build();
            for (int i = 0; i < n; i++) {
                subscriptions.add(connection.subscribe("/queue/bench.memory." + i, options, message -> { }));
            }
            Thread.sleep(1_000); // SUBSCRIBE frames on the wire
            long heap2 = usedHeap();
            int threads2 = threads();
            Map<String, long[]> histogram2 = histogram();
            protocol.printf("RESULT subscription %d %.2f%n", (heap2 - heap1) / n, (threads2 - threads1) / (double) n);
            top(protocol, "subscription", histogram1, histogram2, n);
            protocol.flush();
            if (subscriptions.size() != n) {
                throw new IllegalStateException("lost subscriptions");
            }
        }
        System.exit(0);
    }

    private static void awaitConnected(List<StompConnection> connections) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (StompConnection connection : connections) {
            while (!connection.isConnected()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Connections not connected after 120 s: " + connection.state());
                }
                Thread.sleep(10);
            }
        }
    }

    /** Heap in use after three full collections (exact with -XX:+UseSerialGC). */
    public static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Class name -> {instances, bytes} of the live heap, from the GC.class_histogram diagnostic command. */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 4 && words[0].endsWith(":")) {
                classes.put(words[3], new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])});
            }
        }
        return classes;
    }

    /** The classes that grew most between two histograms, per item, as TOP lines. */
    private static void top(PrintStream out, String what, Map<String, long[]> before, Map<String, long[]> after,
                            int n) {
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        after.forEach((name, v) -> {
            long[] was = before.getOrDefault(name, new long[2]);
            grown.add(Map.entry(name, new long[] {v[0] - was[0], v[1] - was[1]}));
        });
        grown.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(8, grown.size()))) {
            out.printf("TOP %s %s %.0f %.1f%n", what, e.getKey(), e.getValue()[1] / (double) n,
                    e.getValue()[0] / (double) n);
        }
    }

    /** Live threads of this JVM. */
    public static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
