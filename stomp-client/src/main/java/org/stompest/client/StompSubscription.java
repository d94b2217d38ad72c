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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.error.StompError;
import org.stompest.protocol.StompSession;
import org.stompest.protocol.StompSpec;

/**
 * The implementation of {@link Subscription}: the SUBSCRIBE headers (replayed unchanged after every reconnect) and
 * the subscription's serial queue, drained on the runtime's shared dispatch pool ({@link ClientRuntime#dispatcher()})
 * by at most {@code concurrency} drain tasks at a time, so a subscription costs no thread of its own and the threads
 * are bounded by the pool, not by the number of subscriptions. With concurrency 1 (the default) messages are
 * delivered one at a time, in order.
 * <ol>
 * <li>The reader thread {@link #enqueue}s each MESSAGE. The queue grows on demand; with more than
 * {@code queueCapacity} messages waiting the reader waits (backpressure: the broker's flow control takes over),
 * with the heart-beat silence check suspended meanwhile. A flow-controlled subscription's queue is unbounded: its
 * broker holds back the rest, so the reader never waits for it.</li>
 * <li>A drain task (a "worker") runs the listener. If it throws, the ack mode is a client one and the listener did not settle the
 * message, the {@link SubscriptionOptions#onListenerFailure()} policy applies. {@link ListenerFailure#REDELIVER}
 * (default) leaves the message unacknowledged and subscribes anew (UNSUBSCRIBE, then SUBSCRIBE with the same
 * headers), so the broker delivers it again under its own redelivery and dead-letter policy;
 * {@link ListenerFailure#NACK} NACKs it (1.1+), which ActiveMQ Artemis treats as an ACK (the message is lost).</li>
 * <li>Every resubscribe starts a new {@link #generation()}. Messages of a client ack mode received before a
 * reconnect or in an earlier generation are dropped from the queue (the broker redelivers them and the old ack id
 * would be refused or name the old subscription), and their ACKs and NACKs are not sent: they only count as settled.
 * The generation is part of the id on the wire ({@link #wireId()}: {@code sub-1}, then {@code sub-1~g1}, ...), since
 * Artemis may still send a MESSAGE of the old consumer after the UNSUBSCRIBE's RECEIPT; {@link #id()} and
 * {@link StompMessage#subscriptionId()} stay the same. A 1.0 MESSAGE without a {@code subscription} header belongs
 * to the {@link #deliveryGeneration()}, which moves on with the UNSUBSCRIBE's RECEIPT. The {@link #settleLock()} keeps ACKs from
 * crossing a resubscribe on the wire: ACK and NACK hold its read lock, resubscribe and unsubscribe its write lock.</li>
 * <li>{@link #unsubscribe()} (or closing the connection) stops the drain tasks once their current message is done
 * and drops what is still queued. A drain task ends when the queue is empty and hands its slot back; after a batch
 * of {@link #BATCH} messages it goes to the back of the pool's queue, so busy subscriptions share the pool
 * fairly.</li>
 * </ol>
 */
