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
package org.stompest.client.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.ConnectionPool;
import org.stompest.client.PooledConnection;
import org.stompest.client.StompConfig;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.testing.BrokerExtension;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * Case 5, load: 50 producers and 20 consumers leasing from one {@link ConnectionPool} (4 connections per config, so
 * producers and consumers share sockets), every send with a receipt (up to 8 in flight per producer), every message
 * ACKed individually. Asserts no deadlock (a watchdog asks the JVM for deadlocked threads every 500 ms; the whole
 * case runs under {@code assertTimeoutPreemptively}), no loss, and a bounded heap: the used heap after GC once the
 * load is through may exceed the one before by at most 64 MiB.
 * <p>{@code -Dfaults.load.messages=N}: how many messages, default 200,000 (about 30 s on 2 cores with the JaCoCo agent;
 * should that exceed ~90 s on a CI machine, use 50,000 there). Soak: {@code -Dfaults.load.messages=2000000}.
 * Every thread the case started (connections' readers, subscription workers, producers) must be gone after the pool
 * is closed.
 */
@Tag("faults")
class LoadFaultTest {
    private static final int MESSAGES = Integer.getInteger("faults.load.messages", 200_000);
    private static final int PRODUCERS = 50;
    private static final int CONSUMERS = 20;
    private static final long HEAP_GROWTH_LIMIT = 64L << 20;
    @RegisterExtension
    static final BrokerExtension<EmbeddedArtemis> broker = BrokerExtension.artemis();

    @Test
    void fiftyProducersAndTwentyConsumersOnPooledConnectionsLoseNothingAndKeepTheHeapBounded() {
        assertTimeoutPreemptively(Duration.ofSeconds(Math.max(240, MESSAGES / 500)), this::load);
    }

    private void load() throws Exception {
        Tally tally = new Tally("load");
        String queue = "/queue/faults.load";
        StompConfig config = StompConfig.builder()
                .failover("failover:(" + broker.get().stompUri() + ")?initialReconnectDelay=10,maxReconnectDelay=200,"
                          + "startupMaxReconnectAttempts=-1")
                .heartBeats(1000, 1000)
                .receiptTimeout(Duration.ofSeconds(30))
                .maxConnections(4)
                .name("load")
                .build();
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        List<String> deadlocks = new ArrayList<>();
        Thread watchdog = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long[] ids = threadBean.findDeadlockedThreads();
                if (ids != null) {
                    for (ThreadInfo info : threadBean.getThreadInfo(ids, true, true)) {
                        deadlocks.add(info.toString());
                    }
                    return;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(500); // a watchdog's period
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "faults-load-watchdog");
        watchdog.setDaemon(true);

        ThreadLeaks threadsBefore = ThreadLeaks.snapshot();
        long heapBefore;
        long heapAfter;
        long peakHeap;
        long started;
        long elapsed;
        List<PooledConnection> leases = new ArrayList<>();
        List<ReliableProducer> producers = new ArrayList<>();
        List<VerifyingListener> listeners = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (ConnectionPool pool = new ConnectionPool()) {
            for (int i = 0; i < CONSUMERS; i++) {
                PooledConnection lease = pool.lease(config);
                leases.add(lease);
                VerifyingListener listener = new VerifyingListener(tally);
                listeners.add(listener);
                lease.connection().subscribe(queue, SubscriptionOptions.builder().ackMode("client-individual")
                        .build(), listener);
            }
            AtomicLong next = new AtomicLong();
            for (int i = 0; i < PRODUCERS; i++) {
                PooledConnection lease = pool.lease(config);
                leases.add(lease);
                ReliableProducer producer = new ReliableProducer(lease.connection(), queue, tally, next, 8,
                        seq -> 100, Map.of(), Duration.ofSeconds(30)).throttle(() -> 20_000);
                producers.add(producer);
                threads.add(new Thread(() -> producer.run(MESSAGES), "faults-load-producer-" + i));
            }
            assertThat(pool.size()).as("pooled connections").isEqualTo(4);
            await().atMost(Duration.ofSeconds(30)).until(() -> leases.stream().allMatch(l -> l.connection()
                    .isConnected()));
            heapBefore = HostilePeerFaultTest.usedHeapAfterGc();
            HeapSampler sampler = new HeapSampler();
            sampler.start();
            watchdog.start();
            started = System.nanoTime();
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            await("every confirmed message received").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !deadlocks.isEmpty() || tally.receivedCount() >= tally.confirmedCount()
                                                         && tally.lost().isEmpty());
            elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            sampler.interrupt();
            peakHeap = sampler.peak();
            heapAfter = HostilePeerFaultTest.usedHeapAfterGc();
            leases.forEach(PooledConnection::close);
        } finally {
            watchdog.interrupt();
            producers.forEach(ReliableProducer::stop);
        }
        threadsBefore.assertNoLeaks(Duration.ofSeconds(10), name -> name.startsWith("faults-load-"));
        long heapGrowth = heapAfter - heapBefore;
        tally.extra("producers", PRODUCERS);
        tally.extra("consumers", CONSUMERS);
        tally.extra("rate", tally.confirmedCount() * 1000L / Math.max(1, elapsed) + "/s");
        tally.extra("sendFailures", producers.stream().mapToLong(ReliableProducer::failures).sum());
        tally.extra("heapBefore", heapBefore / (1 << 20) + "MiB");
        tally.extra("heapAfter", heapAfter / (1 << 20) + "MiB");
        tally.extra("heapPeak", peakHeap / (1 << 20) + "MiB");
        tally.report(elapsed);
        assertThat(deadlocks).as("deadlocked threads").isEmpty();
        assertThat(tally.confirmedCount()).isEqualTo(MESSAGES);
        assertThat(tally.corruptedCount()).isZero();
        assertThat(tally.unexpected()).isEmpty();
        assertThat(tally.lost()).as("lost").isEmpty();
        assertThat(heapGrowth).as("heap growth after GC, bytes").isLessThan(HEAP_GROWTH_LIMIT);
    }

    /** Samples the used heap every 100 ms (no GC): the peak the load reached. */
    private static final class HeapSampler extends Thread {
        private volatile long peak;

        HeapSampler() {
            super("faults-load-heap");
            setDaemon(true);
        }

        long peak() {
            return peak;
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    TimeUnit.MILLISECONDS.sleep(100); // a sampler's period
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
