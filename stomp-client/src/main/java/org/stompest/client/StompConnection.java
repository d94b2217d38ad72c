package org.stompest.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.jmx.ConnectionMBeans;
import org.stompest.error.StompConnectTimeout;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompError;
import org.stompest.error.StompProtocolError;
import org.stompest.protocol.StompBroker;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompItem;
import org.stompest.protocol.StompSession;
import org.stompest.protocol.StompSpec;
import org.stompest.protocol.SubscriptionToken;

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
 * reconnecting, the subscription workers, and the runtime's scheduler (heart-beats, receipt timeouts). Futures
 * returned here complete on the runtime's callback executor, so code chained onto them never runs on the reader
 * thread or the scheduler. Locks: the state lock and the session lock are never held together,
 * nor during socket I/O; writes are serialised by the transport's own lock.
 *
 * <p><b>Parts.</b> This class holds the state machine and the live session and composes: {@link Connector} (the
 * failover loop and the CONNECT handshake), {@link HeartBeats}, {@link ReceiptTracker} (receipts in flight),
 * {@link Subscriptions} (kept across reconnects), {@link ConnectionListeners} and, per socket, a
 * {@link SocketTransport}.
 */
public final class StompConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StompConnection.class);
    private static final AtomicLong IDS = new AtomicLong();

    /** The connection states; see the class comment for the lifecycle. */
    public enum State {
        NEW, CONNECTING, CONNECTED, RECONNECTING, DISCONNECTING, CLOSED, FAILED
    }

    /** What is known about the live session; replaced on every connect. */
    private record Live(SocketTransport transport, long epoch, StompBroker broker, String version, String session,
                        String server, int clientHeartBeat, int serverHeartBeat, BrokerProfile profile) {
    }

    private final StompConfig config;
    private final String id;
    private final ClientRuntime runtime;
    /** Whether {@link #runtime} was made by this connection (and so is closed with it). */
    private final boolean ownsRuntime;
    private final ConnectionStats stats = new ConnectionStats();
    private final ConnectionListeners listeners = new ConnectionListeners();
    private final Subscriptions subscriptions = new Subscriptions(stats);
    private final ReceiptTracker receipts;
    private final HeartBeats heartBeats;
    private final Connector connector;
    private final SocketTransport.Handler handler = new Handler();

    /** Guards state, live, ready and the connector's handshake; transitions queue their events in order. */
    private final Object lock = new Object();
    private volatile State state = State.NEW;
    private volatile Live live;
    private CompletableFuture<Void> ready = new CompletableFuture<>();
    private boolean registered;
    private volatile long epoch;

    /** Guards the session, the transaction epochs and {@link StompSubscription#subscribedEpoch}. */
    private final Object sessionLock = new Object();
    private final StompSession session;
    private final Map<String, Long> transactions = new ConcurrentHashMap<>();
    /** Receipts of the UNSUBSCRIBEs of resubscribes: what to run when one arrives (on the reader thread). */
    private final Map<String, Runnable> resubscribeReceipts = new ConcurrentHashMap<>();

    private volatile StompFrame lastError;
    /** The profile of the broker last connected to (the forced one, or GENERIC, before the first connect). */
    private volatile BrokerProfile profile;

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
        this.session = new StompSession(config.version(), true);
        this.profile = config.brokerProfile() != null ? config.brokerProfile() : BrokerProfile.GENERIC;
        this.receipts = new ReceiptTracker(id, stats, this.runtime::schedule, this.runtime.callbacks());
        this.heartBeats = new HeartBeats(config.heartBeatTolerance(), stats, this.runtime);
        this.connector = new Connector(config, id, stats, handler, this.runtime, session, sessionLock, lock,
                () -> state);
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
        State from;
        synchronized (lock) {
            from = state;
            switch (from) {
                case CONNECTED:
                    return;
                case CONNECTING:
                case RECONNECTING:
                    waitFor = ready;
                    break;
                case NEW:
                case FAILED:
                    waitFor = null;
                    transition(State.CONNECTING);
                    break;
                default:
                    throw illegal("connect", from);
            }
        }
        if (waitFor != null) {
            join(waitFor);
            return;
        }
        listeners.deliver();
        runConnect(false);
    }

    /**
     * Connects in the background (for routes whose broker is down at startup); the future completes when CONNECTED
     * and fails like {@link #connect()}. Calling it while connecting returns the same future.
     */
    public CompletableFuture<Void> connectAsync() {
        State from;
        CompletableFuture<Void> result;
        synchronized (lock) {
            from = state;
            switch (from) {
                case CONNECTED:
                    return CompletableFuture.completedFuture(null);
                case CONNECTING:
                case RECONNECTING:
                    return ready.thenApplyAsync(v -> v, runtime.callbacks());
                case NEW:
                case FAILED:
                    transition(State.CONNECTING);
                    result = ready.thenApplyAsync(v -> v, runtime.callbacks());
                    break;
                default:
                    return CompletableFuture.failedFuture(illegal("connect", from));
            }
        }
        listeners.deliver();
        startConnectThread(false);
        return result;
    }

    /** Drops the socket and runs the failover loop now (the JMX operation); from FAILED it starts it again. */
    public void reconnect() {
        SocketTransport transport = null;
        State from;
        synchronized (lock) {
            from = state;
            switch (from) {
                case CONNECTED:
                    transport = live.transport();
                    break;
                case FAILED:
                    transition(State.RECONNECTING);
                    break;
                case CONNECTING:
                case RECONNECTING:
                    return;
                default:
                    throw illegal("reconnect", from);
            }
        }
        if (transport != null) {
            LOG.info("Reconnect of {} requested", id);
            transport.close(new StompConnectionError("Reconnect requested"));
        } else {
            listeners.deliver();
            startReconnectThread();
        }
    }

    /**
     * Disconnects gracefully: DISCONNECT with a receipt, waits up to {@code receiptTimeout} for it, then
     * {@link #close()}s. When not connected it just closes.
     */
    public void disconnect() {
        Live current;
        synchronized (lock) {
            if (state != State.CONNECTED) {
                current = null;
            } else {
                current = live;
                transition(State.DISCONNECTING);
            }
        }
        if (current == null) {
            close();
            return;
        }
        listeners.deliver();
        try {
            String receipt = receipts.next();
            CompletableFuture<StompFrame> confirmed = new CompletableFuture<>();
            StompFrame frame;
            synchronized (sessionLock) {
                frame = session.disconnect(receipt);
            }
            receipts.register(receipt, confirmed, config.receiptTimeout());
            current.transport().write(frame);
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
        State from;
        Live current;
        SocketTransport inHandshake;
        synchronized (lock) {
            from = state;
            if (from == State.CLOSED) {
                return;
            }
            transition(State.CLOSED);
            current = live;
            live = null;
            inHandshake = connector.closing();
            ready.completeExceptionally(new StompConnectionError("Connection closed [" + id + "]"));
        }
        StompConnectionError closed = new StompConnectionError("Connection closed by client");
        heartBeats.stop();
        if (current != null) {
            current.transport().flush();
            current.transport().close(closed);
        }
        connector.abort(inHandshake, closed);
        synchronized (sessionLock) {
            session.close(true);
        }
        receipts.failAll("Receipt did not arrive (connection closed)", null);
        subscriptions.closeAll();
        stats.connectionLost(null);
        LOG.info("Closed connection {}", id);
        listeners.deliver();
        unregisterMBean();
        if (ownsRuntime) {
            runtime.close();
        }
    }

    // ----------------------------------------------------------------------------------------------- accessors

    public State state() {
        return state;
    }

    public boolean isConnected() {
        return state == State.CONNECTED;
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
        Live l = live;
        return l == null ? null : l.version();
    }

    /** The {@code session} header of CONNECTED, or null. */
    public String sessionId() {
        Live l = live;
        return l == null ? null : l.session();
    }

    /** The {@code server} header of CONNECTED, or null. */
    public String server() {
        Live l = live;
        return l == null ? null : l.server();
    }

    /** The broker of the live session as {@code tcp://host:port}, or null. */
    public String currentBroker() {
        Live l = live;
        return l == null ? null : l.transport().address();
    }

    /** The negotiated client heart-beat period in ms (0: none, or not connected). */
    public int clientHeartBeat() {
        Live l = live;
        return l == null ? 0 : l.clientHeartBeat();
    }

    /** The negotiated server heart-beat period in ms (0: none, or not connected). */
    public int serverHeartBeat() {
        Live l = live;
        return l == null ? 0 : l.serverHeartBeat();
    }

    /**
     * The profile of the broker: the forced one ({@link StompConfig#brokerProfile()}), else the one its CONNECTED's
     * {@code server} header names; before the first connect the forced one or GENERIC.
     */
    public BrokerProfile brokerProfile() {
        return profile;
    }

    /** Counts every successful connect: 1 after the first, +1 per reconnect; 0 before. */
    public long epoch() {
        return epoch;
    }

    /** The last ERROR frame received, or null. */
    public StompFrame lastError() {
        return lastError;
    }

    public ConnectionStats stats() {
        return stats;
    }

    /** The active subscriptions, in subscribe order. */
    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.ordered());
    }

    public void addListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ConnectionListener listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------------------------------------ commands

    /** Sends without a receipt ({@code content-length} is always set). */
    public void send(String destination, byte[] body, Map<String, String> headers) {
        send(destination, body, headers, null);
    }

    /** Sends without a receipt, within {@code transaction} if not null. */
    public void send(String destination, byte[] body, Map<String, String> headers, String transaction) {
        SocketTransport transport;
        StompFrame frame;
        synchronized (sessionLock) {
            transport = requireConnected("send").transport();
            frame = session.send(destination, body, withTransaction(headers, transaction), null);
        }
        frame.setContentLength();
        transport.write(frame);
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
        CompletableFuture<StompFrame> future = new CompletableFuture<>();
        String receipt = receipts.next();
        try {
            SocketTransport transport;
            StompFrame frame;
            synchronized (sessionLock) {
                transport = requireConnected("send").transport();
                frame = session.send(destination, body, withTransaction(headers, transaction), receipt);
            }
            frame.setContentLength();
            receipts.register(receipt, future, timeout == null ? config.receiptTimeout() : timeout);
            transport.write(frame);
        } catch (StompError e) {
            receipts.fail(receipt, future, e);
        }
        return future;
    }

    /**
     * Subscribes; the listener runs on the subscription's own executor. Works in any state but closed: before
     * connecting the SUBSCRIBE is sent once connected, and after every reconnect it is replayed with the same id.
     */
    public Subscription subscribe(String destination, SubscriptionOptions options, MessageListener listener) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(listener, "listener");
        SubscriptionOptions opts = options == null ? SubscriptionOptions.defaults() : options;
        State current = state;
        if (current == State.CLOSED || current == State.DISCONNECTING) {
            throw illegal("subscribe", current);
        }
        StompSubscription subscription = subscriptions.add(this, destination, opts, listener);
        SocketTransport transport = null;
        StompFrame frame = null;
        synchronized (sessionLock) {
            Live l = live;
            if (state == State.CONNECTED && l != null && subscription.subscribedEpoch != l.epoch()) {
                transport = l.transport();
                frame = Subscriptions.subscribe(session, subscription, l.epoch(), l.profile());
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
        LOG.debug("Subscribed {} to {}", subscription.id(), destination);
        return subscription;
    }

    void unsubscribe(StompSubscription subscription) {
        Lock settling = subscription.settleLock().writeLock(); // not between a resubscribe's frames
        settling.lock();
        try {
            unsubscribeLocked(subscription);
        } finally {
            settling.unlock();
        }
    }

    private void unsubscribeLocked(StompSubscription subscription) {
        if (!subscription.deactivate()) {
            return;
        }
        subscriptions.remove(subscription);
        SocketTransport transport = null;
        StompFrame frame = null;
        synchronized (sessionLock) {
            Live l = live;
            if (state == State.CONNECTED && l != null && subscription.subscribedEpoch == l.epoch()
                    && session.subscriptions().contains(SubscriptionToken.id(subscription.wireId()))) {
                transport = l.transport();
                frame = session.unsubscribe(SubscriptionToken.id(subscription.wireId()), null);
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
    }

    /**
     * After a listener failed on {@code failed} ({@link ListenerFailure#REDELIVER}): leaves it unacknowledged and
     * subscribes anew, UNSUBSCRIBE (with a receipt) then SUBSCRIBE with the same headers and the next generation's
     * {@link StompSubscription#wireId()}, so the broker delivers it again. Starts the subscription's next
     * generation: ACKs of earlier messages are no longer sent. Nothing to do
     * when the message is from an earlier generation or connection (it comes again anyway), the subscription is gone,
     * or the connection is not up (the reconnect subscribes anew).
     */
    void resubscribe(StompSubscription subscription, StompMessage failed) {
        Lock settling = subscription.settleLock().writeLock();
        settling.lock();
        try {
            SocketTransport transport;
            StompFrame unsubscribe;
            StompFrame subscribe;
            synchronized (sessionLock) {
                Live l = live;
                SubscriptionToken token = SubscriptionToken.id(subscription.wireId());
                if (!subscription.isActive() || failed.generation() != subscription.generation()
                        || state != State.CONNECTED || l == null || failed.connectionEpoch() != l.epoch()
                        || subscription.subscribedEpoch != l.epoch() || !session.subscriptions().contains(token)) {
                    return;
                }
                transport = l.transport();
                String receipt = receipts.next();
                unsubscribe = session.unsubscribe(token, receipt);
                long next = subscription.nextGeneration();
                resubscribeReceipts.put(receipt, () -> subscription.delivering(next));
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

    /**
     * ACKs a message with its {@link StompMessage#ackId()} (1.2: {@code id}; 1.1: {@code message-id} and
     * {@code subscription}; 1.0: {@code message-id}). Nothing is sent for an auto-ack subscription. A message
     * received before a reconnect throws {@link StompConnectionError} (the broker redelivers it).
     */
    public void ack(StompMessage message) {
        acknowledge(message, null, true);
    }

    public void ack(StompMessage message, String transaction) {
        acknowledge(message, Objects.requireNonNull(transaction, "transaction"), true);
    }

    /** NACK (1.1+; 1.0 has none and throws {@link StompProtocolError}). */
    public void nack(StompMessage message) {
        acknowledge(message, null, false);
    }

    public void nack(StompMessage message, String transaction) {
        acknowledge(message, Objects.requireNonNull(transaction, "transaction"), false);
    }

    private void acknowledge(StompMessage message, String transaction, boolean ack) {
        String command = ack ? "ack" : "nack";
        if (!message.isClientAck()) {
            message.settle(); // auto ack: the broker expects nothing
            return;
        }
        StompSubscription subscription = message.subscription();
        Lock settling = subscription == null ? null : subscription.settleLock().readLock();
        if (settling != null) {
            settling.lock(); // a resubscribe does not come between the check and the write
        }
        try {
            SocketTransport transport;
            StompFrame frame;
            synchronized (sessionLock) {
                Live l = requireConnected(command);
                transport = l.transport();
                long current = l.epoch();
                if (message.connectionEpoch() != current) {
                    throw new StompConnectionError("Cannot " + command + " message " + message.messageId()
                            + ": it was received before a reconnect and will be redelivered [epoch="
                            + message.connectionEpoch() + ", current=" + current + "]");
                }
                if (subscription != null && message.generation() != subscription.generation()) {
                    LOG.debug("Not sending {} of {}: subscription {} has subscribed anew since, the broker "
                            + "redelivers it", command.toUpperCase(Locale.ROOT), message.messageId(),
                            subscription.id());
                    message.settle();
                    return;
                }
                if (transaction != null) {
                    checkTransaction(transaction);
                }
                frame = ack ? session.ack(message.frame(), null) : session.nack(message.frame(), null);
                if (transaction != null) {
                    frame.headers().put(StompSpec.TRANSACTION_HEADER, transaction);
                }
            }
            transport.write(frame);
            message.settle();
        } finally {
            if (settling != null) {
                settling.unlock();
            }
        }
    }

    /** Begins a transaction and returns its new id. */
    public String begin() {
        SocketTransport transport;
        StompFrame frame;
        String transaction;
        synchronized (sessionLock) {
            Live l = requireConnected("begin");
            transport = l.transport();
            transaction = session.transaction(null);
            frame = session.begin(transaction, null);
            transactions.put(transaction, l.epoch());
        }
        transport.write(frame);
        return transaction;
    }

    /** Commits, completing with the RECEIPT (failures as for {@link #sendWithReceipt}). */
    public CompletableFuture<StompFrame> commit(String transaction) {
        return endTransaction(transaction, true);
    }

    /** Aborts, completing with the RECEIPT (failures as for {@link #sendWithReceipt}). */
    public CompletableFuture<StompFrame> abort(String transaction) {
        return endTransaction(transaction, false);
    }

    private CompletableFuture<StompFrame> endTransaction(String transaction, boolean commit) {
        CompletableFuture<StompFrame> future = new CompletableFuture<>();
        String receipt = receipts.next();
        try {
            SocketTransport transport;
            StompFrame frame;
            synchronized (sessionLock) {
                transport = requireConnected(commit ? "commit" : "abort").transport();
                checkTransaction(transaction);
                frame = commit ? session.commit(transaction, receipt) : session.abort(transaction, receipt);
                transactions.remove(transaction);
            }
            receipts.register(receipt, future, config.receiptTimeout());
            transport.write(frame);
        } catch (StompError e) {
            receipts.fail(receipt, future, e);
        }
        return future;
    }

    // ------------------------------------------------------------------------------------------ connect loop

    /** Runs the failover loop on this thread (state CONNECTING or RECONNECTING); on give-up moves to FAILED. */
    private void runConnect(boolean reconnect) {
        try {
            goLive(connector.connect(), reconnect);
        } catch (RuntimeException failure) {
            StompConnectionError e = failure instanceof StompConnectionError ? (StompConnectionError) failure
                    : new StompConnectionError("Could not connect [" + failure + "]", failure);
            synchronized (lock) {
                if (state != State.CONNECTING && state != State.RECONNECTING) {
                    throw e;
                }
                transition(State.FAILED);
                ready.completeExceptionally(e);
            }
            LOG.error("Giving up connecting {}: {}", id, e.getMessage());
            stats.connectionLost(e);
            receipts.failAll("Receipt did not arrive (connection failed)", e);
            listeners.deliver();
            throw e;
        }
    }

    /** The transport answered CONNECT: the connection is live (state CONNECTED). */
    private void goLive(SocketTransport transport, boolean reconnect) {
        StompBroker broker = transport.broker();
        Live l;
        synchronized (sessionLock) {
            BrokerProfile p = config.brokerProfile() != null ? config.brokerProfile()
                    : BrokerProfile.of(session.server());
            l = new Live(transport, epoch + 1, broker, session.version(), session.id(), session.server(),
                    session.clientHeartBeat(), session.serverHeartBeat(), p);
        }
        synchronized (lock) {
            if (state != State.CONNECTING && state != State.RECONNECTING) {
                transport.close(null);
                throw connector.closedMeanwhile();
            }
            epoch = l.epoch();
            profile = l.profile();
            live = l;
            lastError = null;
            transition(State.CONNECTED);
            ready.complete(null);
        }
        stats.connected(broker, reconnect || l.epoch() > 1);
        LOG.info("Connected {} to {} [version={}, session={}, server={}, profile={}, heart-beats={},{}]", id,
                transport.address(), l.version(), l.session(), l.server(), l.profile(), l.clientHeartBeat(),
                l.serverHeartBeat());
        heartBeats.start(transport, l.clientHeartBeat(), l.serverHeartBeat());
        replay(l);
        registerMBean();
        listeners.deliver();
        if (transport.isClosed()) {
            // lost while going live: the reader's report may have come before live was set
            handler.closed(transport, new StompConnectionError("Connection closed while connecting"));
        }
    }

    /** Resubscribes (same ids): the session's replay entries first, then subscriptions made meanwhile. */
    private void replay(Live l) {
        List<StompFrame> frames;
        resubscribeReceipts.clear(); // their subscriptions are subscribed anew on this connection
        synchronized (sessionLock) {
            frames = subscriptions.replay(session, l.epoch(), l.profile());
        }
        if (!frames.isEmpty()) {
            LOG.info("Replaying {} subscription(s) of {} on {}", frames.size(), id, l.transport().address());
        }
        try {
            for (StompFrame frame : frames) {
                l.transport().write(frame);
            }
        } catch (StompConnectionError e) {
            LOG.debug("Replay on {} interrupted [{}]; the next reconnect replays again", id, e.getMessage());
        }
    }

    private void startReconnectThread() {
        startConnectThread(true);
    }

    /** Runs the failover loop on its own daemon thread; its outcome reaches callers through state and futures. */
    private void startConnectThread(boolean reconnect) {
        String what = reconnect ? "reconnect" : "connect";
        runtime.newThread("stompest-" + what + "-" + id, () -> {
            try {
                runConnect(reconnect);
            } catch (StompError e) {
                LOG.debug("Background {} of {} ended [{}]", what, id, e.getMessage());
            }
        }).start();
    }

    // ----------------------------------------------------------------------------------------------- losses

    /** A live transport closed: move to RECONNECTING, fail pending receipts, start the reconnect thread. */
    private void lost(SocketTransport transport, Throwable cause) {
        synchronized (lock) {
            Live l = live;
            if (l == null || l.transport() != transport || state != State.CONNECTED) {
                return; // stale, or closing/disconnecting: close() cleans up
            }
            live = null;
            transition(State.RECONNECTING);
        }
        heartBeats.stop();
        synchronized (sessionLock) {
            session.close(false);
        }
        stats.connectionLost(cause);
        StompFrame error = lastError;
        String reason = cause == null ? "closed" : cause.getMessage();
        if (error != null) {
            reason += "; last ERROR: " + error.header(StompSpec.MESSAGE_HEADER);
        }
        LOG.warn("Connection {} to {} lost [{}]; reconnecting", id, transport.address(), reason);
        receipts.failAll("Receipt did not arrive (connection lost) [" + reason + "]", cause);
        listeners.deliver();
        startReconnectThread();
    }

    // ------------------------------------------------------------------------------------------ reader side

    private final class Handler implements SocketTransport.Handler {
        @Override
        public void bytesRead(SocketTransport transport, int n, long nowNanos) {
            stats.bytesRead(n, nowNanos);
            heartBeats.read(nowNanos);
        }

        @Override
        public void wrote(SocketTransport transport, long nowNanos) {
            heartBeats.wrote(nowNanos);
        }

        @Override
        public void itemReceived(SocketTransport transport, StompItem item) {
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
                    onReceipt(frame);
                    break;
                case StompSpec.ERROR:
                    onError(transport, Secrets.redact(frame, config.passcode()));
                    break;
                default:
                    LOG.warn("Ignored unexpected {} from {}", frame.info(), transport.address());
            }
        }

        @Override
        public void closed(SocketTransport transport, Throwable cause) {
            connector.closed(transport, cause);
            lost(transport, cause);
        }
    }

    private void onMessage(SocketTransport transport, StompFrame frame) {
        Live l = live;
        if (l == null || l.transport() != transport) {
            return; // stale
        }
        StompSubscription subscription = subscriptions.forMessage(frame);
        if (subscription == null || !subscription.isActive()) {
            LOG.warn("Dropped MESSAGE for no active subscription [subscription={}, destination={}, message-id={}]",
                    frame.header(StompSpec.SUBSCRIPTION_HEADER), frame.header(StompSpec.DESTINATION_HEADER),
                    frame.header(StompSpec.MESSAGE_ID_HEADER));
            return;
        }
        long generation = subscription.generationOf(frame.header(StompSpec.SUBSCRIPTION_HEADER));
        if (generation < 0) {
            LOG.warn("Dropped MESSAGE for no active subscription [subscription={}, destination={}, message-id={}]",
                    frame.header(StompSpec.SUBSCRIPTION_HEADER), frame.header(StompSpec.DESTINATION_HEADER),
                    frame.header(StompSpec.MESSAGE_ID_HEADER));
            return;
        }
        StompMessage message = new StompMessage(frame, this, subscription.id(), l.epoch(),
                subscription.options().isClientAck(), subscription, generation);
        subscription.enqueue(message, heartBeats.monitor(), () -> !transport.isClosed());
    }

    private void onReceipt(StompFrame frame) {
        String receipt = frame.header(StompSpec.RECEIPT_ID_HEADER);
        synchronized (sessionLock) {
            try {
                session.receipt(frame);
            } catch (StompError e) {
                LOG.debug("Receipt not known to the session [{}]", e.getMessage());
            }
        }
        Runnable resubscribed = receipt == null ? null : resubscribeReceipts.remove(receipt);
        if (resubscribed != null) {
            resubscribed.run(); // in wire order: every MESSAGE of the old subscription came before
            return;
        }
        receipts.received(receipt, frame);
    }

    private void onError(SocketTransport transport, StompFrame frame) {
        LOG.debug("Received {} from {}", frame.info(), transport.address());
        String message = frame.header(StompSpec.MESSAGE_HEADER);
        stats.errorFrame(message);
        listeners.errorReceived(frame);
        if (connector.refused(transport, frame)) {
            return;
        }
        lastError = frame;
        receipts.refused(frame.header(StompSpec.RECEIPT_ID_HEADER), frame);
        LOG.warn("{} from {}", StompBrokerError.describe(frame), transport.address());
    }

    /** See {@link Connector#unescapeLeniently(String)}. */
    static String unescapeLeniently(String value) {
        return Connector.unescapeLeniently(value);
    }

    // --------------------------------------------------------------------------------------------- helpers

    /** Call with the session lock held: the live session, or {@code Not connected [state=...]}. */
    private Live requireConnected(String command) {
        Live l = live;
        State s = state;
        if (s != State.CONNECTED || l == null) {
            throw new StompConnectionError("Not connected [command=" + command + ", state=" + s + "]");
        }
        return l;
    }

    /** Call with the session lock held. */
    private void checkTransaction(String transaction) {
        if (!session.activeTransactions().contains(transaction)) {
            Long began = transactions.remove(transaction);
            if (began != null) {
                throw new StompConnectionError("Transaction lost with the connection: " + transaction
                        + " [epoch=" + began + ", current=" + epoch + "]");
            }
            throw new StompProtocolError("Transaction unknown: " + transaction);
        }
    }

    private Map<String, String> withTransaction(Map<String, String> headers, String transaction) {
        if (transaction == null) {
            return headers;
        }
        checkTransaction(transaction);
        Map<String, String> all = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
        all.put(StompSpec.TRANSACTION_HEADER, transaction);
        return all;
    }

    /** Call with {@link #lock} held: changes the state and queues the listeners' event in transition order. */
    private void transition(State to) {
        State from = state;
        state = to;
        if ((to == State.CONNECTING || to == State.RECONNECTING) && ready.isDone()) {
            ready = new CompletableFuture<>();
        }
        listeners.queue(from, to);
        LOG.debug("Connection {}: {} -> {}", id, from, to);
    }

    private StompConnectionError illegal(String operation, State current) {
        return new StompConnectionError("Cannot " + operation + " in state " + current + " [connection=" + id + "]");
    }

    private void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StompError) {
                throw (StompError) e.getCause();
            }
            throw new StompConnectionError("Could not connect [" + e.getCause() + "]", e.getCause());
        }
    }

    private void registerMBean() {
        synchronized (lock) {
            if (registered || state == State.CLOSED) {
                return;
            }
            registered = true;
        }
        try {
            ConnectionMBeans.register(this);
        } catch (RuntimeException e) {
            LOG.warn("Could not register the MBean of {} [{}]", id, e.toString());
        }
    }

    private void unregisterMBean() {
        synchronized (lock) {
            if (!registered) {
                return;
            }
            registered = false;
        }
        try {
            ConnectionMBeans.unregister(this);
        } catch (RuntimeException e) {
            LOG.warn("Could not unregister the MBean of {} [{}]", id, e.toString());
        }
    }

    @Override
    public String toString() {
        Live l = live;
        return "StompConnection[" + id + ", " + state + (l == null ? "" : ", " + l.transport().address()) + "]";
    }
}
