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
package org.stompest.client.faults;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

import org.stompest.client.ConnectionListener;
import org.stompest.client.StompConnection;

/**
 * A producer that keeps sending until every message it started is confirmed by a RECEIPT: up to {@code window}
 * sends in flight on one {@link StompConnection}, a send whose receipt failed (connection lost, receipt timeout) is
 * queued and sent again once the connection is back. Sequence numbers come from a shared counter, so several
 * producers can feed one {@link Tally}; bodies are {@link Bodies} (the same bytes on every retry).
 * <pre>
 * ReliableProducer p = new ReliableProducer(connection, "/queue/x", tally, next, 32, seq -&gt; 512);
 * Thread t = new Thread(() -&gt; p.run(() -&gt; 10_000));  // until 10,000 sequence numbers are taken
 * </pre>
 */
public final class ReliableProducer {
    private final StompConnection connection;
    private final String destination;
    private final Tally tally;
    private final AtomicLong next;
    private final Semaphore window;
    private final int windowSize;
    private final LongUnaryOperator payloadSize;
    private final Map<String, String> headers;
    private final Duration receiptTimeout;
    private final ConcurrentLinkedQueue<Long> retries = new ConcurrentLinkedQueue<>();
    private final Object connected = new Object();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean stopped;
    private volatile LongSupplier aheadLimit = () -> Long.MAX_VALUE;

    public ReliableProducer(StompConnection connection, String destination, Tally tally, AtomicLong next, int window,
                            LongUnaryOperator payloadSize, Map<String, String> headers, Duration receiptTimeout) {
        this.connection = connection;
        this.destination = destination;
        this.tally = tally;
        this.next = next;
        this.windowSize = window;
        this.window = new Semaphore(window);
        this.payloadSize = payloadSize;
        this.headers = headers;
        this.receiptTimeout = receiptTimeout;
        connection.addListener(new ConnectionListener() {
            @Override
            public void stateChanged(StompConnection.State from, StompConnection.State to) {
                if (to == StompConnection.State.CONNECTED) {
                    synchronized (connected) {
                        connected.notifyAll();
                    }
                }
            }
        });
    }

    /** Pauses taking new sequence numbers while {@code limit} returns false (e.g. the consumer is far behind). */
    public ReliableProducer throttle(LongSupplier confirmedMinusReceivedLimit) {
        this.aheadLimit = confirmedMinusReceivedLimit;
        return this;
    }

    /** Sends failed (and retried). */
    public long failures() {
        return failures.get();
    }

    /** Stops taking new sequence numbers; what is started is still confirmed. */
    public void stop() {
        stopped = true;
    }

    /**
     * Sends until {@link #stop()} or until the shared counter reaches {@code total}, then until every started
     * message is confirmed. Returns normally; the caller checks the tally.
     */
    public void run(long total) {
        try {
            while (true) {
                Long seq = retries.poll();
                if (seq == null) {
                    if (stopped || next.get() >= total) {
                        if (window.availablePermits() == windowSize && retries.isEmpty()) {
                            return; // nothing in flight, nothing to retry
                        }
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // in flight: poll until done
                        continue;
                    }
                    if (tally.confirmedCount() - tally.receivedCount() > aheadLimit.getAsLong()) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // consumers far behind: poll
                        if (Thread.interrupted()) {
                            throw new InterruptedException();
                        }
                        continue;
                    }
                    long taken = next.getAndIncrement();
                    if (taken >= total) {
                        continue;
                    }
                    seq = taken;
                }
                window.acquire();
                awaitConnected();
                send(seq);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(long seq) {
        tally.sent(seq);
        byte[] body = Bodies.make(seq, (int) payloadSize.applyAsLong(seq));
        connection.sendWithReceipt(destination, body, headers, null, receiptTimeout).whenComplete((receipt, error) -> {
            if (error == null) {
                tally.confirmed(seq);
            } else {
                failures.incrementAndGet();
                retries.add(seq);
            }
            window.release();
        });
    }

    private void awaitConnected() throws InterruptedException {
        synchronized (connected) {
            while (!connection.isConnected() && connection.state() != StompConnection.State.CLOSED) {
                connected.wait(50);
            }
        }
    }
}
