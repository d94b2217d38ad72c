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
package org.stompest.camel;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.stompest.client.ConnectionListener;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * Hears the broker ERRORs on a consumer's connection and picks those that refuse its subscription (a denied
 * destination, a bad selector): each goes to the consumer's exception handler as a
 * {@link StompestSubscriptionException} (so {@code bridgeErrorHandler} routes it to the error handler), and the last
 * one turns the health check DOWN until {@link #clear()} (a message arrived).
 */
final class StompestSubscriptionErrors implements ConnectionListener {
    private final StompestConsumer consumer;
    private volatile StompFrame last;

    StompestSubscriptionErrors(StompestConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public void errorReceived(StompFrame error) {
        String destination = consumer.getEndpoint().getStompDestination();
        if (concerns(error, destination, consumer.getEndpoint().getConfiguration().getSelector())) {
            last = error;
            consumer.getExceptionHandler().handleException(new StompestSubscriptionException(destination, error));
        }
    }

    /** The last ERROR that refused the subscription, or null. */
    StompFrame last() {
        return last;
    }

    void clear() {
        last = null;
    }

    /**
     * Whether an ERROR frame concerns a subscription to {@code destination}: its message or body names the
     * destination (as the broker names it, without the /queue/ or /topic/ prefix), or speaks of a selector or filter
     * when the subscription has one.
     */
    static boolean concerns(StompFrame error, String destination, String selector) {
        String name = destination.substring(destination.lastIndexOf('/') + 1);
        String text = error.header(StompSpec.MESSAGE_HEADER) + " " + new String(error.body(), StandardCharsets.UTF_8);
        String lower = text.toLowerCase(Locale.ROOT);
        return text.contains(name) || selector != null && (lower.contains("selector") || lower.contains("filter"));
    }
}
