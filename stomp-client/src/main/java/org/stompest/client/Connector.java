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

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.error.StompConnectTimeout;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompError;
import org.stompest.protocol.StompBroker;
import org.stompest.protocol.StompFailoverAttempt;
import org.stompest.protocol.StompFailoverTransport;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * The failover loop of one connection: finds a broker that answers CONNECT.
 * <ol>
 * <li>{@link #connect()} runs one pass of the failover transport. For each attempt it records it in the
 * {@link ConnectionStats}, sleeps its delay (cut short by {@link #close}), opens the socket and sends CONNECT,
 * then waits {@code connectedTimeout} for CONNECTED. A failed attempt is logged and the next one tried.</li>
 * <li>The handshake hears from the reader thread: {@link #connected} (CONNECTED), {@link #refused} (an ERROR
 * answering CONNECT, its headers unescaped leniently; {@link #awaitsHandshake} tells it apart) and {@link #closed}
 * (the socket closed first).</li>
 * <li>It returns the transport that answered, or throws {@link StompConnectTimeout}
 * ({@code Reconnect timeout: N attempts [broker=..., error=...]}, the last error as cause) when the transport
 * gives up, or {@link #closedMeanwhile()} when the connection was closed.</li>
 * </ol>
 * It knows its connection only through two narrow interfaces, {@link States} and {@link Handshakes}. Locks: none of
 * its own; the attempt in progress (transport and handshake) is published through {@link States#whileConnecting}, under the connection's state lock, so a close
 * either finds it ({@link #close}) or the attempt finds the connection closed.
 */
final class Connector {
    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

    private final StompConfig config;
    private final String id;
    private final ConnectionStats stats;
    private final Transport.Handler handler;
    private final ClientRuntime runtime;
    private final StompFailoverTransport failover;
    private final States states;
    private final Handshakes session;
    private final CountDownLatch closed = new CountDownLatch(1);
    private HttpClient webSockets;

    /** What the failover loop asks of the connection's state ({@link StateMachine}). */
    interface States {
        /** Whether the connection is closed: the loop stops. */
        boolean isClosed();

        /** Runs {@code publish} under the state lock if the connection still connects; false if it does not. */
        boolean whileConnecting(Runnable publish);
    }

    /** What the handshake asks of the connection's session ({@link GuardedSession}). */
    interface Handshakes {
        /** A fresh session's CONNECT frame. */
        StompFrame connectFrame();

        /** The session takes CONNECTED; returns the negotiated version. */
        String connected(StompFrame frame);

        /** An attempt failed: the session is closed, its subscriptions kept for the replay. */
        void attemptFailed();
    }

    /** A transport being connected and its handshake. */
    private record Attempt(Transport transport, CompletableFuture<StompFrame> handshake) {
    }

    /** The attempt in progress, or null; published through {@link States#whileConnecting}. */
    private volatile Attempt attempt;

    /** @param handler the connection's reader handler, given to every transport opened */
    Connector(StompConfig config, String id, ConnectionStats stats, Transport.Handler handler,
              ClientRuntime runtime, States states, Handshakes session) {
        this.config = config;
        this.id = id;
        this.stats = stats;
        this.handler = handler;
        this.runtime = runtime;
        this.failover = new StompFailoverTransport(config.failoverUri());
        this.states = states;
        this.session = session;
    }

    // ------------------------------------------------------------------------------------------ connect loop

    /**
     * Runs one pass of the failover transport on this thread (the connection is CONNECTING or RECONNECTING): the
     * transport that answered CONNECT, its session CONNECTED. The first attempt waits at least {@code backoff}
     * (after a connection that died soon after CONNECTED), later ones the transport's delays.
     */
    Transport connect(Duration backoff) {
        Iterator<StompFailoverAttempt> attempts;
        synchronized (failover) {
            attempts = failover.iterator();
        }
        StompBroker lastBroker = null;
        Throwable lastError = null;
        int count = 0;
        while (true) {
            StompFailoverAttempt attempt;
            try {
                synchronized (failover) {
                    attempt = attempts.next();
                }
            } catch (StompConnectTimeout e) {
                String detail = lastBroker == null ? "" : " [broker=" + address(lastBroker) + ", error="
                        + (lastError == null ? null : lastError.getMessage()) + "]";
                throw new StompConnectTimeout(e.getMessage() + detail, lastError);
            }
            StompBroker broker = attempt.broker();
            Duration delay = count == 0 && backoff.compareTo(attempt.delay()) > 0 ? backoff : attempt.delay();
            stats.attempt(broker, delay, System.currentTimeMillis());
            count++;
            if (!delay.isZero()) {
                LOG.debug("Waiting {} ms before attempt {} on {}", delay.toMillis(), count, address(broker));
                try {
                    if (closed.await(delay.toNanos(), TimeUnit.NANOSECONDS)) {
                        throw closedMeanwhile();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StompConnectionError("Interrupted while connecting", e);
                }
            }
            if (states.isClosed()) {
                throw closedMeanwhile();
            }
            try {
                return establish(broker);
            } catch (StompConnectionError e) {
                if (states.isClosed()) {
                    throw closedMeanwhile();
                }
                lastBroker = broker;
                lastError = e;
                stats.attemptFailed(broker, e);
                LOG.warn("Could not connect {} to {} (attempt {}) [{}]", id, address(broker), count, e.getMessage());
            }
        }
    }

    /** The WebSocket client of this connection, made when a {@code ws://} or {@code wss://} broker is first tried. */
    private synchronized HttpClient webSockets() {
        if (webSockets == null) {
            webSockets = WebSocketSetup.client(config, runtime);
        }
        return webSockets;
    }

    /** One attempt: socket (or WebSocket), CONNECT, CONNECTED. */
    private Transport establish(StompBroker broker) {
        Transport transport;
        try {
            String reader = "stompest-reader-" + id;
            transport = broker.isWebSocket()
                    ? WebSocketTransport.open(broker, config, handler, stats, runtime, reader, webSockets())
                    : SocketTransport.open(broker, config, handler, stats, runtime, reader);
        } catch (IOException e) {
            throw new StompConnectionError("Could not establish connection [" + e + "]", e);
        }
        Attempt current = new Attempt(transport, new CompletableFuture<>());
        if (!states.whileConnecting(() -> attempt = current)) {
            transport.close(null);
            throw closedMeanwhile();
        }
        try {
            transport.start();
            transport.write(session.connectFrame());
            awaitConnected(current.handshake());
        } catch (RuntimeException e) {
            StompConnectionError error = e instanceof StompConnectionError ? (StompConnectionError) e
                    : new StompConnectionError("Could not connect [" + e.getMessage() + "]", e);
            transport.close(error);
            session.attemptFailed();
            throw error;
        } finally {
            attempt = null;
        }
        return transport;
    }

    private void awaitConnected(CompletableFuture<StompFrame> hs) {
        Duration timeout = config.connectedTimeout();
        try {
            hs.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new StompConnectionError("STOMP broker did not answer on time [timeout=" + timeout + "]", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StompConnectionError) {
                throw (StompConnectionError) cause;
            }
            throw new StompConnectionError("Could not connect [" + cause.getMessage() + "]", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StompConnectionError("Interrupted while waiting for CONNECTED", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ closing

    /**
     * Once the connection is CLOSED: ends any delay being waited, closes the transport being connected and fails
     * its handshake with {@code cause}. An attempt published before the state became CLOSED is found here; a later
     * one finds the connection closed.
     */
    void close(StompConnectionError cause) {
        closed.countDown();
        synchronized (this) {
            webSockets = null; // unreachable once its WebSockets are gone: the JDK then ends its selector thread
        }
        Attempt current = attempt;
        if (current != null) {
            current.transport().close(cause);
            current.handshake().completeExceptionally(cause);
        }
    }

    StompConnectionError closedMeanwhile() {
        return new StompConnectionError("Connection closed while connecting [connection=" + id + "]");
    }

    // ------------------------------------------------------------------------------------------ reader side

    /** On the reader thread: CONNECTED answers the handshake of {@code transport} (else it is ignored). */
    void connected(Transport transport, StompFrame frame) {
        CompletableFuture<StompFrame> hs = handshakeOf(transport);
        if (hs == null) {
            LOG.warn("Ignored unexpected {} from {}", frame.info(), transport.address());
            return;
        }
        try {
            transport.setVersion(session.connected(frame));
            hs.complete(frame);
        } catch (StompError e) {
            hs.completeExceptionally(new StompConnectionError("Could not connect [" + e.getMessage() + "]", e));
        }
    }

    /** On the reader thread: whether {@code transport} is being connected, so that an ERROR now answers CONNECT. */
    boolean awaitsHandshake(Transport transport) {
        return handshakeOf(transport) != null;
    }

    /** On the reader thread: this ERROR answered the handshake of {@code transport}, which fails (if it still waits). */
    void refused(Transport transport, StompFrame frame) {
        CompletableFuture<StompFrame> hs = handshakeOf(transport);
        if (hs != null) {
            StompBrokerError error = new StompBrokerError(handshakeError(frame));
            hs.completeExceptionally(new StompConnectionError("While trying to connect, " + error.getMessage(),
                    error));
        }
    }

    /** {@code transport} closed: fails its handshake if it is being connected. */
    void closed(Transport transport, Throwable cause) {
        CompletableFuture<StompFrame> hs = handshakeOf(transport);
        if (hs != null) {
            StompError error = cause instanceof StompConnectionError ? (StompError) cause
                    : new StompConnectionError("Connection closed while connecting", cause);
            hs.completeExceptionally(error);
        }
    }

    /** The handshake of {@code transport} if it is the one being connected, else null. */
    private CompletableFuture<StompFrame> handshakeOf(Transport transport) {
        Attempt current = attempt;
        return current != null && current.transport() == transport ? current.handshake() : null;
    }

    /**
     * An ERROR answering CONNECT is parsed by 1.0 rules (no version is negotiated yet), but brokers such as Artemis
     * already escape its headers by the offered version: undo the 1.1/1.2 escapes leniently.
     */
    private StompFrame handshakeError(StompFrame frame) {
        if (StompSpec.VERSION_1_0.equals(config.version())) {
            return frame;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        frame.headers().forEach((name, value) -> headers.put(name, unescapeLeniently(value)));
        return new StompFrame(frame.command(), headers, frame.body(), frame.version());
    }

    /** Replaces the escapes backslash-c, -n, -r and a doubled backslash; any other backslash stays as it is. */
    static String unescapeLeniently(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
            if (c == '\\' && (next == 'c' || next == 'n' || next == 'r' || next == '\\')) {
                out.append(next == 'c' ? ':' : next == 'n' ? '\n' : next == 'r' ? '\r' : '\\');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String address(StompBroker broker) {
        return broker.protocol() + "://" + broker.host() + ":" + broker.port() + broker.path();
    }
}
