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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultMessage;
import org.stompest.camel.StompestMessageMapper.Outgoing;
import org.stompest.client.PooledConnection;
import org.stompest.client.Requestor;
import org.stompest.client.StompConnection;
import org.stompest.client.StompMessage;
import org.stompest.client.StompRequestTimeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each exchange as a SEND frame on a pooled connection.
 * <ul>
 * <li>The endpoint decides where (unless {@code CamelStompestDestinationOverride} says) and how: {@code persistent}
 * and the routing headers of the broker's profile; then {@code sendHeaders} and the message's own headers (never
 * those of an inbound delivery: see {@link StompestHeaderFilterStrategy}).</li>
 * <li>{@code receipt=true} (default): the SEND asks for a RECEIPT and the exchange completes asynchronously when it
 * arrives, so many exchanges are in flight on one connection; a broker ERROR, a lost connection or
 * {@code receiptTimeout} fail the exchange. {@code receipt=false}: fire and forget.</li>
 * <li>In a transacted {@code stompest:} route on the same connection the SEND joins the transaction; the COMMIT's
 * receipt confirms it (RabbitMQ answers a SEND in a transaction only at COMMIT), so it asks for none.</li>
 * <li>InOut: the client's {@link Requestor} sends with {@code reply-to} (see {@link StompestRequestReply} for the
 * {@code replyToType}s) and a {@code correlation-id}; the exchange completes with the reply, or fails with an
 * {@link ExchangeTimedOutException} after {@code requestTimeout}.</li>
 * </ul>
 * Completions run on the client runtime's callback executor: the client's reader threads never run a route.
 */
public class StompestProducer extends DefaultAsyncProducer {
    private static final Logger LOG = LoggerFactory.getLogger(StompestProducer.class);

    private final AtomicLong requests = new AtomicLong();
    private final AtomicBoolean warnedForeignTransaction = new AtomicBoolean();
    private volatile String prefix;
    private volatile PooledConnection lease;
    private volatile Requestor requestor;
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
        prefix = getEndpoint().getCamelContext().getUuidGenerator().generateUuid();
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
        closeRequestor();
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
                return;
            }
            exchange.setException(StompestExchanges.notConnected(exchange, destination(exchange), connection,
                    timeout, error, configuration().getFailover()));
            callback.done(false);
        }, connection.runtime().callbacks());
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
            closeRequestor();
            current.close();
            lease = fresh;
            current = fresh;
        }
        return current.connection();
    }

    /** The destination of an exchange: its {@code CamelStompestDestinationOverride} header, else the endpoint's. */
    private String destination(Exchange exchange) {
        String override = exchange.getMessage().getHeader(StompestConstants.DESTINATION_OVERRIDE, String.class);
        return override != null ? StompestEndpoint.stompDestination(override) : getEndpoint().getStompDestination();
    }

    /** Sends on a connected connection; {@code sync} tells whether we are still inside process(). */
    private boolean send(Exchange exchange, AsyncCallback callback, StompConnection connection, boolean sync) {
        StompestConfiguration c = configuration();
        String destination = destination(exchange);
        exchange.getMessage().removeHeader(StompestConstants.DESTINATION_OVERRIDE);
        CompletableFuture<?> done;
        try {
            // the endpoint's defaults first: sendHeaders and the message's own headers win
            Map<String, String> defaults = new LinkedHashMap<>(connection.brokerProfile().routingHeaders(destination));
            if (c.isPersistent()) {
                defaults.put("persistent", "true");
            }
            Outgoing out = StompestMessageMapper.toStomp(exchange.getMessage(), defaults, c.getSendHeaders(),
                    c.getHeaderFilterStrategy());
            Map<String, String> headers = out.headers();
            String transaction = StompestExchanges.transactionOf(exchange, connection, warnedForeignTransaction,
                    getEndpoint());
            boolean receipt = c.isReceipt() && transaction == null; // in a transaction the COMMIT's receipt counts
            if (exchange.getPattern().isOutCapable()) {
                headers.put(StompestConstants.CORRELATION_ID,
                        StompestRequestReply.correlationId(c, headers, prefix, requests.incrementAndGet()));
                done = requestor(connection).request(destination, out.body(), headers, transaction, receipt,
                        Duration.ofMillis(c.getRequestTimeout())).thenAccept(reply -> onReply(exchange, reply));
            } else if (receipt) {
                done = connection.sendWithReceipt(destination, out.body(), headers, transaction,
                        Duration.ofMillis(c.getReceiptTimeout()));
            } else {
                connection.send(destination, out.body(), headers, transaction);
                callback.done(sync);
                return sync;
            }
        } catch (Exception e) {
            exchange.setException(e instanceof IllegalArgumentException ? e
                    : StompestExchanges.sendFailed(exchange, destination, e));
            callback.done(sync);
            return sync;
        }
        done.whenCompleteAsync((result, error) -> {
            if (error != null) {
                Throwable cause = StompestExchanges.unwrap(error);
                exchange.setException(cause instanceof StompRequestTimeout
                        ? new ExchangeTimedOutException(exchange, c.getRequestTimeout(), "No reply from "
                                + destination + ": " + cause.getMessage())
                        : StompestExchanges.sendFailed(exchange, destination, cause));
            }
            callback.done(false);
        }, connection.runtime().callbacks());
        return false;
    }

    private void onReply(Exchange exchange, StompMessage reply) {
        Message answer = new DefaultMessage(exchange);
        StompestMessageMapper.toCamel(reply, answer, configuration().getHeaderFilterStrategy());
        exchange.setMessage(answer);
        Exception failure = configuration().isTransferException()
                ? StompestRequestReply.transferredFailure(reply, exchange) : null;
        if (failure != null) {
            exchange.setException(failure);
        }
    }

    /** This producer's requestor, made on first use (the broker profile is known once connected). */
    private synchronized Requestor requestor(StompConnection connection) {
        if (requestor == null) {
            requestor = StompestRequestReply.requestor(connection, configuration(), prefix);
            LOG.debug("Replies for {} come to {}", getEndpoint(), requestor.replyTo());
        }
        return requestor;
    }

    private synchronized void closeRequestor() {
        if (requestor != null) {
            requestor.close();
            requestor = null;
        }
    }
}
