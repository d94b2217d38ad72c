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

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stompest.camel.StompestEndpoint;
import org.stompest.client.StompConnection;

/** Two brokers behind one failover URI; the route moves from one to the other while it runs. */
class FailoverIT extends CamelTestSupport {
    @TempDir
    Path journals;

    private PersistentArtemis first;
    private PersistentArtemis second;

    @BeforeEach
    void startBrokers() throws Exception {
        first = new PersistentArtemis(journals.resolve("first")).start();
        second = new PersistentArtemis(journals.resolve("second")).start();
        // a configured durable queue, as in production (an auto-created one may go when the broker stops)
        first.createQueue("moving");
        second.createQueue("moving");
    }

    @AfterEach
    void stopBrokers() throws Exception {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private String brokers() {
        return "tcp://127.0.0.1:" + first.port() + ",tcp://127.0.0.1:" + second.port();
    }

    @Test
    void theDesignBriefUriWorksAsWrittenAndFailsOver() throws Exception {
        String uri = "stompest:queue:/brief?failover=failover:(" + brokers()
                     + ")?randomize=false,maxReconnectAttempts=3";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("brief").to("mock:brief");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:brief");
        mock.expectedBodiesReceived("to the first");

        template.sendBody(uri, "to the first");

        mock.assertIsSatisfied();
        StompConnection connection = ((StompestEndpoint) context.getRoute("brief").getEndpoint()).connection();
        assertThat(connection.currentBroker()).endsWith(":" + first.port());

        first.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> connection.isConnected()
                && connection.currentBroker().endsWith(":" + second.port()));
        mock.reset();
        mock.expectedBodiesReceived("to the second");
        template.sendBody(uri, "to the second");
        mock.assertIsSatisfied();
    }

    private static String queueState(PersistentArtemis broker) {
        if (broker.server() == null) {
            return "stopped";
        }
        org.apache.activemq.artemis.core.server.Queue queue = broker.server().locateQueue("moving");
        return queue == null ? "no queue" : "[messages=" + queue.getMessageCount() + ", delivering="
                + queue.getDeliveringCount() + ", consumers=" + queue.getConsumerCount() + ", durable="
                + queue.isDurable() + "]";
    }

    @Test
    void everyConfirmedMessageIsConsumedAcrossAFailover() throws Exception {
        String failover = "failover:(" + brokers() + ")?randomize=false,maxReconnectAttempts=-1,"
                          + "initialReconnectDelay=10,maxReconnectDelay=200,useExponentialBackOff=false";
        String uri = "stompest:queue:moving?failover=" + failover;
        Set<String> consumed = ConcurrentHashMap.newKeySet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&concurrentConsumers=2").routeId("moving")
                        .process(exchange -> consumed.add(exchange.getMessage().getBody(String.class)));
            }
        });
        String producerUri = uri + "&sendHeaders.persistent=true&receipt=true";
        StompestEndpoint producerEndpoint = context.getEndpoint(producerUri, StompestEndpoint.class);
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        Map<String, String> confirmedBy = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = new Thread(() -> {
            int n = 0;
            while (producing.get()) {
                String body = "m" + n++;
                Exchange exchange = template.send(producerUri, e -> e.getMessage().setBody(body));
                if (exchange.getException() == null) {
                    confirmed.add(body);
                    confirmedBy.put(body, String.valueOf(producerEndpoint.connection().currentBroker()));
                } else {
                    failed.incrementAndGet();
                    await().atMost(Duration.ofSeconds(20)).until(() -> !producing.get()
                            || producerEndpoint.connection().isConnected());
                }
            }
        }, "failover-it-producer");
        producer.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> consumed.size() >= 300);
            StompConnection connection = producerEndpoint.connection();
            assertThat(connection.currentBroker()).endsWith(":" + first.port());

            first.stop(); // in the middle of the running route
            int beforeSecond = confirmed.size();
            await().atMost(Duration.ofSeconds(20)).until(() -> connection.isConnected()
                    && connection.currentBroker().endsWith(":" + second.port()));
            await().atMost(Duration.ofSeconds(20)).until(() -> confirmed.size() >= beforeSecond + 300);
            first.start(); // back with what it had not delivered yet, but the route stays on the second
        } finally {
            producing.set(false);
            producer.join(30_000);
        }
        // the second broker delivers everything it has; then the route has to go back to the first
        AtomicInteger lastSeen = new AtomicInteger(-1);
        await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20)).until(() -> {
            int now = consumed.size();
            return lastSeen.getAndSet(now) == now;
        });
        second.stop();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(consumed)
                .as(() -> "missing: " + confirmed.stream().filter(m -> !consumed.contains(m))
                        .map(m -> m + " confirmed by " + confirmedBy.get(m)).toList()
                          + " first=" + first.port() + " " + queueState(first) + " second=" + second.port())
                .containsAll(confirmed));
        assertThat(confirmed.size()).isGreaterThanOrEqualTo(600);
    }
}
