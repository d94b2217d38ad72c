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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.stompest.error.StompConnectionError;
import org.stompest.error.StompProtocolError;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * The transactions of one connection: BEGIN, COMMIT and ABORT, and the connection epoch each one began in, so that a
 * transaction lost with its connection says so ({@code Transaction lost with the connection: tx [epoch=1,
 * current=2]}) rather than being unknown.
 * <ol>
 * <li>{@link #begin()} names a transaction through the session and records its epoch.</li>
 * <li>Frames within it ({@link #withTransaction}, ACK and NACK) are checked against the session's active
 * transactions first ({@link #check}).</li>
 * <li>{@link #end} commits or aborts it, completing with the RECEIPT like a send with a receipt.</li>
 * </ol>
 * Locks: the epochs map is concurrent; {@link #check} and {@link #withTransaction} read the session, so call them
 * with the session lock held (they assert it).
 */
final class Transactions {
    private final GuardedSession sessions;
    private final ReceiptTracker receipts;
    private final Duration receiptTimeout;
    private final Map<String, Long> epochs = new ConcurrentHashMap<>();

    Transactions(GuardedSession sessions, ReceiptTracker receipts, Duration receiptTimeout) {
        this.sessions = sessions;
        this.receipts = receipts;
        this.receiptTimeout = receiptTimeout;
    }

    /** BEGIN: a new transaction's id. */
    String begin() {
        SocketTransport transport;
        StompFrame frame;
        String transaction;
        synchronized (sessions.lock()) {
            GuardedSession.Live l = sessions.requireConnected("begin");
            transport = l.transport();
            transaction = sessions.session().transaction(null);
            frame = sessions.session().begin(transaction, null);
            epochs.put(transaction, l.epoch());
        }
        transport.write(frame);
        return transaction;
    }

    /** COMMIT ({@code commit}) or ABORT, completing with the RECEIPT. */
    CompletableFuture<StompFrame> end(String transaction, boolean commit) {
        return receipts.send(receiptTimeout, receipt -> {
            synchronized (sessions.lock()) {
                SocketTransport transport = sessions.requireConnected(commit ? "commit" : "abort").transport();
                check(transaction);
                StompFrame frame = commit ? sessions.session().commit(transaction, null)
                        : sessions.session().abort(transaction, null);
                epochs.remove(transaction);
                return new ReceiptTracker.Outgoing(transport, ReceiptTracker.asking(frame, receipt));
            }
        });
    }

    /**
     * Call with the session lock held: fails unless {@code transaction} is active, with
     * {@link StompConnectionError} when it was lost with an earlier connection.
     */
    void check(String transaction) {
        assert Thread.holdsLock(sessions.lock()) : "transaction checked without the session lock";
        if (!sessions.session().activeTransactions().contains(transaction)) {
            Long began = epochs.remove(transaction);
            if (began != null) {
                throw new StompConnectionError("Transaction lost with the connection: " + transaction
                        + " [epoch=" + began + ", current=" + sessions.epoch() + "]");
            }
            throw new StompProtocolError("Transaction unknown: " + transaction);
        }
    }

    /** Call with the session lock held: {@code headers} with the {@code transaction} header, checked; or as given. */
    Map<String, String> withTransaction(Map<String, String> headers, String transaction) {
        assert Thread.holdsLock(sessions.lock()) : "transaction header added without the session lock";
        if (transaction == null) {
            return headers;
        }
        check(transaction);
        Map<String, String> all = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
        all.put(StompSpec.TRANSACTION_HEADER, transaction);
        return all;
    }
}
