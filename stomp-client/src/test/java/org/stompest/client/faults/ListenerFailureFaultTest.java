package org.stompest.client.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * Case 4 on the client floor: a {@code MessageListener} that throws on every 7th delivery, client-individual acks,
 * Artemis. The client NACKs a message whose listener threw (its documented contract); the STOMP spec leaves what a
 * broker does with a NACK to the broker, and Artemis discards it (its STOMP NACK is an ACK: no redelivery, no
 * dead-letter queue). So every failed message is lost.
 * <p><b>KNOWN PRODUCT BUG (open):</b> at-least-once does not hold for plain stomp-client listeners on Artemis. The
 * Camel consumer avoids it (it resubscribes instead of NACKing); see the report. Runs only with
 * {@code -Dfaults.knownBugs=true} until the client's failure policy is changed (e.g. an option to leave the message
 * unacknowledged and resubscribe, or to redeliver locally).
 */
@Tag("faults")
@EnabledIfSystemProperty(named = "faults.knownBugs", matches = "true",
                         disabledReason = "KNOWN PRODUCT BUG: a failed listener NACKs; Artemis drops NACKed messages")
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
