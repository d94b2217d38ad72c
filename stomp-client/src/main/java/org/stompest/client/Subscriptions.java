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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.stompest.error.StompProtocolError;
import org.stompest.protocol.ReplayEntry;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSession;
import org.stompest.protocol.StompSpec;

/**
 * The subscriptions of one connection, by id and in subscribe order; they outlive the sockets.
 * <ol>
 * <li>{@link #add} names a new one ({@code sub-<n>} unless the options give an {@code id}) and starts its delivery on the runtime's dispatch pool;
 * {@link #remove} forgets it.</li>
 * <li>{@link #forMessage} finds the subscription a MESSAGE belongs to.</li>
 * <li>After every CONNECTED, {@link #replay} registers them in the new session again and returns the SUBSCRIBE
 * frames still to be sent; {@link #subscribe} registers one and records the epoch it is subscribed in.</li>
 * <li>{@link #closeAll()} stops them all.</li>
 * </ol>
 * The map is concurrent; {@link #replay} and {@link #subscribe} use the session, so call them with the session
 * lock held (the session object itself, see {@link GuardedSession}; it also guards
 * {@link StompSubscription#subscribedEpoch}); they assert it. {@link ConnectionStats#subscriptions}
 * follows the count.
 */
final class Subscriptions {
    private final ConnectionStats stats;
    private final Map<String, StompSubscription> byId = new ConcurrentHashMap<>();
    private final AtomicLong sequences = new AtomicLong();

    Subscriptions(ConnectionStats stats) {
        this.stats = stats;
    }

    /**
     * Adds and starts a subscription of {@code connection} (it delivers on the runtime's dispatch pool,
     * {@code <runtime name>-dispatch-<n>}).
     *
     * @throws StompProtocolError when its id is taken
     */
    StompSubscription add(StompConnection connection, String destination, SubscriptionOptions options,
                          MessageListener listener) {
        String subscriptionId = options.headers().get(StompSpec.ID_HEADER);
        long sequence = sequences.incrementAndGet();
        if (subscriptionId == null) {
            subscriptionId = "sub-" + sequence;
        }
        StompSubscription subscription = new StompSubscription(connection, sequence, subscriptionId, destination,
                options, listener);
        if (byId.putIfAbsent(subscriptionId, subscription) != null) {
            throw new StompProtocolError("Already subscribed [id=" + subscriptionId + "]");
        }
        subscription.start(connection.runtime());
        stats.subscriptions(byId.size());
        return subscription;
    }

    /** Forgets {@code subscription} (if it is still the one under its id). */
    void remove(StompSubscription subscription) {
        byId.remove(subscription.id(), subscription);
        stats.subscriptions(byId.size());
    }

    /** All of them, in subscribe order. */
    List<StompSubscription> ordered() {
        List<StompSubscription> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingLong(StompSubscription::sequence));
        return all;
    }

    /**
     * The subscription a MESSAGE is for: by its {@code subscription} header, or (1.0, without one) the only
     * subscription on its destination; null when there is none (or, by destination, more than one).
     */
    StompSubscription forMessage(StompFrame message) {
        String subscriptionId = message.header(StompSpec.SUBSCRIPTION_HEADER);
        if (subscriptionId == null) {
            return byDestination(message.header(StompSpec.DESTINATION_HEADER));
        }
        StompSubscription subscription = byId.get(subscriptionId);
        int generation = subscriptionId.lastIndexOf(StompSubscription.GENERATION_SEPARATOR);
        if (subscription == null && generation > 0) {
            subscription = byId.get(subscriptionId.substring(0, generation)); // resubscribed: <id>~g<generation>
        }
        return subscription;
    }

    private StompSubscription byDestination(String destination) {
        StompSubscription found = null;
        for (StompSubscription subscription : byId.values()) {
            if (subscription.destination().equals(destination)) {
                if (found != null) {
                    return null; // ambiguous
                }
                found = subscription;
            }
        }
        return found;
    }

    /**
     * Call with the session lock held, on a session just CONNECTED in {@code epoch}: resubscribes (same ids) the
     * session's replay entries first, then the subscriptions made meanwhile, and returns the frames to send.
     */
    List<StompFrame> replay(StompSession session, long epoch, BrokerProfile profile) {
        assert Thread.holdsLock(session) : "replay without the session lock";
        List<StompFrame> frames = new ArrayList<>();
        List<ReplayEntry> entries = session.replay();
        for (ReplayEntry entry : entries) {
            StompSubscription subscription = (StompSubscription) entry.context();
            if (subscription.isActive() && byId.get(subscription.id()) == subscription) {
                // one subscribed by a caller since CONNECTED is on the wire already: only re-register it
                boolean sent = subscription.subscribedEpoch == epoch;
                StompFrame frame = subscribe(session, subscription, epoch, profile);
                if (!sent) {
                    frames.add(frame);
                }
            }
        }
        for (StompSubscription subscription : ordered()) {
            if (subscription.options().isBrokerSubscribed()) {
                continue; // the broker makes it again from the next SEND's reply-to
            }
            if (subscription.isActive() && subscription.subscribedEpoch != epoch) {
                frames.add(subscribe(session, subscription, epoch, profile));
            }
        }
        return frames;
    }

    /** Call with the session lock held: registers {@code subscription} in the session; its SUBSCRIBE frame. */
    static StompFrame subscribe(StompSession session, StompSubscription subscription, long epoch,
                                BrokerProfile profile) {
        assert Thread.holdsLock(session) : "SUBSCRIBE built without the session lock";
        StompFrame frame = session.subscribe(subscription.destination(), subscription.headers(profile), null,
                subscription).frame();
        if (subscription.subscribedEpoch != epoch) {
            subscription.delivering(subscription.generation()); // a new connection has no old subscription
        }
        subscription.subscribedEpoch = epoch;
        return frame;
    }

    /** Stops every subscription and forgets them all. */
    void closeAll() {
        for (StompSubscription subscription : byId.values()) {
            subscription.deactivate();
        }
        byId.clear();
        stats.subscriptions(0);
    }
}
