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

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.faults.LogCapture;
import org.stompest.client.testing.Brokers;
import org.stompest.client.testing.Brokers.Kind;

/**
 * A broker that accepts CONNECT and then closes the connection for what the client does next: RabbitMQ answers a
 * SUBSCRIBE to {@code /amq/queue/x} of a queue that does not exist with {@code ERROR message:not_found} and closes
 * (its AMQP channel failed), and the replay of that subscription on every reconnect does the same. Each such connection counts as a failed attempt
 * for the reconnect delay ({@link ShortLivedConnections}), so the attempts back off instead of coming every
 * 20-40 ms, and the reason is logged at WARN once, not per attempt.
 */
class ReconnectStormIT {
    private static final Duration WINDOW = Duration.ofSeconds(5);
    @RegisterExtension
    static final Brokers brokers = Brokers.only(Kind.RABBITMQ);

    @Test
    void aConnectionTheBrokerClosesRightAfterConnectedBacksOffAndSaysWhyOnce() throws Exception {
        String failover = "failover:(" + brokers.uri(Kind.RABBITMQ)
                + ")?maxReconnectAttempts=-1,initialReconnectDelay=10,maxReconnectDelay=500";
        try (LogCapture logs = LogCapture.start(Level.DEBUG, StompConnection.class.getName(),
                     FrameRouter.class.getName(), SubscriptionFrames.class.getName());
             StompConnection connection = new StompConnection(brokers.config(Kind.RABBITMQ).failover(failover)
                     .build())) {
            connection.connect();
            connection.subscribe("/amq/queue/missing-" + UUID.randomUUID(), SubscriptionOptions.defaults(),
                    message -> { });
            await().atMost(Duration.ofSeconds(10)).until(() -> connection.stats().reconnects() >= 1);
            long start = System.nanoTime();
            long before = connection.stats().connectAttempts();
            await().pollDelay(WINDOW).atMost(WINDOW.plusSeconds(1)).until(() -> true);
            long attempts = connection.stats().connectAttempts() - before;
            double seconds = (System.nanoTime() - start) / 1e9;
            // without the rule: one attempt every 20-40 ms (125-250 in 5 s); with it 10, 20, ... 320 ms, then 500 ms
            assertThat(attempts).as("connect attempts in %.1f s", seconds).isBetween(3L, 25L);
            List<String> warnings = logs.lines().stream().filter(line -> line.startsWith("WARN")).toList();
            assertThat(warnings).as("at WARN once: the broker's ERROR, and the loss with its reason").hasSize(2)
                    .allMatch(line -> line.contains("NOT_FOUND - no queue"));
            assertThat(logs.lines().stream().filter(line -> line.startsWith("INFO") && line.contains("Connected")))
                    .as("CONNECTED at INFO: the connect, the first reconnect").hasSize(2);
            assertThat(logs.lines()).as("repeats at DEBUG").anyMatch(line -> line.startsWith("DEBUG")
                    && line.contains("counted as failed attempt") && line.contains("NOT_FOUND - no queue"));
        }
    }
}
