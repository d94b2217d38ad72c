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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.jmx.ConnectionMBeans;
import org.stompest.error.StompConnectTimeout;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompError;
import org.stompest.error.StompProtocolError;
import org.stompest.protocol.StompFrame;

/**
 * A STOMP connection that keeps itself alive: thread-safe, one socket at a time, reconnecting through the failover
 * URI by itself and resubscribing with the same subscription ids.
 * <pre>
 * StompConnection connection = new StompConnection(StompConfig.builder().failover("tcp://localhost:61613").build());
 * connection.connect();
 * connection.subscribe("/queue/in", SubscriptionOptions.builder().ackMode("client-individual").build(), m -&gt; {
 *     handle(m.body());
 *     m.ack();
 * });
 * connection.sendWithReceipt("/queue/out", bytes, Map.of()).get();
 * connection.disconnect();
 * </pre>
 *
 * <p><b>Lifecycle</b> ({@link State}); every transition checks the current state and an illegal call names it:
 * <ol>
 * <li>{@code NEW}: created; {@link #subscribe} already works (the subscription is sent once connected).</li>
 * <li>{@code CONNECTING}: {@link #connect()} or {@link #connectAsync()} runs the failover transport: for each
 * attempt it sleeps the attempt's delay, opens the socket within {@code connectTimeout}, sends CONNECT and waits
 * {@code connectedTimeout} for CONNECTED. The first connect allows {@code startupMaxReconnectAttempts}, later ones
 * {@code maxReconnectAttempts}. An ERROR answering CONNECT (e.g. a wrong passcode) fails that attempt and the
 * loop backs off by the delays like after any other failure. When the transport gives up: {@code FAILED} and
 * {@link StompConnectTimeout} ({@code Reconnect timeout: N attempts [broker=..., error=...]}, the last error as
 * cause). {@code connect()} is idempotent: it returns at once when connected and waits for a connect or
 * reconnect in progress.</li>
 * <li>{@code CONNECTED}: the heart-beats run (a beat when nothing was written for the negotiated client period;
 * silence beyond {@code heartBeatTolerance} x the server period is a loss), subscriptions are (re)sent, frames flow.
 * MESSAGEs go to each subscription's executor, never run on the reader thread.</li>
 * <li>{@code RECONNECTING}: the connection was lost (EOF, read or write error, heart-beat timeout, ERROR followed by
 * close, or {@link #reconnect()}). Pending receipts fail at once with {@link StompConnectionError} (the caller may
 * retry; the last ERROR's message is included), sends fail fast with {@code Not connected}, the session is closed
 * keeping its subscriptions, and a reconnect thread runs the failover transport's next pass. On CONNECTED the
 * subscriptions are replayed with their ids: back to {@code CONNECTED}. If it gives up: {@code FAILED}.</li>
 * <li>{@code DISCONNECTING}: {@link #disconnect()} sends DISCONNECT with a receipt and waits {@code receiptTimeout}
 * for it, then closes.</li>
 * <li>{@code CLOSED} ({@link #close()}): the socket is closed, pending receipts fail, subscriptions stop. Final.</li>
 * <li>{@code FAILED}: the failover transport gave up; {@link #connect()} or {@link #reconnect()} may try again.</li>
 * </ol>
 *
 * <p><b>Threads</b>, all from the {@link ClientRuntime} (the caller's, or one of its own closed with it): one reader
 * thread per socket (frames, receipts, dispatch to the subscription queues), one reconnect thread while
 * reconnecting, the runtime's dispatch pool (the listeners), and the runtime's scheduler (heart-beats, one receipt
 * sweep). Futures returned here complete on the runtime's callback executor, one at a time and in order per
 * connection (a burst of receipts wakes one thread), so code chained onto them never runs on the reader thread or
 * the scheduler; code chained without {@code *Async} runs there and must not block waiting for another receipt of
 * the same connection. Locks: the state lock ({@link StateMachine}) and the session lock ({@link GuardedSession})
 * are never held together, nor during socket I/O; writes are serialised by the transport's own lock.
 *
 * <p><b>Parts.</b> This class runs the lifecycle and the commands, and composes: {@link StateMachine} (the state,
 * its transitions and their listener events), {@link GuardedSession} (the session and its live socket),
 * {@link Connector} (the failover loop and the CONNECT handshake), {@link HeartBeats}, {@link ReceiptTracker}
 * (receipts in flight), {@link Subscriptions} (kept across reconnects), {@link Resubscriber} (new generations after a
 * listener failure), {@link SubscriptionFrames}, {@link Transactions}, {@link Acknowledger}, {@link FrameRouter}
 * (what the reader hands up), {@link ConnectLoop} (the failover loop between states) and, per socket, a
 * {@link Transport}. The MBean is registered by {@link ConnectionMBeans}.
 */
