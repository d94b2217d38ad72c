package org.stompest.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.error.StompError;
import org.stompest.protocol.StompSpec;

/**
 * The implementation of {@link Subscription}: the SUBSCRIBE headers (replayed unchanged after every reconnect) and
 * the subscription's own executor, a bounded queue drained by {@code concurrency} daemon threads.
 * <ol>
 * <li>The reader thread {@link #enqueue}s each MESSAGE; when the queue is full it waits (backpressure: the broker's
 * flow control takes over), with the heart-beat silence check suspended meanwhile.</li>
 * <li>A worker runs the listener. If it throws and the ack mode is a client one, the message is NACKed (1.1+) unless
 * the listener already settled it. Messages of a client ack mode that were received before a reconnect are dropped
 * from the queue: the broker redelivers them and the old ack id would be refused.</li>
 * <li>{@link #unsubscribe()} (or closing the connection) stops the workers once their current message is done and
 * drops what is still queued.</li>
 * </ol>
 */
final class StompSubscription implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(StompSubscription.class);
    private static final long POLL_MILLIS = 200;

    private final StompConnection connection;
    private final long sequence;
    private final String id;
    private final String destination;
    private final SubscriptionOptions options;
    private final Map<String, String> headers;
    private final MessageListener listener;
    private final BlockingQueue<StompMessage> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean active = true;
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
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
    }

    /** Starts the worker threads. */
    void start(String threadPrefix) {
        for (int i = 1; i <= options.concurrency(); i++) {
            Thread worker = new Thread(this::work, threadPrefix + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    long sequence() {
        return sequence;
    }

    /** The SUBSCRIBE headers without destination: id, ack, selector and the caller's. */
    Map<String, String> headers() {
        return headers;
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

    /** Messages waiting for a worker. */
    int queued() {
        return queue.size();
    }

    /**
     * Called on the reader thread: queues the message, waiting while the queue is full (the monitor's silence
     * check is suspended meanwhile) as long as this subscription is active and {@code alive} holds.
     *
     * @return whether the message was queued
     */
    boolean enqueue(StompMessage message, HeartBeatMonitor monitor, BooleanSupplier alive) {
        received.incrementAndGet();
        if (queue.offer(message)) {
            return true;
        }
        if (monitor != null) {
            monitor.suspend();
        }
        LOG.debug("Subscription {} queue full ({}): reader waits", id, options.queueCapacity());
        try {
            while (active && alive.getAsBoolean()) {
                if (queue.offer(message, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (monitor != null) {
                monitor.resume(System.nanoTime());
            }
        }
    }

    /** Stops delivery: workers end after their current message; queued messages are dropped. */
    boolean deactivate() {
        if (!active) {
            return false;
        }
        active = false;
        queue.clear();
        return true;
    }

    private void work() {
        try {
            while (active) {
                StompMessage message = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (message != null && active) {
                    deliver(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(StompMessage message) {
        boolean clientAck = options.isClientAck();
        if (clientAck && message.connectionEpoch() != connection.epoch()) {
            LOG.debug("Dropped {} of subscription {}: received before a reconnect, the broker redelivers it",
                    message.messageId(), id);
            return;
        }
        try {
            listener.onMessage(message);
        } catch (Exception | Error e) {
            LOG.warn("Listener of subscription {} [destination={}] failed on message {}", id, destination,
                    message.messageId(), e);
            if (clientAck && !message.isSettled() && !StompSpec.VERSION_1_0.equals(message.frame().version())) {
                try {
                    message.nack();
                } catch (StompError nackFailed) {
                    LOG.warn("Could not NACK message {} of subscription {} [{}]", message.messageId(), id,
                            nackFailed.getMessage());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Subscription[id=" + id + ", destination=" + destination + ", ack=" + options.ackMode()
                + (active ? "" : ", inactive") + "]";
    }
}
