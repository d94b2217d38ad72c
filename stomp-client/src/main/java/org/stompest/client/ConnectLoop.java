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

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.stompest.client.StompConnection.State;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompError;
import org.stompest.protocol.StompFrame;

/**
 * The failover loop's place in a connection's lifecycle: it runs the {@link Connector} (on the caller's thread for
 * {@link StompConnection#connect()}, else on a runtime thread), takes the connection live when a broker answers
 * (state CONNECTED: heart-beats started, subscriptions replayed) or to FAILED when the transport gives up, and on the
 * loss of a live socket moves it to RECONNECTING and runs the loop again.
 * <p>Locks: state changes happen in a {@link StateMachine.Change}, which tells the listeners once it is closed; the
 * session lock is taken by {@link GuardedSession} itself; neither is held during socket I/O.
 */
final class ConnectLoop {
    private static final Logger LOG = LoggerFactory.getLogger(StompConnection.class);

    private final String id;
    private final ClientRuntime runtime;
    private final StateMachine states;
    private final GuardedSession sessions;
    private final Connector connector;
    private final FrameRouter router;
    private final ConnectionStats stats;
    private final ReceiptTracker receipts;
    private final HeartBeats heartBeats;
    private final Resubscriber resubscriber;
    private final SubscriptionFrames subscriptionFrames;
    private final ShortLivedConnections shortLived;

    ConnectLoop(String id, ClientRuntime runtime, StateMachine states, GuardedSession sessions, Connector connector,
                FrameRouter router, ConnectionStats stats, ReceiptTracker receipts, HeartBeats heartBeats,
                Resubscriber resubscriber, SubscriptionFrames subscriptionFrames, ShortLivedConnections shortLived) {
        this.id = id;
        this.runtime = runtime;
        this.states = states;
        this.sessions = sessions;
        this.connector = connector;
        this.router = router;
        this.stats = stats;
        this.receipts = receipts;
        this.heartBeats = heartBeats;
        this.resubscriber = resubscriber;
        this.subscriptionFrames = subscriptionFrames;
        this.shortLived = shortLived;
    }

    /** Runs the failover loop on this thread (state CONNECTING or RECONNECTING); on give-up moves to FAILED. */
    void run(boolean reconnect) {
        run(reconnect, Duration.ZERO);
    }

    /** As {@link #run(boolean)}, the first attempt waiting at least {@code backoff}. */
    private void run(boolean reconnect, Duration backoff) {
        try {
            goLive(connector.connect(backoff), reconnect);
        } catch (RuntimeException failure) {
            StompConnectionError e = failure instanceof StompConnectionError ? (StompConnectionError) failure
                    : new StompConnectionError("Could not connect [" + failure + "]", failure);
            try (StateMachine.Change change = states.change()) {
                if (change.current() != State.CONNECTING && change.current() != State.RECONNECTING) {
                    throw e;
                }
                change.to(State.FAILED);
                change.ready().completeExceptionally(e);
                change.unlock();
                LOG.error("Giving up connecting {}: {}", id, e.getMessage());
                stats.connectionLost(e);
                receipts.failAll("Receipt did not arrive (connection failed)", e);
            }
            throw e;
        }
    }

