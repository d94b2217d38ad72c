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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.error.StompError;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSession;
import org.stompest.protocol.SubscriptionToken;

/**
 * Subscribes a subscription anew after its listener failed ({@link ListenerFailure#REDELIVER}), so the broker
 * delivers the failed message again, and moves its generations on.
 * <ol>
 * <li>{@link #resubscribe} sends UNSUBSCRIBE with a receipt, then SUBSCRIBE with the same headers under the next
 * generation's {@link StompSubscription#wireId()}, and starts that generation: ACKs of earlier messages are no
 * longer sent. Nothing is done when the message is from an earlier generation or connection (it comes again
 * anyway), the subscription is gone, or the connection is not up (the reconnect subscribes anew).</li>
 * <li>When that UNSUBSCRIBE's RECEIPT arrives ({@link #receiptArrived}, on the reader thread, so every MESSAGE of the
 * old subscription came before it), MESSAGEs without a {@code subscription} header (1.0) belong to the new
 * generation ({@link StompSubscription#delivering}).</li>
 * <li>{@link #newConnection()} forgets the receipts still awaited: a new connection subscribes everything anew.</li>
 * </ol>
 * Locks: the subscription's settle write lock (no ACK crosses the resubscribe on the wire), and inside it the session
 * lock while the frames are built, never during the writes. The awaited receipts are a concurrent map.
 */
final class Resubscriber {
    private static final Logger LOG = LoggerFactory.getLogger(Resubscriber.class);

    private final GuardedSession sessions;
    private final ReceiptTracker receipts;
    /** Receipts of the UNSUBSCRIBEs of resubscribes: what to run when one arrives (on the reader thread). */
    private final Map<String, Runnable> awaited = new ConcurrentHashMap<>();

    Resubscriber(GuardedSession sessions, ReceiptTracker receipts) {
        this.sessions = sessions;
        this.receipts = receipts;
    }

    /** Subscribes {@code subscription} anew so that the broker delivers {@code failed} again. */
    void resubscribe(StompSubscription subscription, StompMessage failed) {
        Lock settling = subscription.settleLock().writeLock();
        settling.lock();
        try {
            SocketTransport transport;
            StompFrame unsubscribe;
            StompFrame subscribe;
            synchronized (sessions.lock()) {
                StompSession session = sessions.session();
                GuardedSession.Live l = sessions.ifConnected();
                SubscriptionToken token = SubscriptionToken.id(subscription.wireId());
                if (!subscription.isActive() || failed.generation() != subscription.generation() || l == null
                        || failed.connectionEpoch() != l.epoch() || subscription.subscribedEpoch != l.epoch()
                        || !session.subscriptions().contains(token)) {
                    return;
                }
                transport = l.transport();
                String receipt = receipts.next();
                unsubscribe = ReceiptTracker.asking(session.unsubscribe(token, null), receipt);
                long next = subscription.nextGeneration(session);
                awaited.put(receipt, () -> subscription.delivering(next));
                subscribe = Subscriptions.subscribe(session, subscription, l.epoch(), l.profile());
            }
            LOG.debug("Message {} failed: subscription {} subscribes to {} anew for its redelivery",
                    failed.messageId(), subscription.id(), subscription.destination());
            transport.write(unsubscribe);
            transport.write(subscribe);
        } catch (StompError e) {
            LOG.debug("Resubscribe of {} not sent [{}]; the reconnect subscribes anew", subscription.id(),
                    e.getMessage());
        } finally {
            settling.unlock();
        }
    }

    /** On the reader thread: whether {@code receipt} answered a resubscribe's UNSUBSCRIBE (then handled here). */
    boolean receiptArrived(String receipt) {
        Runnable resubscribed = receipt == null ? null : awaited.remove(receipt);
        if (resubscribed == null) {
            return false;
        }
        resubscribed.run();
        return true;
    }

    /** A new connection: the receipts awaited on the old one will not come, its subscriptions are subscribed anew. */
    void newConnection() {
        awaited.clear();
    }
}
