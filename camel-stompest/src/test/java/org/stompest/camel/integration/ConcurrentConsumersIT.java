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
package org.stompest.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestEndpoint;

/** Throughput without loss or duplicates: 10,000 messages, many sends in flight, four consumers at once. */
class ConcurrentConsumersIT extends StompestITSupport {
    private static final int MESSAGES = 10_000;

    @Test
    void tenThousandMessagesArriveExactlyOnceWithFourConsumers() throws Exception {
        String queue = unique("bulk");
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger processing = new AtomicInteger();
        AtomicInteger maxProcessing = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue + "?concurrentConsumers=4").routeId("bulk").process(exchange -> {
                    threads.add(Thread.currentThread().getName());
                    maxProcessing.accumulateAndGet(processing.incrementAndGet(), Math::max);
                    received.computeIfAbsent(exchange.getMessage().getBody(String.class), k -> new AtomicInteger())
                            .incrementAndGet();
                    processing.decrementAndGet();
                });
            }
        });

        StompestEndpoint endpoint = context.getEndpoint("stompest:queue:" + queue, StompestEndpoint.class);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        Semaphore window = new Semaphore(500);
        CountDownLatch confirmed = new CountDownLatch(MESSAGES);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        for (int i = 0; i < MESSAGES; i++) {
            window.acquire();
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody("message " + i);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            producer.process(exchange, done -> {
                if (exchange.getException() != null) {
                    failures.incrementAndGet();
                }
                inFlight.decrementAndGet();
                window.release();
                confirmed.countDown();
            });
        }
        assertThat(confirmed.await(30, TimeUnit.SECONDS)).isTrue();
        producer.stop();
        assertThat(failures).hasValue(0);
        assertThat(maxInFlight.get()).as("sends in flight at once").isGreaterThan(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == MESSAGES);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> received.values().stream().allMatch(count -> count.get() == 1));
        assertThat(received).hasSize(MESSAGES);
        // the subscription's listener runs on the shared dispatch pool: concurrentConsumers bounds how many
        // exchanges run at once, not which pool threads they run on
        assertThat(maxProcessing.get()).as("exchanges processed at once").isGreaterThan(1).isLessThanOrEqualTo(4);
        assertThat(threads).as("consumer threads").allSatisfy(name -> assertThat(name).contains("-dispatch-"));
        assertThat(endpoint.getExchangesOut()).isEqualTo(MESSAGES);
        assertThat(((StompestEndpoint) context.getRoute("bulk").getEndpoint()).getExchangesIn())
                .isEqualTo(MESSAGES);
    }
}