final class StompSubscription implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(StompSubscription.class);
    /** How long the reader waits on a full queue before it checks again that the subscription and socket live. */
    private static final long POLL_MILLIS = 200;
    /** Messages a drain task delivers before it yields its pool thread to other subscriptions. */
    private static final int BATCH = 64;
    /** The subscription a worker thread serves (for {@link #moreQueuedForThisWorker()}). */
    private static final ThreadLocal<StompSubscription> WORKING_FOR = new ThreadLocal<>();
    /** Between the id and the generation in {@link #wireId()}. */
    static final String GENERATION_SEPARATOR = "~g";

    private final StompConnection connection;
    private final long sequence;
    private final String id;
    private final String destination;
    private final SubscriptionOptions options;
    private final Map<String, String> headers;
    private final MessageListener listener;
    private final Queue<StompMessage> queue = new ConcurrentLinkedQueue<>();
    /** Messages in {@link #queue} (its own size() walks the nodes). */
    private final AtomicInteger queued = new AtomicInteger();
    /** Drain tasks submitted or running: at most {@code concurrency}. */
    private final AtomicInteger draining = new AtomicInteger();
    /** The reader waits on {@link #notFull} while the queue holds {@code queueCapacity} messages. */
    private final ReentrantLock capacityLock = new ReentrantLock();
    private final Condition notFull = capacityLock.newCondition();
    private volatile boolean readerWaiting;
    private volatile Executor dispatcher;
    private final AtomicLong received = new AtomicLong();
    private volatile boolean active = true;
    private final ReentrantReadWriteLock settleLock = new ReentrantReadWriteLock();
    /** The generation whose messages may be acknowledged; +1 per resubscribe after a listener failure. */
    private volatile long generation;
    /** The generation a MESSAGE arriving now belongs to: catches up with the UNSUBSCRIBE's RECEIPT or a reconnect. */
    private final AtomicLong deliveryGeneration = new AtomicLong();
    /** The connection epoch in which this was last subscribed on the wire; guarded by the session lock. */
    long subscribedEpoch = -1;

    StompSubscription(StompConnection connection, long sequence, String id, String destination,
                      SubscriptionOptions options, MessageListener listener) {
        this.connection = connection;
        this.sequence = sequence;
        this.id = id;
        this.destination = destination;
        this.options = options;
        this.listener = listener;
        Map<String, String> h = new LinkedHashMap<>(options.headers());
        h.put(StompSpec.ID_HEADER, id);
        h.put(StompSpec.ACK_HEADER, options.ackMode());
        if (options.selector() != null) {
            h.put(StompSpec.SELECTOR_HEADER, options.selector());
        }
        this.headers = Collections.unmodifiableMap(h);
    }

    /** Delivers on the runtime's shared dispatch pool from now on. */
    void start(ClientRuntime runtime) {
        dispatcher = runtime.dispatcher();
        startDraining();
    }

    long sequence() {
        return sequence;
    }

    /**
     * The SUBSCRIBE headers without destination: id ({@link #wireId()}), ack, selector, the caller's, then what the
     * broker's profile makes of the prefetch and the durable subscription name (the caller's own headers win).
     * Read by {@link Subscriptions#subscribe}, under the session lock, which it asserts.
     */
    Map<String, String> headers(BrokerProfile profile) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (generation != 0) {
            h.put(StompSpec.ID_HEADER, wireId());
        }
        if (options.isFlowControlled()) {
            profile.prefetchHeaders(options.prefetch()).forEach(h::putIfAbsent);
        }
        if (options.durableSubscriptionName() != null) {
            profile.durableHeaders(options.durableSubscriptionName()).forEach(h::putIfAbsent);
        }
        return Collections.unmodifiableMap(h);
    }

    /**
     * The id the current generation is subscribed with on the wire: {@link #id()} in generation 0, then
     * {@code <id>~g<generation>}. A resubscribe needs an id of its own: Artemis may still send a MESSAGE of the
     * closed consumer after the UNSUBSCRIBE's RECEIPT, and only its {@code subscription} header tells it apart.
     */
    String wireId() {
        long g = generation;
        return g == 0 ? id : id + GENERATION_SEPARATOR + g;
    }

    /**
     * The generation a MESSAGE with this {@code subscription} header belongs to; without one (1.0),
     * {@link #deliveryGeneration()}; -1 when the header names no generation of this subscription.
     */
    long generationOf(String subscriptionHeader) {
        if (subscriptionHeader == null) {
            return deliveryGeneration.get();
        }
        if (subscriptionHeader.equals(id)) {
            return 0;
        }
        String prefix = id + GENERATION_SEPARATOR;
        if (subscriptionHeader.startsWith(prefix)) {
            try {
                return Long.parseLong(subscriptionHeader.substring(prefix.length()));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    SubscriptionOptions options() {
        return options;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String destination() {
        return destination;
    }

    @Override
    public String ackMode() {
        return options.ackMode();
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void unsubscribe() {
        connection.unsubscribe(this);
    }

    @Override
    public long received() {
        return received.get();
    }

    /** Read lock: sending an ACK or NACK; write lock: resubscribing or unsubscribing. */
    ReadWriteLock settleLock() {
        return settleLock;
    }

    long generation() {
        return generation;
    }

    long deliveryGeneration() {
        return deliveryGeneration.get();
    }

    /** Call with the write lock of {@link #settleLock()} and the lock of {@code session} held: the next generation. */
    long nextGeneration(StompSession session) {
        assert settleLock.isWriteLockedByCurrentThread() : "generation moved without the settle write lock";
        assert Thread.holdsLock(session) : "generation moved without the session lock";
        return ++generation;
    }

    /** The old subscription is gone (its UNSUBSCRIBE's receipt came, or a new connection): messages are current. */
    void delivering(long newGeneration) {
        deliveryGeneration.accumulateAndGet(newGeneration, Math::max);
    }

    /** Messages waiting for a worker. */
    int queued() {
        return queued.get();
    }

    /**
     * Whether the calling thread is one of this subscription's workers and more messages wait: an ACK it sends
     * may then stay buffered, since the worker flushes before it waits for the queue.
     */
    boolean moreQueuedForThisWorker() {
        return WORKING_FOR.get() == this && queued.get() > 0;
    }

    /**
     * Called on the reader thread: queues the message, waiting while the queue is full (the monitor's silence
     * check is suspended meanwhile) as long as this subscription is active and {@code alive} holds.
     *
     * @return whether the message was queued
     */
    boolean enqueue(StompMessage message, HeartBeatMonitor monitor, BooleanSupplier alive) {
        received.incrementAndGet();
        if (!options.isFlowControlled() && queued.get() >= options.queueCapacity() && !awaitRoom(monitor, alive)) {
            return false;
        }
        queue.add(message);
        queued.incrementAndGet();
        startDraining();
        return true;
    }

    /** The reader waits until the queue has room; false when the subscription or the socket ended first. */
    private boolean awaitRoom(HeartBeatMonitor monitor, BooleanSupplier alive) {
        if (monitor != null) {
            monitor.suspend();
        }
        LOG.debug("Subscription {} queue full ({}): reader waits", id, options.queueCapacity());
        capacityLock.lock();
        try {
            readerWaiting = true;
            while (queued.get() >= options.queueCapacity()) {
                if (!active || !alive.getAsBoolean()) {
                    return false;
                }
                notFull.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            readerWaiting = false;
            capacityLock.unlock();
            if (monitor != null) {
                monitor.resume(System.nanoTime());
            }
        }
    }

    /** Stops delivery: drain tasks end after their current message; queued messages are dropped. */
    boolean deactivate() {
        if (!active) {
            return false;
        }
        active = false;
        StompMessage dropped;
        while ((dropped = queue.poll()) != null) {
            queued.decrementAndGet();
        }
        signalRoom();
        return true;
    }

    /**
     * Submits one more drain task when messages wait and fewer than {@code concurrency} run (each message that
     * arrives may add one, so a burst brings up to {@code concurrency} tasks, while running ones may be busy in
     * their listener).
     */
    private void startDraining() {
        Executor executor = dispatcher;
        if (executor == null) {
            return; // not started yet: start() begins draining
        }
        while (true) {
            int running = draining.get();
            if (!active || running >= options.concurrency() || queued.get() <= 0) {
                return;
            }
            if (draining.compareAndSet(running, running + 1)) {
                submit(executor);
                return;
            }
        }
    }

    private void submit(Executor executor) {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining.decrementAndGet(); // the runtime is closed: the connection closes its subscriptions
            LOG.debug("Subscription {} not delivering: the dispatch pool is shut down", id);
        }
    }

    /** One drain task: delivers up to a batch, then yields its pool thread or, with the queue empty, ends. */
    private void drain() {
        WORKING_FOR.set(this);
        try {
            for (int delivered = 0; delivered < BATCH; delivered++) {
                StompMessage message = active ? queue.poll() : null;
                if (message == null) {
                    connection.flushDeferred(); // deferred ACKs go out before the task ends
                    draining.decrementAndGet();
                    startDraining(); // a message may have come after the poll
                    return;
                }
                queued.decrementAndGet();
                signalRoom();
                deliver(message);
            }
            connection.flushDeferred();
            submit(dispatcher); // keeps its slot: to the back of the pool's queue
        } finally {
            WORKING_FOR.remove();
        }
    }

    /** Wakes the reader when it waits for room. */
    private void signalRoom() {
        if (readerWaiting) {
            capacityLock.lock();
            try {
                notFull.signalAll();
            } finally {
                capacityLock.unlock();
            }
        }
    }

    private void deliver(StompMessage message) {
        connection.awaitConnected();
        boolean clientAck = options.isClientAck();
        if (clientAck && message.connectionEpoch() != connection.epoch()) {
            LOG.debug("Dropped {} of subscription {}: received before a reconnect, the broker redelivers it",
                    message.messageId(), id);
            return;
        }
        if (clientAck && message.generation() != generation) {
            LOG.debug("Dropped {} of subscription {}: received before it subscribed anew, the broker redelivers it",
                    message.messageId(), id);
            return;
        }
        try {
            listener.onMessage(message);
        } catch (Exception | Error e) {
            LOG.warn("Listener of subscription {} [destination={}] failed on message {}", id, destination,
                    message.messageId(), e);
            if (!clientAck || message.isSettled()) {
                return;
            }
            settleFailed(message);
        }
    }

    /**
     * A client-ack message whose listener failed. NACK policy: NACK. REDELIVER: whatever makes this broker deliver
     * it again ({@link BrokerProfile}): a NACK where it requeues (RabbitMQ), else subscribing anew. A non-durable
     * topic cannot deliver it again (a resubscribe would also lose what is published meanwhile): NACK it (Classic
     * dead-letters it, Artemis drops it) and go on with the next.
     */
    void settleFailed(StompMessage message) {
        BrokerProfile profile = connection.brokerProfile();
        boolean nonDurableTopic = BrokerProfile.isNonDurableTopic(destination,
                options.durableSubscriptionName() != null);
        if (options.onListenerFailure() == ListenerFailure.REDELIVER && !profile.nackRedelivers()
                && !nonDurableTopic) {
            connection.resubscribe(this, message);
            return;
        }
        if (nonDurableTopic && !profile.nackRedelivers()) {
            LOG.warn("Message {} of non-durable topic subscription {} [destination={}] failed: NACKed, it does not"
                    + " come again (use a durable subscription to have it redelivered)", message.messageId(), id,
                    destination);
        }
        boolean canNack = !StompSpec.VERSION_1_0.equals(message.frame().version());
        try {
            if (canNack) {
                message.nack();
            } else if (nonDurableTopic) {
                message.ack(); // STOMP 1.0 has no NACK; unacknowledged it would hold the broker's window
            }
        } catch (StompError settleFailed) {
            LOG.warn("Could not {} message {} of subscription {} [{}]", canNack ? "NACK" : "ACK", message.messageId(),
                    id, settleFailed.getMessage());
        }
    }

    @Override
    public String toString() {
        return "Subscription[id=" + id + ", destination=" + destination + ", ack=" + options.ackMode()
                + (active ? "" : ", inactive") + "]";
    }
}
