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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * Case 4 on the client floor: a {@code MessageListener} that throws on every 7th delivery, client-individual acks,
 * Artemis. The STOMP spec leaves what a broker does with a NACK to the broker, and Artemis discards a NACKed message
 * (its STOMP NACK is an ACK: no redelivery, no dead-letter queue), so a client that NACKed failed messages would lose
 * every one of them. With the default {@link org.stompest.client.ListenerFailure#REDELIVER} policy the failed message
 * stays unacknowledged and the subscription subscribes anew, so Artemis delivers it again: nothing may be lost.
 */
@Tag("faults")
class ListenerFailureFaultTest {
    private static final int MESSAGES = 700;

    @Test
    void aMessageWhoseListenerFailedIsDeliveredAgain() throws Exception {
        Tally tally = new Tally("listener-failure");
        AtomicLong deliveries = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().build().start();
             StompConnection connection = new StompConnection(StompConfig.builder().failover(broker.stompUri())
                     .build())) {
            connection.connect();
            connection.subscribe("/queue/faults.listener", SubscriptionOptions.builder().ackMode("client-individual")
                    .build(), message -> {
                        long seq = Bodies.verify(message.body());
                        if (deliveries.incrementAndGet() % 7 == 0) {
                            failures.incrementAndGet();
                            throw new IllegalStateException("transient failure on " + seq);
                        }
                        tally.received(seq);
                        message.ack();
                    });
            for (long seq = 0; seq < MESSAGES; seq++) {
                tally.sent(seq);
                connection.sendWithReceipt("/queue/faults.listener", Bodies.make(seq, 32), Map.of())
                        .get(10, TimeUnit.SECONDS);
                tally.confirmed(seq);
            }
            boolean complete = awaitQuietly(Duration.ofSeconds(10), () -> tally.lost().isEmpty());
            tally.extra("listenerFailures", failures.get());
            tally.report(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            assertThat(complete).as("every message processed once its listener stopped failing").isTrue();
        }
        assertThat(tally.lost()).as("lost").isEmpty();
    }

    private static boolean awaitQuietly(Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
        try {
            org.awaitility.Awaitility.await().atMost(atMost).until(condition);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }
}
