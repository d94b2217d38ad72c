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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.BrokerProfile;
import org.stompest.client.ConnectionListener;
import org.stompest.client.StompConnection;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * Hears a consumer's connection.
 * <ol>
 * <li>Broker ERRORs that refuse its subscription (a denied destination, a bad selector): each goes to the consumer's
 * exception handler as a {@link StompestSubscriptionException} (so {@code bridgeErrorHandler} routes it to the error
 * handler), and the last one turns the health check DOWN until {@link #clear()} (a message arrived).</li>
 * <li>A transacted consumer's connect to a broker that ignores the transaction of an ACK (its {@link BrokerProfile}:
 * Artemis): said at WARN, once per profile, because there the ACK follows the COMMIT and a crash in between gives a
 * duplicate; the route should not find that out from its data.</li>
 * </ol>
 */
final class StompestSubscriptionErrors implements ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(StompestConsumer.class);

    private final StompestConsumer consumer;
    private volatile StompFrame last;
    private BrokerProfile toldAckAfterCommit; // guarded by this

    /** Starts listening to the consumer's {@code connection}; if it is connected already, that counts as its connect. */
    void listenTo(StompConnection connection) {
        connection.addListener(this);
        if (connection.isConnected()) {
            connected(connection);
        }
    }

    /** The consumer's connection is connected (at start, and after each reconnect). */
    private synchronized void connected(StompConnection connection) {
        BrokerProfile profile = connection.brokerProfile();
        if (!consumer.getEndpoint().getConfiguration().isTransacted() || profile.honoursAckInTransaction()
                || profile == toldAckAfterCommit) {
            return;
        }
        toldAckAfterCommit = profile;
        LOG.warn("Transacted consumer of {} on {} ({} profile): the broker ignores the transaction of an ACK, so the"
                 + " ACK is sent after the COMMIT; a crash between the two delivers the message again (a duplicate,"
                 + " never a loss)", consumer.getEndpoint().getStompDestination(), connection.server(), profile);
    }

    @Override
    public void stateChanged(StompConnection.State from, StompConnection.State to) {
        StompConnection connection = consumer.connection();
        if (to == StompConnection.State.CONNECTED && connection != null) {
            connected(connection);
        }
    }

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
