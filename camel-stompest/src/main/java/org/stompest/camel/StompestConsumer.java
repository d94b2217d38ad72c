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

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.support.DefaultConsumer;
import org.stompest.client.PooledConnection;
import org.stompest.client.StompConnection;
import org.stompest.client.StompMessage;
import org.stompest.client.Subscription;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.jmx.ConnectionMBeans;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the endpoint's destination on a pooled connection and turns each MESSAGE into an exchange.
 *
 * <ol>
 * <li>Start: lease a connection (it connects in the background if the broker is not there yet) and subscribe with
 * the broker's flow control ({@code prefetch}); the connection replays the subscription after every reconnect.</li>
 * <li>Each MESSAGE runs on the subscription's executor ({@code concurrentConsumers} threads). {@code ackMode=auto}
 * is a {@code client-individual} subscription acknowledged as a thread takes the message, so what the route has not
 * taken yet stays with the broker. Transacted: BEGIN, and the transaction id goes on the exchange.</li>
 * <li>A message with {@code reply-to} (unless {@code disableReplyTo}) makes the exchange InOut.</li>
 * <li>Success: an InOut exchange sends its reply to {@code reply-to} (see {@link StompestRequestReply}); then ACK
 * (in the transaction) and COMMIT. Where the broker ignores the transaction of an ACK (its {@code BrokerProfile}:
 * Artemis), COMMIT first and ACK after, so a crash in between gives a duplicate and never a loss.</li>
 * <li>Failure with {@code transferException} and a {@code reply-to}: the failure is the reply, and the message is
 * settled as on success. Other failures: ABORT, then {@link StompMessage#redeliver()}: the client makes the broker
 * deliver it again in the way that broker allows; on a non-durable topic it is gone.</li>
 * <li>Suspend: messages wait, unacknowledged, until resume; the subscription (durable or not) stays.</li>
 * <li>A broker ERROR refusing the subscription or the CONNECT: see {@link StompestBrokerErrors}.</li>
 * <li>Stop: no new exchanges (messages taken meanwhile stay unacknowledged); wait for those in flight, then
 * unsubscribe and release the connection.</li>
 * </ol>
 */
@ManagedResource(description = "Managed Stompest consumer")
public class StompestConsumer extends DefaultConsumer implements Suspendable {
    private static final Logger LOG = LoggerFactory.getLogger(StompestConsumer.class);

    private final StompestInflight inflight = new StompestInflight();
    private final StompestBrokerErrors errors = new StompestBrokerErrors(this);
    private final StompestTransactedAckWarning transactedAckWarning = new StompestTransactedAckWarning(this);
    private volatile PooledConnection lease;
    private volatile Subscription subscription;

    public StompestConsumer(StompestEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public StompestEndpoint getEndpoint() {
        return (StompestEndpoint) super.getEndpoint();
    }

    /** Links the consumer's MBean to the stomp-client connection MBean it receives on. */
    @ManagedAttribute(description = "The JMX ObjectName of the STOMP connection this consumer receives on")
    public String getConnectionObjectName() {
        PooledConnection current = lease;
        return current == null ? null : ConnectionMBeans.objectName(current.connection()).toString();
    }

    @ManagedAttribute(description = "The STOMP subscription id (null while not subscribed)")
    public String getSubscriptionId() {
        Subscription current = subscription;
        return current == null ? null : current.id();
    }

    private StompestConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    private boolean ackOnTake() {
        return StompSpec.ACK_AUTO.equals(configuration().getAckMode());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        lease = getEndpoint().leaseConnection();
        lease.connection().addListener(errors);
        if (configuration().isTransacted()) {
            transactedAckWarning.listenTo(lease.connection());
        }
        inflight.open();
        SubscriptionOptions options = configuration().subscriptionOptions();
        subscription = lease.connection().subscribe(getEndpoint().getStompDestination(), options, this::onMessage);
        LOG.debug("Subscribed to {} [id={}, {}, connection={}]", subscription.destination(), subscription.id(),
                options, lease.connection().id());
        if (getEndpoint().getComponent().isHealthCheckConsumerEnabled()) {
            setHealthCheck(new StompestConsumerHealthCheck(this, getRouteId()));
        }
    }

    @Override
    protected void doSuspend() throws Exception {
        inflight.suspend(); // the subscription (durable or not) stays; messages wait unacknowledged
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        inflight.resume();
        super.doResume();
    }

    /**
     * Lets no new exchange start (messages taken meanwhile stay unacknowledged and go back to the broker with the
     * UNSUBSCRIBE), waits up to the ShutdownStrategy's timeout for the exchanges in flight so that their ACKs go out,
     * then unsubscribes and releases the connection.
     */
    @Override
    protected void doStop() throws Exception {
        ShutdownStrategy shutdown = getEndpoint().getCamelContext().getShutdownStrategy();
        int left = inflight.close(shutdown.getTimeUnit().toMillis(shutdown.getTimeout()));
        if (left > 0) {
            LOG.warn("Stopping with {} exchanges in flight: their messages will be redelivered", left);
        }
        Subscription s = subscription;
        subscription = null;
        if (s != null) {
            s.unsubscribe();
        }
        PooledConnection l = lease;
        lease = null;
        if (l != null) {
            l.connection().removeListener(errors);
            l.connection().removeListener(transactedAckWarning);
            l.close();
        }
        super.doStop();
    }

    /** The request's reply-to, or null when it has none or disableReplyTo is set. */
    private String replyTo(StompMessage message) {
        return configuration().isDisableReplyTo() ? null : message.header(StompestConstants.REPLY_TO);
    }

    /** The connection of this consumer, or null when stopped. */
    StompConnection connection() {
        PooledConnection l = lease;
        return l == null ? null : l.connection();
    }

    Subscription subscription() {
        return subscription;
    }

    /** The broker ERROR that refused this consumer's subscription, until a message arrives; or null. */
    StompFrame subscriptionError() {
        return errors.last();
    }

    private void onMessage(StompMessage message) {
        PooledConnection l = lease;
        try {
            if (l == null || !inflight.enter()) {
                LOG.debug("Stopping: message {} stays unacknowledged for redelivery", message.messageId());
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        errors.clear();
        try {
            if (ackOnTake()) {
                message.ack();
            }
            handle(message, l.connection());
        } catch (RuntimeException e) {
            LOG.warn("Cannot settle STOMP message {} from {}: {}", message.messageId(), message.destination(),
                    e.getMessage());
        } finally {
            inflight.exit();
        }
    }

    private void handle(StompMessage message, StompConnection connection) {
        getEndpoint().exchangeIn();
        Exchange exchange = createExchange(false);
        String replyTo = replyTo(message); // read once: a header lookup walks the frame's headers
        if (replyTo != null) {
            exchange.setPattern(ExchangePattern.InOut);
        }
        try {
            try {
                StompestMessageMapper.toCamel(message, exchange.getIn(), configuration().getHeaderFilterStrategy());
            } catch (Exception e) {
                StompestExchanges.unmappable(message, exchange, e, getExceptionHandler());
                return;
            }
            process(message, exchange, connection, replyTo);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void process(StompMessage message, Exchange exchange, StompConnection connection, String replyTo) {
        String transaction = null;
        try {
            if (configuration().isTransacted()) {
                transaction = connection.begin();
                exchange.setProperty(StompestConstants.TRANSACTION_PROPERTY, transaction);
                exchange.setProperty(StompestConstants.TRANSACTION_CONNECTION_PROPERTY, connection.id());
            }
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Throwable failure = exchange.getException();
        boolean transfer = failure != null && configuration().isTransferException() && replyTo != null;
        if ((failure == null && !exchange.isRollbackOnly()) || transfer) {
            try {
                if (replyTo != null && exchange.getPattern().isOutCapable()) {
                    StompestRequestReply.reply(message, exchange, transfer ? failure : null, transaction, connection,
                            configuration());
                }
                StompestExchanges.complete(message, transaction, connection, configuration().getReceiptTimeout());
                return;
            } catch (Exception e) {
                failure = StompestExchanges.unwrap(e);
            }
        }
        StompestExchanges.abort(transaction, connection, configuration().getReceiptTimeout());
        message.redeliver();
        if (failure != null) {
            getExceptionHandler().handleException("Cannot complete STOMP message " + message.messageId() + " from "
                    + message.destination(), exchange, failure);
        }
    }

}
