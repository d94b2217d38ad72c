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
package org.stompest.camel;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.StompBrokerError;
import org.stompest.client.StompConnection;
import org.stompest.client.StompMessage;
import org.stompest.protocol.StompFrame;

/**
 * What producer and consumer both need to know about an exchange: its transaction, how it is settled (ACK, COMMIT,
 * ABORT) and how its failures read.
 */
final class StompestExchanges {
    private static final Logger LOG = LoggerFactory.getLogger(StompestExchanges.class);

    private StompestExchanges() {
    }

    /**
     * The exchange's STOMP transaction if it lives on {@code connection}, else null (warned about once per
     * {@code warned} flag).
     */
    static String transactionOf(Exchange exchange, StompConnection connection, AtomicBoolean warned,
                                Endpoint endpoint) {
        String transaction = exchange.getProperty(StompestConstants.TRANSACTION_PROPERTY, String.class);
        if (transaction == null) {
            return null;
        }
        String owner = exchange.getProperty(StompestConstants.TRANSACTION_CONNECTION_PROPERTY, String.class);
        if (connection.id().equals(owner)) {
            return transaction;
        }
        if (warned.compareAndSet(false, true)) {
            LOG.warn("Transaction {} belongs to connection {}, not to {} of {}: sending outside the transaction"
                     + " (give producer and consumer the same connection options and poolSize=1)",
                    transaction, owner, connection.id(), endpoint);
        }
        return null;
    }

    /**
     * A message that cannot become an exchange goes to the consumer's exception handler; handled there (a bridged
     * error handler), it is acknowledged; otherwise the broker delivers it again.
     */
    static void unmappable(StompMessage message, Exchange exchange, Exception error, ExceptionHandler handler) {
        exchange.setException(error);
        handler.handleException("Cannot turn STOMP message " + message.messageId() + " from "
                + message.destination() + " into an exchange", exchange, error);
        boolean handled = exchange.getException() == null || exchange.getExchangeExtension().isErrorHandlerHandled();
        if (handled && !message.isSettled()) {
            message.ack();
        } else if (!handled) {
            message.redeliver();
        }
    }

    /** The cause under the wrappers of futures. */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
               && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The exchange's exception when its connection did not come up within {@code timeout} ms (or gave up): says
     * why, with the broker's last ERROR (a wrong passcode or virtual host, say), the state and the failover URI.
     */
    static Exception notConnected(Exchange exchange, String destination, StompConnection connection, long timeout,
                                  Throwable error, String failover) {
        Throwable cause = unwrap(error);
        String reason = cause instanceof TimeoutException ? "no connection within " + timeout + " ms"
                : "cannot connect: " + cause.getMessage();
        return new CamelExchangeException("SEND to " + destination + " failed: " + reason + lastBrokerError(connection)
                + " [state=" + connection.state() + ", failover=" + failover + "]", exchange, cause);
    }

    /** {@code "; last ERROR from the broker: ..."} for the last ERROR since the last CONNECTED, else "". */
    static String lastBrokerError(StompConnection connection) {
        StompFrame refused = connection.lastError();
        return refused == null ? "" : "; last ERROR from the broker: " + StompBrokerError.summary(refused);
    }

    /** The exchange's exception for a failed SEND: says where, and carries the STOMP error underneath. */
    static Exception sendFailed(Exchange exchange, String destination, Throwable error) {
        Throwable cause = unwrap(error);
        return new CamelExchangeException("SEND to " + destination + " failed: " + cause.getMessage(), exchange, cause);
    }

    /** ACK and COMMIT; the ACK after the COMMIT where the broker would not hold it for the transaction. */
    static void complete(StompMessage message, String transaction, StompConnection connection, long timeout)
            throws Exception {
        if (message.isSettled()) { // ackMode=auto: acknowledged when taken
            if (transaction != null) {
                connection.commit(transaction).get(timeout, TimeUnit.MILLISECONDS);
            }
        } else if (transaction == null) {
            message.ack();
        } else if (connection.brokerProfile().honoursAckInTransaction()) {
            message.ack(transaction);
            connection.commit(transaction).get(timeout, TimeUnit.MILLISECONDS);
        } else {
            connection.commit(transaction).get(timeout, TimeUnit.MILLISECONDS);
            message.ack();
        }
    }

    static void abort(String transaction, StompConnection connection, long timeout) {
        if (transaction == null) {
            return;
        }
        try {
            connection.abort(transaction).get(timeout, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("Cannot ABORT STOMP transaction {}: {}", transaction, unwrap(e).getMessage());
        }
    }
}