    /**
     * The transport answered CONNECT: the connection is live (state CONNECTED). Three steps, so that no send overtakes
     * the replayed SUBSCRIBEs (RabbitMQ declares a queue by the first frame naming it, and refuses a SEND without the
     * subscription's {@code x-queue-type}) while neither lock is held during socket I/O:
     * <ol>
     * <li>under the state lock, the session goes live: its MESSAGEs are routed, sends still refused (not CONNECTED);</li>
     * <li>the subscriptions are replayed on the socket;</li>
     * <li>under the state lock, CONNECTED; then the subscriptions made during step 2 are sent.</li>
     * </ol>
     */
    private void goLive(Transport transport, boolean reconnect) {
        GuardedSession.Live l = sessions.connected(transport);
        try (StateMachine.Change change = states.change()) {
            requireConnecting(change, transport);
            sessions.live(l);
            router.connected();
        }
        // within a cycle of connections the broker keeps closing, a CONNECTED is not news: the loss says why
        Level level = shortLived.quiet() ? Level.DEBUG : Level.INFO;
        resubscriber.newConnection();
        subscriptionFrames.replay(l, level);
        try (StateMachine.Change change = states.change()) {
            requireConnecting(change, transport);
            change.to(State.CONNECTED);
            change.ready().complete(null);
            change.unlock();
            stats.connected(l.broker(), reconnect || l.epoch() > 1);
            shortLived.connected(System.nanoTime());
            LOG.atLevel(level).log("Connected {} to {} [version={}, session={}, server={}, profile={}, heart-beats={},{}]",
                    id, transport.address(), l.version(), l.session(), l.server(), l.profile(), l.clientHeartBeat(),
                    l.serverHeartBeat());
            heartBeats.start(transport, l.clientHeartBeat(), l.serverHeartBeat());
            // only those subscribed since the first replay and not sent by their caller
            subscriptionFrames.replay(l, level);
        }
        if (transport.isClosed()) {
            // lost while going live: the reader's report may have come before CONNECTED; keep its cause
            Throwable cause = transport.closeCause();
            router.closed(transport, cause != null ? cause
                    : new StompConnectionError("Connection closed while connecting"));
        }
    }

    /** Closed meanwhile (the state is neither CONNECTING nor RECONNECTING): closes {@code transport} and throws. */
    private void requireConnecting(StateMachine.Change change, Transport transport) {
        if (change.current() != State.CONNECTING && change.current() != State.RECONNECTING) {
            transport.close(null);
            throw connector.closedMeanwhile();
        }
    }

    /** Runs the failover loop on a runtime thread; its outcome reaches callers through state and futures. */
    void start(boolean reconnect) {
        start(reconnect, Duration.ZERO);
    }

    private void start(boolean reconnect, Duration backoff) {
        String what = reconnect ? "reconnect" : "connect";
        runtime.newThread("stompest-" + what + "-" + id, () -> {
            try {
                run(reconnect, backoff);
            } catch (StompError e) {
                LOG.debug("Background {} of {} ended [{}]", what, id, e.getMessage());
            }
        }).start();
    }

    /**
     * A live transport closed: move to RECONNECTING, fail pending receipts, start the reconnect thread; after a
     * connection that died soon after CONNECTED, only once {@link ShortLivedConnections} says.
     */
    void lost(Transport transport, Throwable cause) {
        ShortLivedConnections.Loss loss;
        try (StateMachine.Change change = states.change()) {
            GuardedSession.Live l = sessions.live();
            if (l == null || l.transport() != transport || change.current() != State.CONNECTED) {
                return; // stale, or closing/disconnecting: close() cleans up
            }
            sessions.live(null);
            change.to(State.RECONNECTING);
            change.unlock();
            heartBeats.stop();
            sessions.close(false);
            stats.connectionLost(cause);
            StompFrame error = router.lastError();
            String reason = cause == null ? "closed" : cause.getMessage();
            if (error != null) {
                reason += "; last ERROR: " + StompBrokerError.summary(error);
            }
            loss = shortLived.lost(System.nanoTime(), reason);
            if (!loss.shortLived()) {
                LOG.warn("Connection {} to {} lost [{}]; reconnecting", id, transport.address(), reason);
            } else {
                // the same reason again: said already, at WARN, when it first came
                LOG.atLevel(loss.repeated() ? Level.DEBUG : Level.WARN).log("Connection {} to {} lost {} ms after"
                        + " CONNECTED [{}]; counted as failed attempt {} in a row: reconnecting in {} ms", id,
                        transport.address(), loss.livedMillis(), reason, loss.consecutive(), loss.delay().toMillis());
            }
            receipts.failAll("Receipt did not arrive (connection lost) [" + reason + "]", cause);
        }
        start(true, loss.delay());
    }
}
