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

import java.util.Locale;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.error.StompConnectionError;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * Sends the ACKs and NACKs of one connection's messages, or decides that none is due.
 * <ol>
 * <li>Ack mode {@code auto}: nothing is sent (the broker expects nothing); the message only counts as settled.</li>
 * <li>A message received before a reconnect: {@link StompConnectionError} (the broker redelivers it).</li>
 * <li>A message received before its subscription subscribed anew ({@link ListenerFailure#REDELIVER}): nothing is
 * sent (the broker delivers it again), it counts as settled.</li>
 * <li>Otherwise the frame the session builds (1.2: {@code id}; 1.1: {@code message-id} and {@code subscription};
 * 1.0: {@code message-id}), within a transaction if one is given.</li>
 * </ol>
 * Locks: the subscription's settle read lock, so that no resubscribe comes between the checks and the write; inside
 * it the session lock while the frame is built, never during the write.
 */
final class Acknowledger {
    private static final Logger LOG = LoggerFactory.getLogger(Acknowledger.class);

    private final ConnectionStats stats;
    private final GuardedSession sessions;
    private final Transactions transactions;

    Acknowledger(GuardedSession sessions, Transactions transactions, ConnectionStats stats) {
        this.stats = stats;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    /** ACK ({@code ack}) or NACK {@code message}, within {@code transaction} if not null. */
    void settle(StompMessage message, String transaction, boolean ack) {
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
            Transport transport;
            StompFrame frame;
            synchronized (sessions.lock()) {
                GuardedSession.Live l = sessions.requireConnected(command);
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
                    transactions.check(transaction);
                }
                frame = ack ? sessions.session().ack(message.frame(), null)
                        : sessions.session().nack(message.frame(), null);
                if (transaction != null) {
                    frame.headers().put(StompSpec.TRANSACTION_HEADER, transaction);
                }
            }
            // a worker with more messages queued defers the flush: their ACKs share a system call
            transport.write(frame, subscription == null || !subscription.moreQueuedForThisWorker());
            if (ack) {
                stats.ackSent();
            } else {
                stats.nackSent();
            }
            message.settle();
        } finally {
            if (settling != null) {
                settling.unlock();
            }
        }
    }
}
