package org.stompest.camel.contract;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import org.apache.camel.ProducerTemplate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Ping messages: how a case learns that a subscription is live before it starts counting (a message published on
 * a topic before the broker registered the subscriber is not the subscriber's to lose). A ping body is not a
 * {@link org.stompest.client.faults.Bodies} body, so it never enters a tally.
 */
final class Pings {
    private static final byte[] BODY = "contract-ping".getBytes(StandardCharsets.US_ASCII);

    private Pings() {
    }

    static boolean isPing(byte[] body) {
        return Arrays.equals(BODY, body);
    }

    /**
     * Sends pings to {@code endpointUri} until {@code seen} holds (up to 20 pings, 500 ms apart); returns whether it
     * did, that is whether the subscription behind it is live.
     */
    static boolean awaitLive(ProducerTemplate template, String endpointUri, BooleanSupplier seen) {
        for (int i = 0; i < 20 && !seen.getAsBoolean(); i++) {
            template.sendBody(endpointUri, BODY);
            try {
                await().atMost(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(5)).until(seen::getAsBoolean);
            } catch (ConditionTimeoutException e) {
                // not yet subscribed: ping again
            }
        }
        return seen.getAsBoolean();
    }
}
