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
package org.stompest.client.metrics;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.stompest.client.ConnectionListener;
import org.stompest.client.ConnectionPool;
import org.stompest.client.PooledConnection;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.testing.EmbeddedArtemis;

/** The meters of a pooled connection read from a real registry before, during and after a failover. */
class StompMetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double count(String name) {
        return registry.get(name).tag("app", "orders").functionCounter().count();
    }

    private double state(String state) {
        return registry.get("stompest.connection.state").tag("state", state).gauge().value();
    }

    @Test
    void metersFollowAFailoverBetweenTwoBrokers() throws Exception {
        try (EmbeddedArtemis a = EmbeddedArtemis.builder().build().start();
             EmbeddedArtemis b = EmbeddedArtemis.builder().build().start();
             ConnectionPool pool = new ConnectionPool();
             StompMetrics metrics = StompMetrics.bind(pool, registry, Tags.of("app", "orders"))) {
            StompConfig config = StompConfig.builder().name("metrics")
                    .failover("failover:(" + a.stompUri() + "," + b.stompUri() + ")?randomize=false,"
                            + "initialReconnectDelay=10,maxReconnectDelay=100").build();
            PooledConnection lease = pool.lease(config, "metrics-test");
            StompConnection connection = lease.connection();
            await().atMost(WAIT).until(connection::isConnected);
            String id = connection.id();
            assertThat(registry.get("stompest.published").tag("connection", id).functionCounter()).isNotNull();
            assertThat(state("CONNECTED")).isEqualTo(1.0);
            assertThat(state("RECONNECTING")).isZero();

            connection.subscribe("/queue/metrics", SubscriptionOptions.builder().ackMode("client-individual").build(),
                    message -> message.ack());
            for (int i = 0; i < 5; i++) {
                connection.sendWithReceipt("/queue/metrics", ("m" + i).getBytes(UTF_8), Map.of())
                        .get(10, TimeUnit.SECONDS);
            }
            await().atMost(WAIT).until(() -> count("stompest.acked") == 5);

            // during the failover: the state gauge, and a send that fails because nothing is connected
            Map<String, Double> duringFailover = new ConcurrentHashMap<>();
            CompletableFuture<Object> failedSend = new CompletableFuture<>();
            connection.addListener(new ConnectionListener() {
                @Override
                public void stateChanged(StompConnection.State from, StompConnection.State to) {
                    if (to == StompConnection.State.RECONNECTING && duringFailover.isEmpty()) {
                        duringFailover.put("RECONNECTING", state("RECONNECTING"));
                        duringFailover.put("CONNECTED", state("CONNECTED"));
                        connection.sendWithReceipt("/queue/metrics", "lost".getBytes(UTF_8), Map.of())
                                .whenComplete((receipt, error) -> failedSend.complete(error));
                    }
                }
            });
            a.stop();

            assertThat(failedSend.get(20, TimeUnit.SECONDS)).as("the send during the failover failed").isNotNull();
            await().atMost(WAIT).until(() -> connection.isConnected() && count("stompest.failovers") == 1);
            assertThat(duringFailover).containsEntry("RECONNECTING", 1.0).containsEntry("CONNECTED", 0.0);
            assertThat(connection.currentBroker()).isEqualTo(b.stompUri());
            for (int i = 5; i < 10; i++) {
                connection.sendWithReceipt("/queue/metrics", ("m" + i).getBytes(UTF_8), Map.of())
                        .get(10, TimeUnit.SECONDS);
            }
            await().atMost(WAIT).until(() -> count("stompest.acked") == 10);

            assertThat(count("stompest.published")).isEqualTo(10); // the failed one was never written
            assertThat(count("stompest.published.confirmed")).isEqualTo(10);
            assertThat(count("stompest.published.failed")).isEqualTo(1);
            assertThat(count("stompest.consumed")).isEqualTo(10);
            assertThat(count("stompest.nacked")).isZero();
            assertThat(count("stompest.redelivered")).isZero();
            assertThat(count("stompest.reconnects")).isEqualTo(1);
            assertThat(count("stompest.failovers")).isEqualTo(1);
            assertThat(count("stompest.connect.attempts")).isGreaterThanOrEqualTo(2);
            assertThat(count("stompest.heartbeats.missed")).isZero();
            assertThat(state("CONNECTED")).isEqualTo(1.0);
            Timer latency = registry.get("stompest.receipt.latency").tag("connection", id).timer();
            assertThat(latency.count()).isEqualTo(10);
            HistogramSnapshot snapshot = latency.takeSnapshot();
            assertThat(snapshot.percentileValues()).extracting(v -> v.percentile())
                    .containsExactly(0.5, 0.95, 0.99);
            assertThat(snapshot.percentileValues()[2].value(TimeUnit.NANOSECONDS)).isPositive();

            lease.close(); // the last lease: the connection closes and its meters go
            await().atMost(WAIT).until(() -> registry.find("stompest.published").tag("connection", id)
                    .functionCounter() == null);
            assertThat(registry.getMeters()).isEmpty();
        }
    }
}
