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
package org.stompest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.testing.BrokerExtension;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.protocol.StompFrame;

/** Many threads on one connection: writes stay whole frames; a subscription with N threads runs N listeners. */
class ConcurrencyIT {
    @RegisterExtension
    static final BrokerExtension<EmbeddedArtemis> artemis = BrokerExtension.artemis();

    @Test
    void concurrentSendersOnOneConnection() throws Exception {
        try (StompConnection connection = new StompConnection(StompConfig.builder().failover(artemis.get().stompUri())
                .build())) {
            connection.connect();
            String queue = "/queue/concurrent-" + UUID.randomUUID();
            Set<String> received = ConcurrentHashMap.newKeySet();
            connection.subscribe(queue, SubscriptionOptions.defaults(),
                    m -> received.add(new String(m.body(), StandardCharsets.UTF_8)));
            int threads = 8;
            int each = 250;
            List<CompletableFuture<StompFrame>> receipts = new ArrayList<>();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread sender = new Thread(() -> {
                    for (int i = 0; i < each; i++) {
                        String body = thread + "-" + i;
                        if (i % 10 == 0) {
                            CompletableFuture<StompFrame> receipt = connection.sendWithReceipt(queue,
                                    body.getBytes(StandardCharsets.UTF_8), Map.of("n", body));
                            synchronized (receipts) {
                                receipts.add(receipt);
                            }
                        } else {
                            connection.send(queue, body.getBytes(StandardCharsets.UTF_8), Map.of("n", body));
                        }
                    }
                });
                senders.add(sender);
                sender.start();
            }
            for (Thread sender : senders) {
                sender.join();
            }
            CompletableFuture.allOf(receipts.toArray(new CompletableFuture<?>[0])).get(20, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == threads * each);
            assertThat(connection.stats().framesSent()).isGreaterThanOrEqualTo(threads * each + 2);
            assertThat(connection.lastError()).isNull();
        }
    }

    @Test
    void manySubscriptionsShareTheBoundedDispatchPoolAndEachKeepsItsOrder() throws Exception {
        int subscriptions = 200;
        int each = 20;
        Map<String, List<Integer>> received = new ConcurrentHashMap<>();
        Set<String> dispatchThreads = ConcurrentHashMap.newKeySet();
        try (ClientRuntime runtime = ClientRuntime.builder().name("fan").dispatchThreads(3).build();
             StompConnection a = new StompConnection(StompConfig.builder().failover(artemis.get().stompUri())
                     .build(), runtime);
             StompConnection b = new StompConnection(StompConfig.builder().failover(artemis.get().stompUri())
                     .build(), runtime)) {
            a.connect();
            b.connect();
            String prefix = "/queue/fan-" + UUID.randomUUID() + "-";
            for (int i = 0; i < subscriptions; i++) {
                String queue = prefix + i;
                List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
                received.put(queue, order);
                (i % 2 == 0 ? a : b).subscribe(queue, SubscriptionOptions.defaults(), m -> {
                    dispatchThreads.add(Thread.currentThread().getName());
                    order.add(Integer.parseInt(new String(m.body(), StandardCharsets.UTF_8)));
                });
            }
            for (int n = 0; n < each; n++) {
                for (int i = 0; i < subscriptions; i++) {
                    a.send(prefix + i, Integer.toString(n).getBytes(StandardCharsets.UTF_8), Map.of());
                }
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> received.values().stream().allMatch(order -> order.size() == each));
        }
        List<Integer> expected = java.util.stream.IntStream.range(0, each).boxed().toList();
        assertThat(received.values()).allSatisfy(order -> assertThat(order).isEqualTo(expected));
        assertThat(dispatchThreads).hasSizeBetween(1, 3).allSatisfy(name -> assertThat(name).startsWith("fan-dispatch-"));
    }

    /**
     * 100 listeners blocked until another subscription of the same runtime delivers (as Camel routes waiting for
     * replies): with the default dispatch pool the waited-for message still gets a thread, and every listener ends.
     */
    @Test
    void blockedListenersNeverStarveAnotherSubscription() throws Exception {
        int blocked = 100;
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        try (StompConnection connection = new StompConnection(StompConfig.builder().failover(artemis.get().stompUri())
                .build())) {
            connection.connect();
            String prefix = "/queue/blocked-" + UUID.randomUUID() + "-";
            connection.subscribe(prefix + "release", SubscriptionOptions.defaults(), m -> release.countDown());
            for (int i = 0; i < blocked; i++) {
                connection.subscribe(prefix + i, SubscriptionOptions.defaults(), m -> {
                    waiting.incrementAndGet();
                    if (release.await(30, TimeUnit.SECONDS)) {
                        finished.incrementAndGet();
                    }
                });
                connection.send(prefix + i, new byte[] {1}, Map.of());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> waiting.get() == blocked);
            connection.send(prefix + "release", new byte[] {1}, Map.of());

            await().atMost(Duration.ofSeconds(10)).until(() -> finished.get() == blocked);
        }
    }

    @Test
    void subscriptionWithFourThreadsRunsFourListenersAtOnce() throws Exception {
        try (StompConnection connection = new StompConnection(StompConfig.builder().failover(artemis.get().stompUri())
                .build())) {
            connection.connect();
            String queue = "/queue/parallel-" + UUID.randomUUID();
            CountDownLatch allIn = new CountDownLatch(4);
            AtomicInteger done = new AtomicInteger();
            connection.subscribe(queue, SubscriptionOptions.builder().concurrency(4).build(), m -> {
                allIn.countDown();
                if (allIn.await(10, TimeUnit.SECONDS)) {
                    done.incrementAndGet();
                }
            });
            for (int i = 0; i < 4; i++) {
                connection.send(queue, new byte[] {(byte) i}, Map.of());
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> done.get() == 4);
        }
    }
}
