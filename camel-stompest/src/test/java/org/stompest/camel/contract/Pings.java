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
