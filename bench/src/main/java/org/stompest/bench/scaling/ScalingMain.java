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
package org.stompest.bench.scaling;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.stompest.bench.e2e.RawStomp;
import org.stompest.bench.memory.MemoryMain;
import org.stompest.client.ConnectionPool;
import org.stompest.client.PooledConnection;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.Subscription;
import org.stompest.client.SubscriptionOptions;

/**
 * Part 5: how throughput and resources grow with concurrency, in one JVM (run with -XX:+UseSerialGC so that heap in
 * use after a collection is exact), with Artemis in another process. Prints, on standard output:
 * <pre>
 * RESULT camel-consumers &lt;concurrentConsumers&gt; &lt;msg/s&gt; &lt;messages&gt;
 * RESULT producers &lt;connections&gt; &lt;msg/s&gt; &lt;messages&gt;
 * RESULT breadth &lt;subscriptions&gt; &lt;connections&gt; &lt;threads added&gt; &lt;heap bytes per subscription&gt;
 *        &lt;messages sent&gt; &lt;received&gt; &lt;out of order&gt; &lt;seconds to subscribe&gt; &lt;seconds to deliver&gt; &lt;peak threads added&gt;
 * FAIL &lt;what&gt; &lt;why&gt;
 * DONE
 * </pre>
 * <ul>
 * <li>camel-consumers: {@code from("stompest:queue:x?concurrentConsumers=n")} (other options default) into a
 * processor that sleeps 1 ms, draining a queue filled beforehand;</li>
 * <li>producers: n stomp-client connections, each on its own thread sending its share without receipts and then
 * one with a receipt (which comes after the broker has taken the rest);</li>
 * <li>breadth: {@code subscriptions} ack:auto subscriptions spread round robin over {@code connections} leases of
 * one {@link ConnectionPool} key ({@code maxConnections = connections}); threads and heap before and after
 * subscribing; then {@code perSubscription} numbered messages to every destination, and each subscription checks
 * that its messages come in the order sent.</li>
 * </ul>
 */
public final class ScalingMain {
    private static final PrintStream PROTOCOL = System.out;

    private ScalingMain() {
    }

    /** args: uri, camel messages, producer messages, subscriptions, connections, messages per subscription. */
    public static void main(String[] args) throws Exception {
        System.setOut(System.err);
        String uri = args[0];
        int camelMessages = Integer.parseInt(args[1]);
        int producerMessages = Integer.parseInt(args[2]);
        int subscriptions = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        int perSubscription = Integer.parseInt(args[5]);
        for (int consumers : new int[] {1, 2, 4}) {
            step("camel-consumers", consumers, camelMessages, () -> camelConsumers(uri, consumers, camelMessages));
        }
        for (int n : new int[] {1, 4, 16}) {
            step("producers", n, producerMessages, () -> producers(uri, n, producerMessages));
        }
        try {
            answer(breadth(uri, subscriptions, connections, perSubscription));
        } catch (Throwable e) {
            e.printStackTrace();
            answer("FAIL breadth " + oneLine(e));
        }
        answer("DONE");
        System.exit(0);
    }

    /** One step of a series: {@code RESULT <kind> <n> <msg/s> <messages>} or {@code FAIL <kind>-<n> <why>}. */
    private static void step(String kind, int n, int messages, Callable<Double> rate) {
        try {
            answer(String.format("RESULT %s %d %.1f %d", kind, n, rate.call(), messages));
        } catch (Exception e) {
            e.printStackTrace();
            answer("FAIL " + kind + "-" + n + " " + oneLine(e));
        }
    }

    private static void answer(String line) {
        PROTOCOL.println(line);
        PROTOCOL.flush();
    }

    private static String oneLine(Throwable e) {
        return String.valueOf(e).replace('\n', ' ');
    }

    private static StompConfig.Builder config(String uri) {
        return StompConfig.builder().failover(uri).login("guest").passcode("guest").host("/");
    }

