package org.stompest.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.StompConnection.State;
import org.stompest.error.StompConnectTimeout;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompError;
import org.stompest.protocol.StompBroker;
import org.stompest.protocol.StompFailoverAttempt;
import org.stompest.protocol.StompFailoverTransport;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSession;
import org.stompest.protocol.StompSpec;

/**
 * The failover loop of one connection: finds a broker that answers CONNECT.
 * <ol>
 * <li>{@link #connect()} runs one pass of the failover transport. For each attempt it records it in the
 * {@link ConnectionStats}, sleeps its delay (cut short by {@link #closing()}), opens the socket and sends CONNECT,
 * then waits {@code connectedTimeout} for CONNECTED. A failed attempt is logged and the next one tried.</li>
 * <li>The handshake hears from the reader thread: {@link #connected} (CONNECTED), {@link #refused} (an ERROR
 * answering CONNECT, its headers unescaped leniently) and {@link #closed} (the socket closed first).</li>
 * <li>It returns the transport that answered, or throws {@link StompConnectTimeout}
 * ({@code Reconnect timeout: N attempts [broker=..., error=...]}, the last error as cause) when the transport
 * gives up, or {@link #closedMeanwhile()} when the connection was closed.</li>
 * </ol>
 * Locks: the transport being connected and its handshake are published and cleared under the connection's state
 * lock (so {@code close()} either finds them or this pass finds the connection closed); the session is used under
 * the session lock; never both at once.
 */
final class Connector {
    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

    private final StompConfig config;
    private final String id;
    private final ConnectionStats stats;
    private final SocketTransport.Handler handler;
    private final ClientRuntime runtime;
    private final StompFailoverTransport failover;
    private final StompSession session;
    private final Object sessionLock;
    private final Object stateLock;
    private final Supplier<State> state;
    private final CountDownLatch closed = new CountDownLatch(1);

    /** The transport being connected and its handshake, while one is; written under the state lock. */
    private volatile SocketTransport connecting;
    private volatile CompletableFuture<StompFrame> handshake;

    /**
     * @param handler     the connection's reader handler, given to every transport opened
     * @param sessionLock the lock that guards {@code session}
     * @param stateLock   the connection's state lock
     * @param state       the connection's state
     */
    Connector(StompConfig config, String id, ConnectionStats stats, SocketTransport.Handler handler,
              ClientRuntime runtime, StompSession session, Object sessionLock, Object stateLock,
              Supplier<State> state) {
        this.config = config;
        this.id = id;
        this.stats = stats;
        this.handler = handler;
        this.runtime = runtime;
        this.failover = new StompFailoverTransport(config.failoverUri());
        this.session = session;
        this.sessionLock = sessionLock;
        this.stateLock = stateLock;
        this.state = state;
    }

    // ------------------------------------------------------------------------------------------ connect loop

    /**
     * Runs one pass of the failover transport on this thread (the connection is CONNECTING or RECONNECTING): the
     * transport that answered CONNECT, its session CONNECTED.
     */
    SocketTransport connect() {
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
            Duration delay = attempt.delay();
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
            if (state.get() == State.CLOSED) {
                throw closedMeanwhile();
            }
            try {
                return establish(broker);
            } catch (StompConnectionError e) {
                if (state.get() == State.CLOSED) {
                    throw closedMeanwhile();
                }
                lastBroker = broker;
                lastError = e;
                stats.attemptFailed(broker, e);
                LOG.warn("Could not connect {} to {} (attempt {}) [{}]", id, address(broker), count, e.getMessage());
            }
        }
    }

    /** One attempt: socket, CONNECT, CONNECTED. */
    private SocketTransport establish(StompBroker broker) {
        SocketTransport transport;
        try {
            transport = SocketTransport.open(broker, config, handler, stats, runtime, "stompest-reader-" + id);
        } catch (IOException e) {
            throw new StompConnectionError("Could not establish connection [" + e + "]", e);
        }
        CompletableFuture<StompFrame> hs = new CompletableFuture<>();
        synchronized (stateLock) {
            State s = state.get();
            if (s != State.CONNECTING && s != State.RECONNECTING) {
                transport.close(null);
                throw closedMeanwhile();
            }
            connecting = transport;
            handshake = hs;
        }
        try {
            transport.start();
            StompFrame connect;
            synchronized (sessionLock) {
                session.close(false);
                int[] heartBeats = StompSpec.VERSION_1_0.equals(config.version()) ? null
                        : new int[] {config.clientHeartBeat(), config.serverHeartBeat()};
                connect = session.connect(config.login(), config.passcode(), config.connectHeaders(), null,
                        config.host(), heartBeats);
            }
            transport.write(connect);
            awaitConnected(hs);
        } catch (RuntimeException e) {
            StompConnectionError error = e instanceof StompConnectionError ? (StompConnectionError) e
                    : new StompConnectionError("Could not connect [" + e.getMessage() + "]", e);
            transport.close(error);
            synchronized (sessionLock) {
                session.close(false);
            }
            throw error;
        } finally {
            synchronized (stateLock) {
                connecting = null;
                handshake = null;
            }
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
     * Call with the state lock held, as the connection moves to CLOSED: ends any delay being waited and returns the
     * transport being connected, or null.
     */
    SocketTransport closing() {
        SocketTransport inHandshake = connecting;
        closed.countDown();
        return inHandshake;
    }

    /** After {@link #closing()}, outside the lock: closes the transport it returned and fails the handshake. */
    void abort(SocketTransport inHandshake, StompConnectionError cause) {
        if (inHandshake != null) {
            inHandshake.close(cause);
        }
        CompletableFuture<StompFrame> hs = handshake;
        if (hs != null) {
            hs.completeExceptionally(cause);
        }
    }

    StompConnectionError closedMeanwhile() {
        return new StompConnectionError("Connection closed while connecting [connection=" + id + "]");
    }

    // ------------------------------------------------------------------------------------------ reader side

    /** On the reader thread: CONNECTED answers the handshake of {@code transport} (else it is ignored). */
    void connected(SocketTransport transport, StompFrame frame) {
        CompletableFuture<StompFrame> hs = handshake;
        if (transport != connecting || hs == null) {
            LOG.warn("Ignored unexpected {} from {}", frame.info(), transport.address());
            return;
        }
        try {
            String version;
            synchronized (sessionLock) {
                session.connected(frame);
                version = session.version();
            }
            transport.setVersion(version);
            hs.complete(frame);
        } catch (StompError e) {
            hs.completeExceptionally(new StompConnectionError("Could not connect [" + e.getMessage() + "]", e));
        }
    }

    /** On the reader thread: whether this ERROR answered the handshake of {@code transport} (which then fails). */
    boolean refused(SocketTransport transport, StompFrame frame) {
        CompletableFuture<StompFrame> hs = handshake;
        if (transport != connecting || hs == null) {
            return false;
        }
        StompBrokerError error = new StompBrokerError(handshakeError(frame));
        hs.completeExceptionally(new StompConnectionError("While trying to connect, " + error.getMessage(), error));
        return true;
    }

    /** {@code transport} closed: fails its handshake if it is being connected. */
    void closed(SocketTransport transport, Throwable cause) {
        CompletableFuture<StompFrame> hs = handshake;
        if (transport == connecting && hs != null) {
            StompError error = cause instanceof StompConnectionError ? (StompError) cause
                    : new StompConnectionError("Connection closed while connecting", cause);
            hs.completeExceptionally(error);
        }
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
        return broker.protocol() + "://" + broker.host() + ":" + broker.port();
    }
}
