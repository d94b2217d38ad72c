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

import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompItem;
import org.stompest.protocol.StompSpec;

/**
 * Where the reader thread of one connection hands what it reads ({@link Transport.Handler}); it never runs
 * user code.
 * <ol>
 * <li>Bytes read and written: the {@link ConnectionStats} and the {@link HeartBeats} (liveness).</li>
 * <li>CONNECTED: the {@link Connector}'s handshake.</li>
 * <li>MESSAGE of the live socket: the queue of its subscription, as a {@link StompMessage} of the subscription's
 * generation; one for no active subscription or generation is dropped and logged.</li>
 * <li>RECEIPT: the {@link Resubscriber} if it answers a resubscribe, else the {@link ReceiptTracker}.</li>
 * <li>ERROR (redacted): the listeners, then the handshake if it answers CONNECT (and the listeners again:
 * {@code connectRefused}), else the receipt it names; it is
 * kept as the {@link #lastError()}, which the next CONNECTED clears.</li>
 * <li>The socket closed: the handshake, then the connection's loss handler.</li>
 * </ol>
 * Locks: none of its own; the live socket is read without a lock ({@link GuardedSession#live()}).
 */
final class FrameRouter implements Transport.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(FrameRouter.class);

    private final StompConnection connection;
    private final ConnectionStats stats;
    private final HeartBeats heartBeats;
    private final GuardedSession sessions;
    private final Subscriptions subscriptions;
    private final ReceiptTracker receipts;
    private final Resubscriber resubscriber;
    private final ConnectionListeners listeners;
    private final BiConsumer<Transport, Throwable> lost;
    /** Set once, before any transport is opened. */
    private Connector connector;
    private volatile StompFrame lastError;
    private final ShortLivedConnections shortLived;
    /** The description of the last ERROR logged (reader threads, one after another). */
    private volatile String lastWarnedError;

    /** @param lost told when a transport closed (after the handshake heard of it) */
    FrameRouter(StompConnection connection, ConnectionStats stats, HeartBeats heartBeats, GuardedSession sessions,
                Subscriptions subscriptions, ReceiptTracker receipts, Resubscriber resubscriber,
                ConnectionListeners listeners, BiConsumer<Transport, Throwable> lost,
                ShortLivedConnections shortLived) {
        this.connection = connection;
        this.stats = stats;
        this.heartBeats = heartBeats;
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.receipts = receipts;
        this.resubscriber = resubscriber;
        this.listeners = listeners;
        this.lost = lost;
        this.shortLived = shortLived;
    }

    /** The connector whose handshakes hear CONNECTED and ERROR; set before it opens a transport. */
    void connector(Connector c) {
        this.connector = c;
    }

    /** The last ERROR frame received since the last CONNECTED, or null. */
    StompFrame lastError() {
        return lastError;
    }

    /** A new session is live: its errors start afresh. */
    void connected() {
        lastError = null;
    }

    @Override
    public void bytesRead(Transport transport, int n, long nowNanos) {
        stats.bytesRead(n, nowNanos);
        heartBeats.read(nowNanos);
    }

    @Override
    public void wrote(Transport transport, long nowNanos) {
        heartBeats.wrote(nowNanos);
    }

    @Override
    public void itemReceived(Transport transport, StompItem item) {
        if (item.isHeartBeat()) {
            return;
        }
        StompFrame frame = (StompFrame) item;
        switch (frame.command()) {
            case StompSpec.CONNECTED:
                connector.connected(transport, frame);
                break;
            case StompSpec.MESSAGE:
                onMessage(transport, frame);
                break;
            case StompSpec.RECEIPT:
                String receipt = frame.header(StompSpec.RECEIPT_ID_HEADER);
                if (!resubscriber.receiptArrived(receipt)) {
                    receipts.received(receipt, frame);
                }
                break;
            case StompSpec.ERROR:
                onError(transport, Secrets.redact(frame, connection.config().passcode()));
                break;
            default:
                LOG.warn("Ignored unexpected {} from {}", frame.info(), transport.address());
        }
    }

    @Override
    public void closed(Transport transport, Throwable cause) {
        connector.closed(transport, cause);
        lost.accept(transport, cause);
    }

    private void onMessage(Transport transport, StompFrame frame) {
        GuardedSession.Live l = sessions.live();
        if (l == null || l.transport() != transport) {
            return; // stale
        }
        StompSubscription subscription = subscriptions.forMessage(frame);
        long generation = subscription == null || !subscription.isActive() ? -1
                : subscription.generationOf(frame.header(StompSpec.SUBSCRIPTION_HEADER));
        if (generation < 0) {
            LOG.warn("Dropped MESSAGE for no active subscription [subscription={}, destination={}, message-id={}]",
                    frame.header(StompSpec.SUBSCRIPTION_HEADER), frame.header(StompSpec.DESTINATION_HEADER),
                    frame.header(StompSpec.MESSAGE_ID_HEADER));
            return;
        }
        StompMessage message = new StompMessage(frame, connection, subscription.id(), l.epoch(),
                subscription.options().isClientAck(), subscription, generation);
        stats.messageReceived(message.redelivered());
        subscription.enqueue(message, heartBeats.monitor(), () -> !transport.isClosed());
    }

    private void onError(Transport transport, StompFrame frame) {
        LOG.debug("Received {} from {}", frame.info(), transport.address());
        String message = frame.header(StompSpec.MESSAGE_HEADER);
        stats.errorFrame(message);
        listeners.errorReceived(frame);
        lastError = frame; // also a refused CONNECT: callers waiting for a connection can say why
        if (connector.awaitsHandshake(transport)) {
            listeners.connectRefused(frame); // before the failover loop hears of it: its caller finds them told
            connector.refused(transport, frame);
            return;
        }
        receipts.refused(frame.header(StompSpec.RECEIPT_ID_HEADER), frame);
        String description = StompBrokerError.describe(frame);
        // the same ERROR on each of a row of connections the broker closes at once: said once, at WARN
        boolean repeated = shortLived.afterShortLived() && description.equals(lastWarnedError);
        lastWarnedError = description;
        LOG.atLevel(repeated ? Level.DEBUG : Level.WARN).log("{} from {}", description, transport.address());
    }
}
