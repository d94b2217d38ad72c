package org.stompest.client;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.jmx.ConnectionMBeans;
import org.stompest.error.StompConnectTimeout;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompError;
import org.stompest.error.StompProtocolError;
import org.stompest.protocol.ReplayEntry;
import org.stompest.protocol.StompBroker;
import org.stompest.protocol.StompFailoverAttempt;
import org.stompest.protocol.StompFailoverTransport;
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
 * <p><b>Threads.</b> One reader thread per socket (frames, receipts, dispatch to the subscription queues), one
 * reconnect thread while reconnecting, the subscription workers, and the JVM-wide {@code Scheduler} (heart-beats,
 * receipt timeouts). Futures returned here complete on a separate callback executor, so code chained onto them never
 * runs on the reader thread or the scheduler. Locks: the state lock and the session lock are never held together,
 * nor during socket I/O; writes are serialised by the transport's own lock.
 */
public final class StompConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StompConnection.class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final ExecutorService CALLBACKS = Executors.newCachedThreadPool(daemon("stompest-callback-"));

    /** The connection states; see the class comment for the lifecycle. */
    public enum State {
        NEW, CONNECTING, CONNECTED, RECONNECTING, DISCONNECTING, CLOSED, FAILED
    }

    /** What is known about the live session; replaced on every connect. */
    private record Live(SocketTransport transport, long epoch, StompBroker broker, String version, String session,
                        String server, int clientHeartBeat, int serverHeartBeat) {
    }

    private record Pending(String receipt, CompletableFuture<StompFrame> future, ScheduledFuture<?> timeout) {
    }

    private final StompConfig config;
    private final String id;
    private final ConnectionStats stats = new ConnectionStats();
    private final StompFailoverTransport failover;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, StompSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong receipts = new AtomicLong();
    private final AtomicLong subscriptionIds = new AtomicLong();
    private final SocketTransport.Handler handler = new Handler();

    /** Guards state, live, handshake, ready; transitions queue their events in order. */
    private final Object lock = new Object();
    private volatile State state = State.NEW;
    private volatile Live live;
    private CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final Queue<State[]> events = new ConcurrentLinkedQueue<>();
    private final ReentrantLock eventLock = new ReentrantLock();
    private boolean registered;
    private volatile long epoch;

    /** The transport being connected and its handshake, while one is. */
    private volatile SocketTransport connecting;
    private volatile CompletableFuture<StompFrame> handshake;

    /** Guards the session, the transaction epochs and {@link StompSubscription#subscribedEpoch}. */
    private final Object sessionLock = new Object();
    private final StompSession session;
    private final Map<String, Long> transactions = new ConcurrentHashMap<>();

    private volatile HeartBeatMonitor monitor;
    private volatile ScheduledFuture<?> heartBeatTask;
    private volatile StompFrame lastError;

    public StompConnection(StompConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.id = (config.name() != null ? config.name() : "stompest") + "-" + IDS.incrementAndGet();
        this.failover = new StompFailoverTransport(config.failoverUri());
        this.session = new StompSession(config.version(), true);
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
        drainEvents();
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
                    return ready.thenApplyAsync(v -> v, CALLBACKS);
                case NEW:
                case FAILED:
                    transition(State.CONNECTING);
                    result = ready.thenApplyAsync(v -> v, CALLBACKS);
                    break;
                default:
                    return CompletableFuture.failedFuture(illegal("connect", from));
            }
        }
        drainEvents();
        Thread thread = new Thread(() -> {
            try {
                runConnect(false);
            } catch (StompError e) {
                LOG.debug("Background connect of {} failed [{}]", id, e.getMessage());
            }
        }, "stompest-connect-" + id);
        thread.setDaemon(true);
        thread.start();
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
            drainEvents();
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
        drainEvents();
        try {
            String receipt = nextReceipt();
            CompletableFuture<StompFrame> confirmed = new CompletableFuture<>();
            StompFrame frame;
            synchronized (sessionLock) {
                frame = session.disconnect(receipt);
            }
            register(receipt, confirmed, config.receiptTimeout());
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
            inHandshake = connecting;
            closedLatch.countDown();
            ready.completeExceptionally(new StompConnectionError("Connection closed [" + id + "]"));
        }
        StompConnectionError closed = new StompConnectionError("Connection closed by client");
        stopHeartBeats();
        if (current != null) {
            current.transport().flush();
            current.transport().close(closed);
        }
        if (inHandshake != null) {
            inHandshake.close(closed);
        }
        CompletableFuture<StompFrame> hs = handshake;
        if (hs != null) {
            hs.completeExceptionally(closed);
        }
        synchronized (sessionLock) {
            session.close(true);
        }
        failPending("Receipt did not arrive (connection closed)", null);
        for (StompSubscription subscription : subscriptions.values()) {
            subscription.deactivate();
        }
        subscriptions.clear();
        stats.subscriptions(0);
        stats.connectionLost(null);
        LOG.info("Closed connection {}", id);
        drainEvents();
        unregisterMBean();
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
        List<StompSubscription> all = new ArrayList<>(subscriptions.values());
        all.sort(Comparator.comparingLong(StompSubscription::sequence));
        return List.copyOf(all);
    }

    public void addListener(ConnectionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
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
        String receipt = nextReceipt();
        try {
            SocketTransport transport;
            StompFrame frame;
            synchronized (sessionLock) {
                transport = requireConnected("send").transport();
                frame = session.send(destination, body, withTransaction(headers, transaction), receipt);
            }
            frame.setContentLength();
            register(receipt, future, timeout == null ? config.receiptTimeout() : timeout);
            transport.write(frame);
        } catch (StompError e) {
            unregister(receipt);
            complete(future, null, e);
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
        String subscriptionId = opts.headers().get(StompSpec.ID_HEADER);
        long sequence = subscriptionIds.incrementAndGet();
        if (subscriptionId == null) {
            subscriptionId = "sub-" + sequence;
        }
        StompSubscription subscription = new StompSubscription(this, sequence, subscriptionId, destination, opts,
                listener);
        if (subscriptions.putIfAbsent(subscriptionId, subscription) != null) {
            throw new StompProtocolError("Already subscribed [id=" + subscriptionId + "]");
        }
        subscription.start(id + "-" + subscriptionId);
        stats.subscriptions(subscriptions.size());
        SocketTransport transport = null;
        StompFrame frame = null;
        synchronized (sessionLock) {
            Live l = live;
            if (state == State.CONNECTED && l != null && subscription.subscribedEpoch != l.epoch()) {
                transport = l.transport();
                frame = subscribeInSession(subscription, l.epoch());
            }
        }
        if (frame != null) {
            try {
                transport.write(frame);
            } catch (StompConnectionError e) {
                LOG.debug("SUBSCRIBE {} not sent [{}]; it is replayed after the reconnect", subscriptionId,
                        e.getMessage());
            }
        }
        LOG.debug("Subscribed {} to {}", subscriptionId, destination);
        return subscription;
    }

    void unsubscribe(StompSubscription subscription) {
        if (!subscription.deactivate()) {
            return;
        }
        subscriptions.remove(subscription.id(), subscription);
        stats.subscriptions(subscriptions.size());
        SocketTransport transport = null;
        StompFrame frame = null;
        synchronized (sessionLock) {
            Live l = live;
            if (state == State.CONNECTED && l != null && subscription.subscribedEpoch == l.epoch()
                    && session.subscriptions().contains(SubscriptionToken.id(subscription.id()))) {
                transport = l.transport();
                frame = session.unsubscribe(SubscriptionToken.id(subscription.id()), null);
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
        String receipt = nextReceipt();
        try {
            SocketTransport transport;
            StompFrame frame;
            synchronized (sessionLock) {
                transport = requireConnected(commit ? "commit" : "abort").transport();
                checkTransaction(transaction);
                frame = commit ? session.commit(transaction, receipt) : session.abort(transaction, receipt);
                transactions.remove(transaction);
            }
            register(receipt, future, config.receiptTimeout());
            transport.write(frame);
        } catch (StompError e) {
            unregister(receipt);
            complete(future, null, e);
        }
        return future;
    }

    // ------------------------------------------------------------------------------------------ connect loop

    /** Runs the failover loop on this thread (state CONNECTING or RECONNECTING); on give-up moves to FAILED. */
    private void runConnect(boolean reconnect) {
        try {
            failoverLoop(reconnect);
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
            failPending("Receipt did not arrive (connection failed)", e);
            drainEvents();
            throw e;
        }
    }

    private void failoverLoop(boolean reconnect) {
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
                    if (closedLatch.await(delay.toNanos(), TimeUnit.NANOSECONDS)) {
                        throw closedMeanwhile();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StompConnectionError("Interrupted while connecting", e);
                }
            }
            if (state == State.CLOSED) {
                throw closedMeanwhile();
            }
            try {
                establish(broker, reconnect);
                return;
            } catch (StompConnectionError e) {
                if (state == State.CLOSED) {
                    throw closedMeanwhile();
                }
                lastBroker = broker;
                lastError = e;
                stats.attemptFailed(broker, e);
                LOG.warn("Could not connect {} to {} (attempt {}) [{}]", id, address(broker), count, e.getMessage());
            }
        }
    }

    /** One attempt: socket, CONNECT, CONNECTED; on success the connection is live (state CONNECTED). */
    private void establish(StompBroker broker, boolean reconnect) {
        SocketTransport transport;
        try {
            transport = SocketTransport.open(broker, config, handler, stats, "stompest-reader-" + id);
        } catch (IOException e) {
            throw new StompConnectionError("Could not establish connection [" + e + "]", e);
        }
        CompletableFuture<StompFrame> hs = new CompletableFuture<>();
        synchronized (lock) {
            if (state != State.CONNECTING && state != State.RECONNECTING) {
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
            synchronized (lock) {
                connecting = null;
                handshake = null;
            }
        }
        goLive(transport, broker, reconnect);
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

    private void goLive(SocketTransport transport, StompBroker broker, boolean reconnect) {
        Live l;
        synchronized (sessionLock) {
            l = new Live(transport, epoch + 1, broker, session.version(), session.id(), session.server(),
                    session.clientHeartBeat(), session.serverHeartBeat());
        }
        synchronized (lock) {
            if (state != State.CONNECTING && state != State.RECONNECTING) {
                transport.close(null);
                throw closedMeanwhile();
            }
            epoch = l.epoch();
            live = l;
            lastError = null;
            transition(State.CONNECTED);
            ready.complete(null);
        }
        stats.connected(broker, reconnect || l.epoch() > 1);
        LOG.info("Connected {} to {} [version={}, session={}, server={}, heart-beats={},{}]", id,
                transport.address(), l.version(), l.session(), l.server(), l.clientHeartBeat(), l.serverHeartBeat());
        startHeartBeats(l);
        replay(l);
        registerMBean();
        drainEvents();
        if (transport.isClosed()) {
            // lost while going live: the reader's report may have come before live was set
            handler.closed(transport, new StompConnectionError("Connection closed while connecting"));
        }
    }

    /** Resubscribes (same ids): the session's replay entries first, then subscriptions made meanwhile. */
    private void replay(Live l) {
        List<StompFrame> frames = new ArrayList<>();
        synchronized (sessionLock) {
            List<ReplayEntry> entries = session.replay();
            for (ReplayEntry entry : entries) {
                StompSubscription subscription = (StompSubscription) entry.context();
                if (subscription.isActive() && subscriptions.get(subscription.id()) == subscription) {
                    // one subscribed by a caller since CONNECTED is on the wire already: only re-register it
                    boolean sent = subscription.subscribedEpoch == l.epoch();
                    StompFrame frame = subscribeInSession(subscription, l.epoch());
                    if (!sent) {
                        frames.add(frame);
                    }
                }
            }
            List<StompSubscription> all = new ArrayList<>(subscriptions.values());
            all.sort(Comparator.comparingLong(StompSubscription::sequence));
            for (StompSubscription subscription : all) {
                if (subscription.isActive() && subscription.subscribedEpoch != l.epoch()) {
                    frames.add(subscribeInSession(subscription, l.epoch()));
                }
            }
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

    /** Call with the session lock held. */
    private StompFrame subscribeInSession(StompSubscription subscription, long currentEpoch) {
        StompFrame frame = session.subscribe(subscription.destination(), subscription.headers(), null, subscription)
                .frame();
        subscription.subscribedEpoch = currentEpoch;
        return frame;
    }

    private void startReconnectThread() {
        Thread thread = new Thread(() -> {
            try {
                runConnect(true);
            } catch (StompError e) {
                LOG.debug("Reconnect of {} ended [{}]", id, e.getMessage());
            }
        }, "stompest-reconnect-" + id);
        thread.setDaemon(true);
        thread.start();
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
        stopHeartBeats();
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
        failPending("Receipt did not arrive (connection lost) [" + reason + "]", cause);
        drainEvents();
        startReconnectThread();
    }

    private void failPending(String message, Throwable cause) {
        for (Pending p : pending.values()) {
            if (pending.remove(p.receipt(), p)) {
                p.timeout().cancel(false);
                complete(p.future(), null, new StompConnectionError(message + ": " + p.receipt(), cause));
            }
        }
        stats.pendingReceipts(pending.size());
    }

    // ------------------------------------------------------------------------------------------- heart-beats

    private void startHeartBeats(Live l) {
        if (l.clientHeartBeat() == 0 && l.serverHeartBeat() == 0) {
            return;
        }
        SocketTransport transport = l.transport();
        long server = TimeUnit.MILLISECONDS.toNanos(l.serverHeartBeat());
        HeartBeatMonitor m = new HeartBeatMonitor(TimeUnit.MILLISECONDS.toNanos(l.clientHeartBeat()), server,
                config.heartBeatTolerance(), System.nanoTime(), new HeartBeatMonitor.Actions() {
                    @Override
                    public void beat() {
                        try {
                            transport.tryBeat();
                        } catch (StompConnectionError e) {
                            LOG.debug("Heart-beat not sent [{}]", e.getMessage());
                        }
                    }

                    @Override
                    public void silent(long silentNanos) {
                        stats.missedHeartBeat();
                        StompConnectionError error = new StompConnectionError("Server heart-beat timeout [silent for "
                                + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms, server heart-beat "
                                + l.serverHeartBeat() + " ms, tolerance " + config.heartBeatTolerance() + "]");
                        LOG.warn("{} on {}", error.getMessage(), transport.address());
                        transport.close(error);
                    }
                });
        monitor = m;
        scheduleTick(m, transport, m.nextDeadline(System.nanoTime()));
    }

    private void scheduleTick(HeartBeatMonitor m, SocketTransport transport, long deadline) {
        if (deadline == HeartBeatMonitor.NEVER) {
            return;
        }
        heartBeatTask = Scheduler.schedule(() -> {
            if (monitor != m || transport.isClosed()) {
                return;
            }
            scheduleTick(m, transport, m.tick(System.nanoTime()));
        }, deadline - System.nanoTime());
    }

    private void stopHeartBeats() {
        monitor = null;
        ScheduledFuture<?> task = heartBeatTask;
        if (task != null) {
            task.cancel(false);
        }
    }

    // ------------------------------------------------------------------------------------------ reader side

    private final class Handler implements SocketTransport.Handler {
        @Override
        public void bytesRead(SocketTransport transport, int n, long nowNanos) {
            stats.bytesRead(n, nowNanos);
            HeartBeatMonitor m = monitor;
            if (m != null) {
                m.read(nowNanos);
            }
        }

        @Override
        public void wrote(SocketTransport transport, long nowNanos) {
            HeartBeatMonitor m = monitor;
            if (m != null) {
                m.wrote(nowNanos);
            }
        }

        @Override
        public void itemReceived(SocketTransport transport, StompItem item) {
            if (item.isHeartBeat()) {
                return;
            }
            StompFrame frame = (StompFrame) item;
            switch (frame.command()) {
                case StompSpec.CONNECTED:
                    onConnected(transport, frame);
                    break;
                case StompSpec.MESSAGE:
                    onMessage(transport, frame);
                    break;
                case StompSpec.RECEIPT:
                    onReceipt(frame);
                    break;
                case StompSpec.ERROR:
                    onError(transport, frame);
                    break;
                default:
                    LOG.warn("Ignored unexpected {} from {}", frame.info(), transport.address());
            }
        }

        @Override
        public void closed(SocketTransport transport, Throwable cause) {
            CompletableFuture<StompFrame> hs = handshake;
            if (transport == connecting && hs != null) {
                StompError error = cause instanceof StompConnectionError ? (StompError) cause
                        : new StompConnectionError("Connection closed while connecting", cause);
                hs.completeExceptionally(error);
            }
            lost(transport, cause);
        }
    }

    private void onConnected(SocketTransport transport, StompFrame frame) {
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

    private void onMessage(SocketTransport transport, StompFrame frame) {
        Live l = live;
        if (l == null || l.transport() != transport) {
            return; // stale
        }
        String subscriptionId = frame.header(StompSpec.SUBSCRIPTION_HEADER);
        StompSubscription subscription = subscriptionId != null ? subscriptions.get(subscriptionId)
                : byDestination(frame.header(StompSpec.DESTINATION_HEADER));
        if (subscription == null || !subscription.isActive()) {
            LOG.warn("Dropped MESSAGE for no active subscription [subscription={}, destination={}, message-id={}]",
                    subscriptionId, frame.header(StompSpec.DESTINATION_HEADER),
                    frame.header(StompSpec.MESSAGE_ID_HEADER));
            return;
        }
        StompMessage message = new StompMessage(frame, this, subscription.id(), l.epoch(),
                subscription.options().isClientAck());
        subscription.enqueue(message, monitor, () -> !transport.isClosed());
    }

    /** 1.0 MESSAGE without {@code subscription}: the only active subscription on that destination. */
    private StompSubscription byDestination(String destination) {
        StompSubscription found = null;
        for (StompSubscription subscription : subscriptions.values()) {
            if (subscription.destination().equals(destination)) {
                if (found != null) {
                    return null; // ambiguous
                }
                found = subscription;
            }
        }
        return found;
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
        Pending p = receipt == null ? null : pending.remove(receipt);
        if (p == null) {
            LOG.debug("Late or unknown receipt {}", receipt);
            return;
        }
        p.timeout().cancel(false);
        stats.pendingReceipts(pending.size());
        complete(p.future(), frame, null);
    }

    private void onError(SocketTransport transport, StompFrame frame) {
        String message = frame.header(StompSpec.MESSAGE_HEADER);
        stats.errorFrame(message);
        for (ConnectionListener listener : listeners) {
            try {
                listener.errorReceived(frame);
            } catch (RuntimeException e) {
                LOG.warn("Connection listener failed on ERROR", e);
            }
        }
        CompletableFuture<StompFrame> hs = handshake;
        if (transport == connecting && hs != null) {
            StompBrokerError error = new StompBrokerError(handshakeError(frame));
            hs.completeExceptionally(new StompConnectionError("While trying to connect, " + error.getMessage(),
                    error));
            return;
        }
        lastError = frame;
        String receipt = frame.header(StompSpec.RECEIPT_ID_HEADER);
        Pending p = receipt == null ? null : pending.remove(receipt);
        if (p != null) {
            p.timeout().cancel(false);
            stats.pendingReceipts(pending.size());
            complete(p.future(), null, new StompBrokerError(frame));
        }
        LOG.warn("{} from {}", StompBrokerError.describe(frame), transport.address());
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

    private String nextReceipt() {
        return id + "-r" + receipts.incrementAndGet();
    }

    private void register(String receipt, CompletableFuture<StompFrame> future, Duration timeout) {
        ScheduledFuture<?> timer = Scheduler.schedule(() -> {
            Pending p = pending.remove(receipt);
            if (p != null) {
                stats.pendingReceipts(pending.size());
                complete(p.future(), null, new StompConnectionError("Receipt did not arrive on time: " + receipt
                        + " [timeout=" + timeout + "]"));
            }
        }, timeout.toNanos());
        pending.put(receipt, new Pending(receipt, future, timer));
        stats.pendingReceipts(pending.size());
    }

    private void unregister(String receipt) {
        Pending p = pending.remove(receipt);
        if (p != null) {
            p.timeout().cancel(false);
            stats.pendingReceipts(pending.size());
        }
    }

    /** Completes on the callback executor, so dependent stages never run on the reader or scheduler threads. */
    private static void complete(CompletableFuture<StompFrame> future, StompFrame value, Throwable error) {
        Executor executor = CALLBACKS;
        executor.execute(() -> {
            if (error == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(error);
            }
        });
    }

    /** Call with {@link #lock} held: changes the state and queues the listeners' event in transition order. */
    private void transition(State to) {
        State from = state;
        state = to;
        if ((to == State.CONNECTING || to == State.RECONNECTING) && ready.isDone()) {
            ready = new CompletableFuture<>();
        }
        events.add(new State[] {from, to});
        LOG.debug("Connection {}: {} -> {}", id, from, to);
    }

    /**
     * Tells the listeners about the queued transitions, in order, outside the state lock; a thread that finds
     * another one delivering leaves its events to it.
     */
    private void drainEvents() {
        while (!events.isEmpty() && eventLock.tryLock()) {
            try {
                State[] event;
                while ((event = events.poll()) != null) {
                    for (ConnectionListener listener : listeners) {
                        try {
                            listener.stateChanged(event[0], event[1]);
                        } catch (RuntimeException e) {
                            LOG.warn("Connection listener failed on {} -> {}", event[0], event[1], e);
                        }
                    }
                }
            } finally {
                eventLock.unlock();
            }
        }
    }

    private StompConnectionError illegal(String operation, State current) {
        return new StompConnectionError("Cannot " + operation + " in state " + current + " [connection=" + id + "]");
    }

    private StompConnectionError closedMeanwhile() {
        return new StompConnectionError("Connection closed while connecting [connection=" + id + "]");
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

    private static String address(StompBroker broker) {
        return broker.protocol() + "://" + broker.host() + ":" + broker.port();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String toString() {
        Live l = live;
        return "StompConnection[" + id + ", " + state + (l == null ? "" : ", " + l.transport().address()) + "]";
    }
}
