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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompError;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * The receipts in flight of one connection: each is a future with a deadline.
 * <ol>
 * <li>{@link #next()} names a receipt ({@code <connection id>-r<n>}); {@link #register} starts waiting for it.</li>
 * <li>It ends once, by the first of: {@link #received} (the RECEIPT came), {@link #refused} (an ERROR naming it came:
 * {@link StompBrokerError}), its deadline ({@code Receipt did not arrive on time: r [timeout=..]}),
 * {@link #failAll} (the connection was lost or closed: {@link StompConnectionError}) or {@link #fail} (the frame was
 * never sent). The others then find nothing and do nothing.</li>
 * </ol>
 * Deadlines are kept by one sweep on the timer, not a timer per receipt: {@link #sweep(long)} fails what is overdue
 * and returns the earliest deadline left, and a sweep is scheduled only when a new deadline comes before the one
 * already scheduled (receipts mostly share one timeout, so that is rare: about one sweep per timeout).
 *
 * <p>Futures complete on the callback executor, never on the caller's thread (the reader or the timer); the
 * connection passes a serial one, so a burst of receipts wakes one thread once. Thread-safe without locks;
 * {@link ConnectionStats#pendingReceipts} follows the count, and a receipt sent by {@link #sendMessage} is timed
 * from its entry ({@link ConnectionStats#sendSettled}).
 *
 * <p>This is the only place receipts are tracked: frames are built by the session without a receipt and
 * {@link #asking} adds the {@code receipt} header, so the session's own receipt set stays empty (it would keep the id
 * of every receipt that timed out).
 */
final class ReceiptTracker {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptTracker.class);
    private static final long NONE = Long.MAX_VALUE;

    /** Runs a task after a delay (the {@link ClientRuntime}'s scheduler in production; tests run the tasks by hand). */
    interface Timer {
        Future<?> schedule(Runnable task, long delayNanos);

        /** The clock deadlines are kept on. */
        default long nanoTime() {
            return System.nanoTime();
        }
    }

    /** A receipt in flight; {@code message} marks a SEND, whose settling the statistics count and time. */
    private record Pending(String receipt, CompletableFuture<StompFrame> future, Duration timeout, long deadline,
                           boolean message, long sentNanos) {
    }

    private final String prefix;
    private final ConnectionStats stats;
    private final Timer timer;
    private final Executor callbacks;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();
    /** The deadline the next scheduled sweep runs at; {@link #NONE} while none is scheduled. */
    private final AtomicLong nextSweep = new AtomicLong(NONE);

    /**
     * @param prefix    the start of every receipt id (the connection's id)
     * @param callbacks where the futures complete
     */
    ReceiptTracker(String prefix, ConnectionStats stats, Timer timer, Executor callbacks) {
        this.prefix = prefix;
        this.stats = stats;
        this.timer = timer;
        this.callbacks = callbacks;
    }

    /** {@code frame} (built by the session without a receipt) asking for {@code receipt}; returns it. */
    static StompFrame asking(StompFrame frame, String receipt) {
        frame.headers().put(StompSpec.RECEIPT_HEADER, receipt);
        return frame;
    }

    /** A frame asking for a receipt and the transport to write it to. */
    record Outgoing(Transport transport, StompFrame frame) {
    }

    /** Builds the frame asking for a given receipt id (under whatever lock it needs). */
    interface Builder {
        Outgoing build(String receipt);
    }

    /**
     * Builds a frame asking for a new receipt, waits for the receipt and writes the frame: the future completes with
     * the RECEIPT, or fails as described above (also when building or writing throws a {@link StompError}).
     */
    CompletableFuture<StompFrame> send(Duration timeout, Builder builder) {
        return send(timeout, builder, false);
    }

    /** {@link #send} for a SEND: its settling is counted, and a confirmation timed, in the statistics. */
    CompletableFuture<StompFrame> sendMessage(Duration timeout, Builder builder) {
        return send(timeout, builder, true);
    }

    private CompletableFuture<StompFrame> send(Duration timeout, Builder builder, boolean message) {
        long sent = timer.nanoTime();
        CompletableFuture<StompFrame> future = new CompletableFuture<>();
        String receipt = next();
        Outgoing outgoing;
        try {
            outgoing = builder.build(receipt);
        } catch (StompError e) {
            if (message) {
                stats.sendSettled(0, e);
            }
            complete(future, null, e);
            return future;
        }
        register(new Pending(receipt, future, timeout, sent + timeout.toNanos(), message, sent));
        try {
            outgoing.transport().write(outgoing.frame());
        } catch (StompError e) {
            fail(receipt, future, e);
        }
        return future;
    }

    /** A new receipt id. */
    String next() {
        return prefix + "-r" + count.incrementAndGet();
    }

    /** Waits for {@code receipt}: {@code future} fails if it has not come within {@code timeout}. */
    void register(String receipt, CompletableFuture<StompFrame> future, Duration timeout) {
        long now = timer.nanoTime();
        register(new Pending(receipt, future, timeout, now + timeout.toNanos(), false, now));
    }

    private void register(Pending p) {
        pending.put(p.receipt(), p);
        stats.pendingReceipts(pending.size());
        sweepBy(p.deadline());
    }

    /** Makes sure a sweep runs by {@code deadline}: schedules one unless one is due at or before it. */
    private void sweepBy(long deadline) {
        long scheduled = nextSweep.get();
        while (deadline - scheduled < 0 || scheduled == NONE) {
            if (nextSweep.compareAndSet(scheduled, deadline)) {
                timer.schedule(() -> sweep(timer.nanoTime()), deadline - timer.nanoTime());
                return;
            }
            scheduled = nextSweep.get();
        }
    }

    /**
     * Fails every receipt whose deadline is not after {@code nowNanos} and schedules the next sweep for the earliest
     * deadline left; returns that deadline ({@link Long#MAX_VALUE} when nothing is pending).
     */
    long sweep(long nowNanos) {
        // Cleared before the scan: a receipt registered meanwhile is either seen by the scan or schedules its own.
        nextSweep.set(NONE);
        long earliest = NONE;
        boolean removed = false;
        for (Pending p : pending.values()) {
            if (p.deadline() - nowNanos <= 0) {
                if (pending.remove(p.receipt(), p)) {
                    removed = true;
                    settle(p, null, new StompConnectionError("Receipt did not arrive on time: " + p.receipt()
                            + " [timeout=" + p.timeout() + "]"));
                }
            } else if (earliest == NONE || p.deadline() - earliest < 0) {
                earliest = p.deadline();
            }
        }
        if (removed) {
            stats.pendingReceipts(pending.size());
        }
        if (earliest != NONE) {
            sweepBy(earliest);
        }
        return earliest;
    }

    /** The frame asking for {@code receipt} was not sent: stops waiting and fails {@code future} with {@code error}. */
    void fail(String receipt, CompletableFuture<StompFrame> future, Throwable error) {
        Pending p = pending.remove(receipt);
        if (p != null) {
            stats.pendingReceipts(pending.size());
            settle(p, null, error);
        } else {
            complete(future, null, error);
        }
    }

    /** A RECEIPT frame came: completes its future with it (a late or unknown one is ignored). */
    void received(String receipt, StompFrame frame) {
        Pending p = receipt == null ? null : pending.remove(receipt);
        if (p == null) {
            LOG.debug("Late or unknown receipt {}", receipt);
            return;
        }
        stats.pendingReceipts(pending.size());
        settle(p, frame, null);
    }

    /** An ERROR frame came with {@code receipt-id}: fails that receipt's future with a {@link StompBrokerError}. */
    void refused(String receipt, StompFrame error) {
        Pending p = receipt == null ? null : pending.remove(receipt);
        if (p != null) {
            stats.pendingReceipts(pending.size());
            settle(p, null, new StompBrokerError(error));
        }
    }

    /** Fails every receipt in flight with {@code StompConnectionError("<message>: <receipt>", cause)}. */
    void failAll(String message, Throwable cause) {
        for (Pending p : pending.values()) {
            if (pending.remove(p.receipt(), p)) {
                settle(p, null, new StompConnectionError(message + ": " + p.receipt(), cause));
            }
        }
        stats.pendingReceipts(pending.size());
    }

    /** How many receipts are in flight. */
    int size() {
        return pending.size();
    }

    /** Ends a receipt removed from the pending ones: counts a SEND's outcome, then completes its future. */
    private void settle(Pending p, StompFrame value, Throwable error) {
        if (p.message()) {
            stats.sendSettled(timer.nanoTime() - p.sentNanos(), error); // the clock the deadlines are on
        }
        complete(p.future(), value, error);
    }

    private void complete(CompletableFuture<StompFrame> future, StompFrame value, Throwable error) {
        callbacks.execute(() -> {
            if (error == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(error);
            }
        });
    }
}
