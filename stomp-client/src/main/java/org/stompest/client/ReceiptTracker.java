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
 * The receipts in flight of one connection: each is a future with a timeout on a timer.
 * <ol>
 * <li>{@link #next()} names a receipt ({@code <connection id>-r<n>}); {@link #register} starts waiting for it and
 * schedules its timeout.</li>
 * <li>It ends once, by the first of: {@link #received} (the RECEIPT came), {@link #refused} (an ERROR naming it came:
 * {@link StompBrokerError}), its timeout ({@code Receipt did not arrive on time: r [timeout=..]}),
 * {@link #failAll} (the connection was lost or closed: {@link StompConnectionError}) or {@link #fail} (the frame was
 * never sent). The others then find nothing and do nothing; the timeout is cancelled.</li>
 * </ol>
 * Futures complete on the callback executor, never on the caller's thread (the reader or the timer). Thread-safe
 * without locks; {@link ConnectionStats#pendingReceipts} follows the count.
 *
 * <p>This is the only place receipts are tracked: frames are built by the session without a receipt and
 * {@link #asking} adds the {@code receipt} header, so the session's own receipt set stays empty (it would keep the id
 * of every receipt that timed out).
 */
final class ReceiptTracker {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptTracker.class);

    /** Runs a task after a delay (the {@link ClientRuntime}'s scheduler in production; tests run the tasks by hand). */
    interface Timer {
        Future<?> schedule(Runnable task, long delayNanos);
    }

    private record Pending(String receipt, CompletableFuture<StompFrame> future, Future<?> timeout) {
    }

    private final String prefix;
    private final ConnectionStats stats;
    private final Timer timer;
    private final Executor callbacks;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();

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
    record Outgoing(SocketTransport transport, StompFrame frame) {
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
        CompletableFuture<StompFrame> future = new CompletableFuture<>();
        String receipt = next();
        try {
            Outgoing outgoing = builder.build(receipt);
            register(receipt, future, timeout);
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
        Future<?> timer = this.timer.schedule(() -> {
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

    /** The frame asking for {@code receipt} was not sent: stops waiting and fails {@code future} with {@code error}. */
    void fail(String receipt, CompletableFuture<StompFrame> future, Throwable error) {
        Pending p = pending.remove(receipt);
        if (p != null) {
            p.timeout().cancel(false);
            stats.pendingReceipts(pending.size());
        }
        complete(future, null, error);
    }

    /** A RECEIPT frame came: completes its future with it (a late or unknown one is ignored). */
    void received(String receipt, StompFrame frame) {
        Pending p = receipt == null ? null : pending.remove(receipt);
        if (p == null) {
            LOG.debug("Late or unknown receipt {}", receipt);
            return;
        }
        p.timeout().cancel(false);
        stats.pendingReceipts(pending.size());
        complete(p.future(), frame, null);
    }

    /** An ERROR frame came with {@code receipt-id}: fails that receipt's future with a {@link StompBrokerError}. */
    void refused(String receipt, StompFrame error) {
        Pending p = receipt == null ? null : pending.remove(receipt);
        if (p != null) {
            p.timeout().cancel(false);
            stats.pendingReceipts(pending.size());
            complete(p.future(), null, new StompBrokerError(error));
        }
    }

    /** Fails every receipt in flight with {@code StompConnectionError("<message>: <receipt>", cause)}. */
    void failAll(String message, Throwable cause) {
        for (Pending p : pending.values()) {
            if (pending.remove(p.receipt(), p)) {
                p.timeout().cancel(false);
                complete(p.future(), null, new StompConnectionError(message + ": " + p.receipt(), cause));
            }
        }
        stats.pendingReceipts(pending.size());
    }

    /** How many receipts are in flight. */
    int size() {
        return pending.size();
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
