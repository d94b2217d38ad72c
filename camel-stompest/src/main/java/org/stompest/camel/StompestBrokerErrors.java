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
import java.util.Objects;

import org.stompest.client.ConnectionListener;
import org.stompest.client.StompConnection;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * Hears the broker ERRORs on a consumer's connection and picks those that concern the consumer, for its exception
 * handler (so {@code bridgeErrorHandler} routes them to the route's error handler) and its health check:
 * <ul>
 * <li>An ERROR refusing its subscription (a denied destination, a bad selector): a
 * {@link StompestSubscriptionException} each time; the last one turns the health check DOWN until {@link #clear()}
 * (a message arrived).</li>
 * <li>An ERROR refusing CONNECT (a wrong login or passcode, an unknown virtual host): a
 * {@link StompestConnectionRefusedException} once per distinct broker message, not per attempt of the failover loop,
 * which keeps retrying; the next CONNECTED forgets it.</li>
 * </ul>
 */
final class StompestBrokerErrors implements ConnectionListener {
    private final StompestConsumer consumer;
    private volatile StompFrame last;
    private String lastRefusal; // guarded by this

    StompestBrokerErrors(StompestConsumer consumer) {
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

    @Override
    public void connectRefused(StompFrame error) {
        String message = error.header(StompSpec.MESSAGE_HEADER);
        synchronized (this) {
            if (Objects.equals(message, lastRefusal)) {
                return;
            }
            lastRefusal = message;
        }
        consumer.getExceptionHandler().handleException(new StompestConnectionRefusedException(
                consumer.getEndpoint().getStompDestination(), error));
    }

    @Override
    public void stateChanged(StompConnection.State from, StompConnection.State to) {
        if (to == StompConnection.State.CONNECTED) {
            synchronized (this) {
                lastRefusal = null;
            }
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