    private static double camelConsumers(String uri, int consumers, int count) throws Exception {
        String queue = "bench.scaling.camel." + consumers;
        byte[] body = new byte[100];
        Arrays.fill(body, (byte) 'x');
        RawStomp.fill(uri, "/queue/" + queue, body, count);
        CamelContext context = new DefaultCamelContext();
        context.start();
        try {
            CountDownLatch done = new CountDownLatch(1);
            AtomicInteger received = new AtomicInteger();
            AtomicLong first = new AtomicLong();
            AtomicLong last = new AtomicLong();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stompest:queue:" + queue + "?failover=RAW(" + uri + ")&concurrentConsumers=" + consumers)
                            .process(exchange -> {
                                first.compareAndSet(0, System.nanoTime());
                                Thread.sleep(1); // the work each message stands for
                                if (received.incrementAndGet() == count) {
                                    last.set(System.nanoTime());
                                    done.countDown();
                                }
                            });
                }
            });
            if (!done.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Received " + received.get() + " of " + count);
            }
            // from the first message taken to the last done: route start and connecting are not counted
            return (count - 1) / ((last.get() - first.get()) / 1e9);
        } finally {
            context.stop();
        }
    }

    private static double producers(String uri, int n, int count) throws Exception {
        List<StompConnection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                StompConnection connection = new StompConnection(config(uri).build());
                connection.connect();
                connections.add(connection);
            }
            byte[] body = new byte[100];
            Arrays.fill(body, (byte) 'x');
            String destination = "/queue/bench.scaling.producers." + n;
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < n; i++) {
                StompConnection connection = connections.get(i);
                int share = count / n + (i < count % n ? 1 : 0);
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                        for (int m = 0; m < share - 1; m++) {
                            connection.send(destination, body, Map.of());
                        }
                        connection.sendWithReceipt(destination, body, Map.of()).get(120, TimeUnit.SECONDS);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "bench-producer-" + i);
                thread.start();
                threads.add(thread);
            }
            long start = System.nanoTime();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            long nanos = System.nanoTime() - start;
            if (failure.get() != null) {
                throw new IllegalStateException("A producer failed: " + failure.get(), failure.get());
            }
            return count / (nanos / 1e9);
        } finally {
            connections.forEach(StompConnection::disconnect);
        }
    }

    private static String breadth(String uri, int subscriptions, int connectionCount, int perSubscription)
            throws Exception {
        try (ConnectionPool pool = new ConnectionPool()) {
            StompConfig config = config(uri).maxConnections(connectionCount).build();
            List<PooledConnection> leases = new ArrayList<>();
            for (int i = 0; i < connectionCount; i++) {
                leases.add(pool.lease(config));
            }
            awaitConnected(leases);
            long heap0 = MemoryMain.usedHeap();
            int threads0 = MemoryMain.threads();
            int[] next = new int[subscriptions]; // the number each subscription expects next
            AtomicInteger received = new AtomicInteger();
            AtomicInteger outOfOrder = new AtomicInteger();
            int total = subscriptions * perSubscription;
            CountDownLatch all = new CountDownLatch(1);
            SubscriptionOptions options = SubscriptionOptions.builder().ackMode("auto").build();
            List<Subscription> subs = new ArrayList<>(subscriptions);
            long subscribing = System.nanoTime();
            for (int s = 0; s < subscriptions; s++) {
                int index = s;
                subs.add(leases.get(s % connectionCount).connection().subscribe(destination(s), options, message -> {
                    int number = Integer.parseInt(new String(message.body(), StandardCharsets.US_ASCII));
                    synchronized (next) { // a subscription's messages never run at once, but visibility across threads
                        if (number != next[index]) {
                            outOfOrder.incrementAndGet();
                        }
                        next[index] = number + 1;
                    }
                    if (received.incrementAndGet() == total) {
                        all.countDown();
                    }
                }));
            }
            double subscribeSeconds = (System.nanoTime() - subscribing) / 1e9;
            Thread.sleep(1_000); // SUBSCRIBE frames on the wire
            long heap1 = MemoryMain.usedHeap();
            int threads1 = MemoryMain.threads();
            AtomicInteger peakThreads = new AtomicInteger(threads1);
            long delivering = System.nanoTime();
            try (ConnectionPool producerPool = new ConnectionPool();
                 PooledConnection producer = producerPool.lease(config(uri).build())) {
                awaitConnected(List.of(producer));
                for (int m = 0; m < perSubscription; m++) {
                    byte[] body = Integer.toString(m).getBytes(StandardCharsets.US_ASCII);
                    for (int s = 0; s < subscriptions; s++) {
                        producer.connection().send(destination(s), body, Map.of());
                    }
                    peakThreads.accumulateAndGet(MemoryMain.threads(), Math::max);
                }
                AtomicLong waited = new AtomicLong();
                while (!all.await(100, TimeUnit.MILLISECONDS) && waited.addAndGet(100) < 120_000) {
                    peakThreads.accumulateAndGet(MemoryMain.threads(), Math::max);
                }
            }
            double deliverSeconds = (System.nanoTime() - delivering) / 1e9;
            for (Subscription sub : subs) {
                sub.unsubscribe();
            }
            return String.format("RESULT breadth %d %d %d %d %d %d %d %.1f %.1f %d", subscriptions, connectionCount,
                    threads1 - threads0, (heap1 - heap0) / subscriptions, total, received.get(), outOfOrder.get(),
                    subscribeSeconds, deliverSeconds, peakThreads.get() - threads0);
        }
    }

    private static String destination(int s) {
        return "/queue/bench.breadth." + s;
    }

    private static void awaitConnected(List<PooledConnection> leases) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (PooledConnection lease : leases) {
            while (!lease.connection().isConnected()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Connections not connected after 120 s: "
                            + lease.connection().state());
                }
                Thread.sleep(10);
            }
        }
    }

}
