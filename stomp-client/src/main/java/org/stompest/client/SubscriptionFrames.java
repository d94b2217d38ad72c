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

import java.util.List;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.stompest.error.StompConnectionError;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.SubscriptionToken;

/**
 * Sends the SUBSCRIBE and UNSUBSCRIBE frames of one connection's {@link Subscriptions}.
 * <ol>
 * <li>{@link #subscribed}: a subscription made while connected is sent at once; one made before is sent by the
 * replay.</li>
 * <li>{@link #replay}: after every CONNECTED, every active subscription again with its id (the session's replay
 * entries first, then those made meanwhile). A write that fails leaves the rest to the next reconnect.</li>
 * <li>{@link #unsubscribe}: stops the subscription and sends UNSUBSCRIBE if it is subscribed on the live
 * session.</li>
 * </ol>
 * Locks: the session lock while a frame is built, never during the write; {@link #unsubscribe} takes the
 * subscription's settle write lock first, so it never comes between the frames of a resubscribe.
 */
final class SubscriptionFrames {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionFrames.class);

    private final String connectionId;
    private final GuardedSession sessions;
    private final Subscriptions subscriptions;

    SubscriptionFrames(String connectionId, GuardedSession sessions, Subscriptions subscriptions) {
        this.connectionId = connectionId;
        this.sessions = sessions;
        this.subscriptions = subscriptions;
    }

    /** {@code subscription} was just added: SUBSCRIBE now if connected (else the replay sends it). */
    void subscribed(StompSubscription subscription) {
        if (subscription.options().isBrokerSubscribed()) {
            LOG.debug("Listening to {} (subscribed by the broker)", subscription.id());
            return;
        }
        Transport transport = null;
        StompFrame frame = null;
        synchronized (sessions.lock()) {
            GuardedSession.Live l = sessions.ifConnected();
            if (l != null && subscription.subscribedEpoch != l.epoch()) {
                transport = l.transport();
                frame = Subscriptions.subscribe(sessions.session(), subscription, l.epoch(), l.profile());
            }
        }
        if (frame != null) {
            try {
                transport.write(frame);
            } catch (StompConnectionError e) {
                LOG.debug("SUBSCRIBE {} not sent [{}]; it is replayed after the reconnect", subscription.id(),
                        e.getMessage());
            }
        }
        LOG.debug("Subscribed {} to {}", subscription.id(), subscription.destination());
    }

    /** Stops {@code subscription}, forgets it and sends UNSUBSCRIBE if it is on the wire; a second call does nothing. */
    void unsubscribe(StompSubscription subscription) {
        Lock settling = subscription.settleLock().writeLock(); // not between a resubscribe's frames
        settling.lock();
        try {
            if (!subscription.deactivate()) {
                return;
            }
            subscriptions.remove(subscription);
            Transport transport = null;
            StompFrame frame = null;
            synchronized (sessions.lock()) {
                GuardedSession.Live l = sessions.ifConnected();
                SubscriptionToken token = SubscriptionToken.id(subscription.wireId());
                if (l != null && subscription.subscribedEpoch == l.epoch()
                        && sessions.session().subscriptions().contains(token)) {
                    transport = l.transport();
                    frame = sessions.session().unsubscribe(token, null);
                }
            }
            if (frame != null) {
                try {
                    transport.write(frame);
                } catch (StompConnectionError e) {
                    LOG.debug("UNSUBSCRIBE {} not sent [{}]", subscription.id(), e.getMessage());
                }
            }
            LOG.debug("Unsubscribed {}", subscription.id());
        } finally {
            settling.unlock();
        }
    }

    /** Resubscribes (same ids) on the session just CONNECTED as {@code l}; says so at {@code level}. */
    void replay(GuardedSession.Live l, Level level) {
        List<StompFrame> frames;
        synchronized (sessions.lock()) {
            frames = subscriptions.replay(sessions.session(), l.epoch(), l.profile());
        }
        if (!frames.isEmpty()) {
            LOG.atLevel(level).log("Replaying {} subscription(s) of {} on {}", frames.size(), connectionId,
                    l.transport().address());
        }
        try {
            for (StompFrame frame : frames) {
                l.transport().write(frame);
            }
        } catch (StompConnectionError e) {
            LOG.debug("Replay on {} interrupted [{}]; the next reconnect replays again", connectionId,
                    e.getMessage());
        }
    }
}