public final class StompConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StompConnection.class);
    private static final AtomicLong IDS = new AtomicLong();

    /** The connection states; see the class comment for the lifecycle. */
    public enum State {
        NEW, CONNECTING, CONNECTED, RECONNECTING, DISCONNECTING, CLOSED, FAILED
    }

    private final StompConfig config;
    private final String id;
    private final ClientRuntime runtime;
    /** Whether {@link #runtime} was made by this connection (and so is closed with it). */
    private final boolean ownsRuntime;
    private final ConnectionStats stats = new ConnectionStats();
    private final StateMachine states;
    private final GuardedSession sessions;
    private final Subscriptions subscriptions = new Subscriptions(stats);
    private final ReceiptTracker receipts;
    private final HeartBeats heartBeats;
    private final Transactions transactions;
    private final Acknowledger acknowledger;
    private final Resubscriber resubscriber;
    private final SubscriptionFrames subscriptionFrames;
    private final FrameRouter router;
    private final Connector connector;
    private final ConnectLoop loop;
    /** Who holds a lease of this connection; set by a {@link ConnectionPool}. */
    private volatile Supplier<List<String>> leaseHolders = List::of;

    /** A connection with a {@link ClientRuntime} of its own, closed with it. */
    public StompConnection(StompConfig config) {
        this(config, null);
    }

    /** A connection whose threads come from {@code runtime} (shared, e.g. by a {@link ConnectionPool}). */
    public StompConnection(StompConfig config, ClientRuntime runtime) {
        this.config = Objects.requireNonNull(config, "config");
        this.id = (config.name() != null ? config.name() : "stompest") + "-" + IDS.incrementAndGet();
        this.ownsRuntime = runtime == null;
        this.runtime = ownsRuntime ? ClientRuntime.builder().name(id).build() : runtime;
        this.states = new StateMachine(id);
        this.sessions = new GuardedSession(config, states);
        this.receipts = new ReceiptTracker(id, stats, this.runtime::schedule, this.runtime.serialCallbacks());
        this.heartBeats = new HeartBeats(config.heartBeatTolerance(), stats, this.runtime);
        this.transactions = new Transactions(sessions, receipts, config.receiptTimeout());
        this.acknowledger = new Acknowledger(sessions, transactions, stats);
        this.resubscriber = new Resubscriber(sessions, receipts);
        this.subscriptionFrames = new SubscriptionFrames(id, sessions, subscriptions);
        ShortLivedConnections shortLived = new ShortLivedConnections(config.failoverUri().options(),
                new java.util.Random());
        this.router = new FrameRouter(this, stats, heartBeats, sessions, subscriptions, receipts, resubscriber,
                states.listeners(), this::lost, shortLived);
        this.connector = new Connector(config, id, stats, router, this.runtime, states, sessions);
        router.connector(connector);
        this.loop = new ConnectLoop(id, this.runtime, states, sessions, connector, router, stats, receipts,
                heartBeats, resubscriber, subscriptionFrames, shortLived);
        ConnectionMBeans.register(this); // at creation: a connection that never connects shows its errors too
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /**
     * Connects, blocking: runs the failover transport until CONNECTED. Returns at once when already connected; waits
     * for a connect already in progress.
     *
     * @throws StompConnectTimeout when the failover transport gives up (state {@code FAILED})
     * @throws StompConnectionError when the connection is closed or disconnecting
     */
    public void connect() {
        CompletableFuture<Void> waitFor;
        try (StateMachine.Change change = states.change()) {
            State from = change.current();
            switch (from) {
                case CONNECTED:
                    return;
                case CONNECTING:
                case RECONNECTING:
                    waitFor = change.ready();
                    break;
                case NEW:
                case FAILED:
                    waitFor = null;
                    change.to(State.CONNECTING);
                    break;
                default:
                    throw states.illegal("connect", from);
            }
        }
        if (waitFor != null) {
            StateMachine.awaitReady(waitFor);
            return;
        }
        loop.run(false);
    }

    /**
     * Connects in the background (for routes whose broker is down at startup); the future completes when CONNECTED
     * and fails like {@link #connect()}. Calling it while connecting returns the same future.
     */
    public CompletableFuture<Void> connectAsync() {
        CompletableFuture<Void> result;
        try (StateMachine.Change change = states.change()) {
            State from = change.current();
            switch (from) {
                case CONNECTED:
                    return CompletableFuture.completedFuture(null);
                case CONNECTING:
                case RECONNECTING:
                    return change.ready().thenApplyAsync(v -> v, runtime.callbacks());
                case NEW:
                case FAILED:
                    change.to(State.CONNECTING);
                    result = change.ready().thenApplyAsync(v -> v, runtime.callbacks());
                    break;
                default:
                    return CompletableFuture.failedFuture(states.illegal("connect", from));
            }
        }
        loop.start(false);
        return result;
    }

    /** Drops the socket and runs the failover loop now (the JMX operation); from FAILED it starts it again. */
    public void reconnect() {
        Transport transport = null;
        try (StateMachine.Change change = states.change()) {
            State from = change.current();
            switch (from) {
                case CONNECTED:
                    transport = sessions.live().transport();
                    break;
                case FAILED:
                    change.to(State.RECONNECTING);
                    break;
                case CONNECTING:
                case RECONNECTING:
                    return;
                default:
                    throw states.illegal("reconnect", from);
            }
        }
        if (transport != null) {
            LOG.info("Reconnect of {} requested", id);
            transport.close(new StompConnectionError("Reconnect requested"));
        } else {
            loop.start(true);
        }
    }

    /**
     * Disconnects gracefully: DISCONNECT with a receipt, waits up to {@code receiptTimeout} for it, then
     * {@link #close()}s. When not connected it just closes.
     */
    public void disconnect() {
        GuardedSession.Live current;
        try (StateMachine.Change change = states.change()) {
            current = change.current() == State.CONNECTED ? sessions.live() : null;
            if (current != null) {
                change.to(State.DISCONNECTING);
            }
        }
        if (current == null) {
            close();
            return;
        }
        try {
            String receipt = receipts.next();
            CompletableFuture<StompFrame> confirmed = new CompletableFuture<>();
            StompFrame frame;
            synchronized (sessions.lock()) {
                frame = sessions.session().disconnect(null);
            }
            receipts.register(receipt, confirmed, config.receiptTimeout());
            current.transport().write(ReceiptTracker.asking(frame, receipt));
            confirmed.get(config.receiptTimeout().toMillis() + 100, TimeUnit.MILLISECONDS);
            LOG.info("Disconnected {} from {}", id, current.transport().address());
        } catch (ExecutionException | TimeoutException | StompError e) {
            LOG.warn("Disconnect of {} not confirmed [{}]", id, e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /** Closes at once: the socket, pending receipts (they fail), subscriptions. Idempotent; final. */
    @Override
    public void close() {
        try (StateMachine.Change change = states.change()) {
            if (change.current() == State.CLOSED) {
                return;
            }
            change.to(State.CLOSED);
            GuardedSession.Live current = sessions.live();
            sessions.live(null);
            change.ready().completeExceptionally(new StompConnectionError("Connection closed [" + id + "]"));
            change.unlock();
            StompConnectionError closed = new StompConnectionError("Connection closed by client");
            heartBeats.stop();
            if (current != null) {
                current.transport().flush();
                current.transport().close(closed);
            }
            connector.close(closed);
            sessions.close(true);
            receipts.failAll("Receipt did not arrive (connection closed)", null);
            subscriptions.closeAll();
            stats.connectionLost(null);
            LOG.info("Closed connection {}", id);
        }
        ConnectionMBeans.unregister(this);
        if (ownsRuntime) {
            runtime.close();
        }
    }

    // ----------------------------------------------------------------------------------------------- accessors

    public State state() {
        return states.current();
    }

    public boolean isConnected() {
        return states.current() == State.CONNECTED;
    }

    /** A stable id of this connection object (JMX name, thread names): {@code <name or stompest>-<n>}. */
    public String id() {
        return id;
    }

    public StompConfig config() {
        return config;
    }

    /** Where the threads of this connection come from. */
    public ClientRuntime runtime() {
        return runtime;
    }

    /** The negotiated version of the live session, or null. */
    public String version() {
        GuardedSession.Live l = sessions.live();
        return l == null ? null : l.version();
    }

    /** The {@code session} header of CONNECTED, or null. */
    public String sessionId() {
        GuardedSession.Live l = sessions.live();
        return l == null ? null : l.session();
    }

    /** The {@code server} header of CONNECTED, or null. */
    public String server() {
        GuardedSession.Live l = sessions.live();
        return l == null ? null : l.server();
    }

    /** The broker of the live session as {@code tcp://host:port}, or null. */
    public String currentBroker() {
        GuardedSession.Live l = sessions.live();
        return l == null ? null : l.transport().address();
    }

    /** The negotiated client heart-beat period in ms (0: none, or not connected). */
    public int clientHeartBeat() {
        GuardedSession.Live l = sessions.live();
        return l == null ? 0 : l.clientHeartBeat();
    }

    /** The negotiated server heart-beat period in ms (0: none, or not connected). */
    public int serverHeartBeat() {
        GuardedSession.Live l = sessions.live();
        return l == null ? 0 : l.serverHeartBeat();
    }

    /**
     * The profile of the broker: the forced one ({@link StompConfig#brokerProfile()}), else the one its CONNECTED's
     * {@code server} header names; before the first connect the forced one or GENERIC.
     */
    public BrokerProfile brokerProfile() {
        return sessions.profile();
    }

    /** Counts every successful connect: 1 after the first, +1 per reconnect; 0 before. */
    public long epoch() {
        return sessions.epoch();
    }

    /** The last ERROR frame received, or null. */
    public StompFrame lastError() {
        return router.lastError();
    }

    public ConnectionStats stats() {
        return stats;
    }

    /** Who leases this connection from a {@link ConnectionPool}, if pooled: the JMX {@code disconnect} refuses then. */
    public List<String> leaseHolders() {
        return leaseHolders.get();
    }

    void leaseHolders(Supplier<List<String>> holders) {
        leaseHolders = holders;
    }

    /** The active subscriptions, in subscribe order. */
    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.ordered());
    }

    public void addListener(ConnectionListener listener) {
        states.listeners().add(listener);
    }

    public void removeListener(ConnectionListener listener) {
        states.listeners().remove(listener);
    }

    // ------------------------------------------------------------------------------------------------ commands

    /** Sends without a receipt ({@code content-length} is always set). */
    public void send(String destination, byte[] body, Map<String, String> headers) {
        send(destination, body, headers, null);
    }

    /** Sends without a receipt, within {@code transaction} if not null. */
    public void send(String destination, byte[] body, Map<String, String> headers, String transaction) {
        Transport transport;
        StompFrame frame;
        synchronized (sessions.lock()) {
            transport = sessions.requireConnected("send").transport();
            frame = sessions.session().send(destination, body, transactions.withTransaction(headers, transaction),
                    null);
        }
        frame.setContentLength();
        transport.write(frame);
        stats.messageSent();
    }

    /**
     * A MESSAGE can arrive between the replayed SUBSCRIBEs and CONNECTED ({@link ConnectLoop}'s going live), when
     * sends are still refused: its listener waits here (on its dispatch thread, at most the connected timeout) so
     * that its ACK, BEGIN or SEND does not fail with "Not connected". Returns at once while connected.
     */
    void awaitConnected() {
        if (states.current() == State.CONNECTED) {
            return;
        }
        CompletableFuture<Void> ready;
        try (StateMachine.Change change = states.change()) {
            State s = change.current();
            if (s != State.CONNECTING && s != State.RECONNECTING) {
                return;
            }
            ready = change.ready();
        }
        try {
            ready.get(config.connectedTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // not connected after all: the listener runs, and what it sends fails as for any lost connection
        }
    }

    /** Sends what deferred writes (ACKs of a busy subscription worker) left buffered on the current socket. */
    void flushDeferred() {
        GuardedSession.Live current = sessions.live();
        if (current != null) {
            current.transport().flushDeferred();
        }
    }

    /** Sends and completes with the RECEIPT, within {@code receiptTimeout}. */
    public CompletableFuture<StompFrame> sendWithReceipt(String destination, byte[] body, Map<String, String> headers) {
        return sendWithReceipt(destination, body, headers, null, null);
    }

    /**
     * Sends and completes with the RECEIPT frame. Fails with {@link StompConnectionError} when the connection is
     * lost before the receipt (the caller may retry) or it is not connected, with
     * {@code StompConnectionError("Receipt did not arrive on time: r [timeout=..]")} after {@code timeout}
     * ({@code null}: the config's), and with {@link StompBrokerError} (a {@link StompProtocolError}) when an ERROR
     * frame answers it.
     */
    public CompletableFuture<StompFrame> sendWithReceipt(String destination, byte[] body, Map<String, String> headers,
                                                         String transaction, Duration timeout) {
        return receipts.sendMessage(timeout == null ? config.receiptTimeout() : timeout,
                id -> {
                    Transport transport;
                    StompFrame frame;
                    synchronized (sessions.lock()) {
                        transport = sessions.requireConnected("send").transport();
                        frame = sessions.session().send(destination, body,
                                transactions.withTransaction(headers, transaction), null);
                    }
                    ReceiptTracker.asking(frame, id).setContentLength();
                    stats.messageSent();
                    return new ReceiptTracker.Outgoing(transport, frame);
                });
    }

    /**
     * Subscribes; the listener runs on the subscription's own executor. Works in any state but closed: before
     * connecting the SUBSCRIBE is sent once connected, and after every reconnect it is replayed with the same id.
     */
    public Subscription subscribe(String destination, SubscriptionOptions options, MessageListener listener) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(listener, "listener");
        SubscriptionOptions opts = options == null ? SubscriptionOptions.defaults() : options;
        State current = states.current();
        if (current == State.CLOSED || current == State.DISCONNECTING) {
            throw states.illegal("subscribe", current);
        }
        StompSubscription subscription = subscriptions.add(this, destination, opts, listener);
        subscriptionFrames.subscribed(subscription);
        return subscription;
    }

    void unsubscribe(StompSubscription subscription) {
        subscriptionFrames.unsubscribe(subscription);
    }

    /** See {@link Resubscriber#resubscribe}: after a listener failure ({@link ListenerFailure#REDELIVER}). */
    void resubscribe(StompSubscription subscription, StompMessage failed) {
        resubscriber.resubscribe(subscription, failed);
    }

    /**
     * ACKs a message with its {@link StompMessage#ackId()} (1.2: {@code id}; 1.1: {@code message-id} and
     * {@code subscription}; 1.0: {@code message-id}). Nothing is sent for an auto-ack subscription. A message
     * received before a reconnect throws {@link StompConnectionError} (the broker redelivers it).
     */
    public void ack(StompMessage message) {
        acknowledger.settle(message, null, true);
    }

    public void ack(StompMessage message, String transaction) {
        acknowledger.settle(message, Objects.requireNonNull(transaction, "transaction"), true);
    }

    /** NACK (1.1+; 1.0 has none and throws {@link StompProtocolError}). */
    public void nack(StompMessage message) {
        acknowledger.settle(message, null, false);
    }

    public void nack(StompMessage message, String transaction) {
        acknowledger.settle(message, Objects.requireNonNull(transaction, "transaction"), false);
    }

    /** Begins a transaction and returns its new id. */
    public String begin() {
        return transactions.begin();
    }

    /** Commits, completing with the RECEIPT (failures as for {@link #sendWithReceipt}). */
    public CompletableFuture<StompFrame> commit(String transaction) {
        return transactions.end(transaction, true);
    }

    /** Aborts, completing with the RECEIPT (failures as for {@link #sendWithReceipt}). */
    public CompletableFuture<StompFrame> abort(String transaction) {
        return transactions.end(transaction, false);
    }

    /** The reader's report that a live socket closed (see {@link ConnectLoop#lost}). */
    private void lost(Transport transport, Throwable cause) {
        loop.lost(transport, cause);
    }

    @Override
    public String toString() {
        GuardedSession.Live l = sessions.live();
        return "StompConnection[" + id + ", " + state() + (l == null ? "" : ", " + l.transport().address()) + "]";
    }
}
