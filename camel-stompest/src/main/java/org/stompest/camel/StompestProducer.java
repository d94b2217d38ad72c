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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultMessage;
import org.stompest.client.PooledConnection;
import org.stompest.client.StompConnection;
import org.stompest.client.StompMessage;
import org.stompest.client.Subscription;
import org.stompest.client.SubscriptionOptions;
import org.stompest.camel.StompestMessageMapper.Outgoing;
import org.stompest.protocol.StompFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each exchange as a SEND frame on a pooled connection.
 *
 * <ul>
 * <li>The endpoint decides where and how: {@code persistent:true} unless {@code persistent=false}, and the routing
 * headers the broker's profile needs for the endpoint's destination; {@code sendHeaders} and the message's own
 * headers come on top. Headers that describe an inbound delivery never arrive here as plain headers (see
 * {@link StompestHeaderFilterStrategy}).</li>
 * <li>{@code receipt=true} (default): the SEND asks for a RECEIPT and the exchange completes asynchronously when it
 * arrives, so many exchanges are in flight on one connection; a broker ERROR, a lost connection or
 * {@code receiptTimeout} fail the exchange. {@code receipt=false}: fire and forget.</li>
 * <li>Inside a transacted {@code stompest:} route whose transaction lives on the same connection, the SEND carries
 * the transaction (committed or aborted with the route's exchange).</li>
 * <li>InOut: the SEND carries {@code reply-to} (a reply queue of this producer, subscribed once) and a fresh
 * {@code correlation-id}; the exchange completes with the reply, or fails with an
 * {@link ExchangeTimedOutException} after {@code requestTimeout}.</li>
 * </ul>
 * Completions are handed to the component's callback executor: the client's own threads never run a route.
 */
public class StompestProducer extends DefaultAsyncProducer {
    private static final Logger LOG = LoggerFactory.getLogger(StompestProducer.class);
    private static final String PERSISTENT_HEADER = "persistent";

    /** An InOut exchange waiting for its reply; whoever removes it from {@link #pending} completes it. */
    private static final class Pending {
        final Exchange exchange;
        final AsyncCallback callback;
        volatile ScheduledFuture<?> timeout;

        Pending(Exchange exchange, AsyncCallback callback) {
            this.exchange = exchange;
            this.callback = callback;
        }
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile PooledConnection lease;
    private volatile Subscription replySubscription;
    private volatile String replyTo;
    private volatile boolean warnedForeignTransaction;
    private WritableHealthCheckRepository healthCheckRepository;
    private StompestProducerHealthCheck healthCheck;

    public StompestProducer(StompestEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public StompestEndpoint getEndpoint() {
        return (StompestEndpoint) super.getEndpoint();
    }

    private StompestConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        lease = getEndpoint().leaseConnection();
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new StompestProducerHealthCheck(this, getEndpoint().getId());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        Subscription replies = replySubscription;
        replySubscription = null;
        if (replies != null) {
            replies.unsubscribe();
        }
        for (String correlationId : pending.keySet()) {
            Pending request = pending.remove(correlationId);
            if (request != null) {
                fail(request, new CamelExchangeException("Producer stopped before the reply arrived [correlation-id="
                        + correlationId + "]", request.exchange));
            }
        }
        PooledConnection l = lease;
        lease = null;
        if (l != null) {
            l.close();
        }
        super.doStop();
    }

    /** The connection of this producer, or null when stopped. */
    StompConnection connection() {
        PooledConnection l = lease;
        return l == null ? null : l.connection();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        StompConnection connection;
        try {
            connection = usableConnection();
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        getEndpoint().exchangeOut();
        if (connection.isConnected()) {
            return send(exchange, callback, connection, true);
        }
        // connecting or reconnecting: send once connected, unless that takes longer than receiptTimeout
        long timeout = configuration().getReceiptTimeout();
        connection.connectAsync().copy().orTimeout(timeout, TimeUnit.MILLISECONDS).whenCompleteAsync((up, error) -> {
            if (error == null) {
                send(exchange, callback, connection, false);
            } else {
                Throwable cause = unwrap(error);
                String reason = cause instanceof TimeoutException ? "no connection within " + timeout + " ms"
                        : "cannot connect: " + cause.getMessage();
                StompFrame refused = connection.lastError();
                if (refused != null) { // e.g. a wrong passcode or virtual host: say what the broker said
                    reason += "; last ERROR from the broker: " + refused.header("message");
                }
                exchange.setException(new CamelExchangeException("SEND to " + getEndpoint().getStompDestination()
                        + " failed: " + reason + " [state=" + connection.state() + ", failover="
                        + getEndpoint().getConfiguration().getFailover() + "]", exchange, cause));
                callback.done(false);
            }
        }, getEndpoint().getComponent().callbackExecutor());
        return false;
    }

    /**
     * The leased connection; one whose failover loop gave up (FAILED) is released and a fresh one leased, which
     * connects in the background.
     */
    private synchronized StompConnection usableConnection() throws Exception {
        PooledConnection current = lease;
        if (current == null) {
            throw new IllegalStateException("Producer is not started: " + getEndpoint());
        }
        if (current.connection().state() == StompConnection.State.FAILED) {
            LOG.info("Connection {} gave up; leasing a new one for {}", current.connection().id(), getEndpoint());
            PooledConnection fresh = getEndpoint().leaseConnection();
            Subscription replies = replySubscription;
            replySubscription = null;
            if (replies != null) {
                replies.unsubscribe();
            }
            current.close();
            lease = fresh;
            current = fresh;
        }
        return current.connection();
    }

    /** Sends on a connected connection; {@code sync} tells whether we are still inside process(). */
    private boolean send(Exchange exchange, AsyncCallback callback, StompConnection connection, boolean sync) {
        StompestEndpoint endpoint = getEndpoint();
        StompestConfiguration c = configuration();
        String destination = endpoint.getStompDestination();

        Outgoing out;
        try {
            out = StompestMessageMapper.toStomp(exchange.getMessage(), c.getSendHeaders(), c.getHeaderFilterStrategy());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(sync);
            return sync;
        }
        // the endpoint's defaults first: sendHeaders and the message's own headers win
        Map<String, String> headers = new LinkedHashMap<>(connection.brokerProfile().routingHeaders(destination));
        if (c.isPersistent()) {
            headers.put(PERSISTENT_HEADER, "true");
        }
        headers.putAll(out.headers());
        String transaction = transactionOf(exchange, connection);

        String correlationId = null;
        if (exchange.getPattern().isOutCapable()) {
            correlationId = endpoint.getCamelContext().getUuidGenerator().generateUuid();
            headers.keySet().removeIf(name -> name.equalsIgnoreCase(StompestConstants.REPLY_TO)
                    || name.equalsIgnoreCase(StompestConstants.CORRELATION_ID));
            try {
                headers.put(StompestConstants.REPLY_TO, replyDestination(connection));
            } catch (RuntimeException e) {
                exchange.setException(e);
                callback.done(sync);
                return sync;
            }
            headers.put(StompestConstants.CORRELATION_ID, correlationId);
            Pending request = new Pending(exchange, callback);
            pending.put(correlationId, request);
            String id = correlationId;
            request.timeout = endpoint.getComponent().timeoutScheduler().schedule(() -> {
                Pending expired = pending.remove(id);
                if (expired != null) {
                    fail(expired, new ExchangeTimedOutException(expired.exchange, c.getRequestTimeout(),
                            "No reply from " + destination + " [correlation-id=" + id + "]"));
                }
            }, c.getRequestTimeout(), TimeUnit.MILLISECONDS);
        }

        if (!c.isReceipt()) {
            try {
                if (transaction == null) {
                    connection.send(destination, out.body(), headers);
                } else {
                    connection.send(destination, out.body(), headers, transaction);
                }
            } catch (RuntimeException e) {
                return failSend(exchange, callback, correlationId, sendFailed(exchange, destination, e), sync);
            }
            if (correlationId == null) {
                callback.done(sync);
                return sync;
            }
            return false; // the reply or the timeout completes it
        }

        CompletableFuture<StompFrame> receipt;
        try {
            receipt = connection.sendWithReceipt(destination, out.body(), headers, transaction,
                    Duration.ofMillis(c.getReceiptTimeout()));
        } catch (RuntimeException e) {
            return failSend(exchange, callback, correlationId, sendFailed(exchange, destination, e), sync);
        }
        String id = correlationId;
        receipt.whenCompleteAsync((frame, error) -> {
            if (id == null) {
                if (error != null) {
                    exchange.setException(sendFailed(exchange, destination, error));
                }
                callback.done(false);
            } else if (error != null) {
                Pending request = pending.remove(id);
                if (request != null) {
                    cancelTimeout(request);
                    exchange.setException(sendFailed(exchange, destination, error));
                    callback.done(false);
                }
            }
            // InOut with its receipt: the reply (or the timeout) completes the exchange
        }, endpoint.getComponent().callbackExecutor());
        return false;
    }

    private boolean failSend(Exchange exchange, AsyncCallback callback, String correlationId, Exception error,
                             boolean sync) {
        if (correlationId != null) {
            Pending request = pending.remove(correlationId);
            if (request == null) {
                return false; // already completed by its timeout
            }
            cancelTimeout(request);
        }
        exchange.setException(error);
        callback.done(sync);
        return sync;
    }

    /** The exchange's STOMP transaction if it lives on this producer's connection, else null. */
    private String transactionOf(Exchange exchange, StompConnection connection) {
        String transaction = exchange.getProperty(StompestConstants.TRANSACTION_PROPERTY, String.class);
        if (transaction == null) {
            return null;
        }
        String owner = exchange.getProperty(StompestConstants.TRANSACTION_CONNECTION_PROPERTY, String.class);
        if (connection.id().equals(owner)) {
            return transaction;
        }
        if (!warnedForeignTransaction) {
            warnedForeignTransaction = true;
            LOG.warn("Transaction {} belongs to connection {}, not to {} of {}: sending outside the transaction"
                     + " (give producer and consumer the same connection options and poolSize=1)",
                    transaction, owner, connection.id(), getEndpoint());
        }
        return null;
    }

    /** This producer's reply destination, subscribed on first use. */
    private synchronized String replyDestination(StompConnection connection) {
        if (replySubscription == null) {
            String configured = configuration().getReplyTo();
            replyTo = configured != null ? configured
                    : "/queue/stompest.reply." + getEndpoint().getCamelContext().getUuidGenerator().generateUuid();
            SubscriptionOptions options = SubscriptionOptions.builder().ackMode("auto").build();
            replySubscription = connection.subscribe(replyTo, options, this::onReply);
            LOG.debug("Replies for {} come to {} [subscription={}]", getEndpoint(), replyTo, replySubscription.id());
        }
        return replyTo;
    }

    /** Runs on the reply subscription's thread: map the reply, then complete on the callback executor. */
    private void onReply(StompMessage reply) {
        String correlationId = reply.headers().get(StompestConstants.CORRELATION_ID);
        Pending request = correlationId == null ? null : pending.remove(correlationId);
        if (request == null) {
            LOG.debug("Reply {} dropped: no request waits for it [correlation-id={}]", reply.messageId(),
                    correlationId);
            return;
        }
        cancelTimeout(request);
        Exchange exchange = request.exchange;
        try {
            Message answer = new DefaultMessage(exchange);
            StompestMessageMapper.toCamel(reply, answer, configuration().getHeaderFilterStrategy());
            exchange.setMessage(answer);
        } catch (Exception e) {
            exchange.setException(e);
        }
        getEndpoint().getComponent().callbackExecutor().execute(() -> request.callback.done(false));
    }

    private void fail(Pending request, Exception error) {
        cancelTimeout(request);
        request.exchange.setException(error);
        getEndpoint().getComponent().callbackExecutor().execute(() -> request.callback.done(false));
    }

    private static void cancelTimeout(Pending request) {
        ScheduledFuture<?> timeout = request.timeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
               && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The exchange's exception for a failed SEND: says where, and carries the STOMP error underneath. */
    private static Exception sendFailed(Exchange exchange, String destination, Throwable error) {
        Throwable cause = unwrap(error);
        return new CamelExchangeException("SEND to " + destination + " failed: " + cause.getMessage(), exchange, cause);
    }

}
