package org.stompest.camel;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.DefaultConsumer;
import org.stompest.camel.StompestMessageMapper.Outgoing;
import org.stompest.client.PooledConnection;
import org.stompest.client.StompConnection;
import org.stompest.client.StompMessage;
import org.stompest.client.Subscription;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.jmx.ConnectionMBeans;
import org.stompest.protocol.StompSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the endpoint's destination on a pooled connection and turns each MESSAGE into an exchange.
 *
 * <ol>
 * <li>Start: lease a connection (it connects in the background if the broker is not there yet) and subscribe; the
 * connection replays the subscription after every reconnect, so the consumer resumes by itself.</li>
 * <li>Each MESSAGE runs on the subscription's executor ({@code concurrentConsumers} threads): transacted, BEGIN
 * first and put the transaction id on the exchange; then route the exchange.</li>
 * <li>Success: an InOut exchange sends its reply to {@code reply-to}; then ACK (in the transaction), then COMMIT.</li>
 * <li>Failure: ABORT; the message stays unacknowledged and the consumer subscribes anew, which makes the broker
 * deliver it again (its redelivery count and dead-letter policy apply). A NACK would not do: ActiveMQ Artemis
 * treats NACK as ACK and drops the message, ActiveMQ Classic moves it to its dead-letter queue.</li>
 * <li>Stop: no new exchanges; wait for those in flight, then unsubscribe and release the connection.</li>
 * </ol>
 * With {@code concurrentConsumers > 1}, messages other threads were processing when the consumer subscribed anew
 * come again too (at-least-once).
 */
@ManagedResource(description = "Managed Stompest consumer")
public class StompestConsumer extends DefaultConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(StompestConsumer.class);
    private static final long STOP_WAIT_MILLIS = 30_000;

    /** Read: ACKs (they must name the current subscription). Write: replacing the subscription. */
    private final ReadWriteLock subscriptionLock = new ReentrantReadWriteLock();
    private final Object inflightLock = new Object();
    private int inflight;
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

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        lease = getEndpoint().leaseConnection();
        subscription = subscribe(lease.connection());
        if (getEndpoint().getComponent().isHealthCheckConsumerEnabled()) {
            setHealthCheck(new StompestConsumerHealthCheck(this, getRouteId()));
        }
    }

    private Subscription subscribe(StompConnection connection) {
        StompestConfiguration c = configuration();
        SubscriptionOptions options = SubscriptionOptions.builder()
                .ackMode(c.getAckMode())
                .headers(StompestEndpoint.stringMap(c.getSubscribeHeaders()))
                .selector(c.getSelector())
                .concurrency(c.getConcurrentConsumers())
                .build();
        Subscription s = connection.subscribe(getEndpoint().getStompDestination(), options, this::onMessage);
        LOG.debug("Subscribed to {} [id={}, ackMode={}, connection={}]", s.destination(), s.id(), c.getAckMode(),
                connection.id());
        return s;
    }

    @Override
    protected void doStop() throws Exception {
        awaitInflight();
        subscriptionLock.writeLock().lock();
        try {
            Subscription s = subscription;
            subscription = null;
            if (s != null) {
                s.unsubscribe();
            }
        } finally {
            subscriptionLock.writeLock().unlock();
        }
        PooledConnection l = lease;
        lease = null;
        if (l != null) {
            l.close();
        }
        super.doStop();
    }

    /** Waits (bounded) until the exchanges this consumer started are done, so that their ACKs still go out. */
    private void awaitInflight() throws InterruptedException {
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        synchronized (inflightLock) {
            while (inflight > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    LOG.warn("Stopping with {} exchanges in flight: their messages will be redelivered", inflight);
                    return;
                }
                inflightLock.wait(left);
            }
        }
    }

    /** The connection of this consumer, or null when stopped. */
    StompConnection connection() {
        PooledConnection l = lease;
        return l == null ? null : l.connection();
    }

    Subscription subscription() {
        return subscription;
    }

    private void onMessage(StompMessage message) {
        PooledConnection l = lease;
        synchronized (inflightLock) {
            if (l == null || !isRunAllowed()) {
                LOG.debug("Stopping: message {} stays unacknowledged for redelivery", message.messageId());
                return;
            }
            inflight++;
        }
        try {
            handle(message, l.connection());
        } finally {
            synchronized (inflightLock) {
                inflight--;
                inflightLock.notifyAll();
            }
        }
    }

    private void handle(StompMessage message, StompConnection connection) {
        getEndpoint().exchangeIn();
        Exchange exchange = createExchange(false);
        try {
            try {
                StompestMessageMapper.toCamel(message, exchange.getIn(), configuration().getHeaderFilterStrategy());
            } catch (Exception e) {
                exchange.setException(e);
                getExceptionHandler().handleException("Cannot turn STOMP message " + message.messageId() + " from "
                        + message.destination() + " into an exchange", exchange, e);
                // handled by a bridged error handler: done with it; otherwise the broker delivers it again
                if (exchange.getException() == null || exchange.getExchangeExtension().isErrorHandlerHandled()) {
                    acknowledge(message, null);
                } else {
                    redeliver(message, connection);
                }
                return;
            }
            process(message, exchange, connection);
        } catch (RuntimeException e) {
            LOG.warn("Cannot settle STOMP message {} from {}: {}", message.messageId(), message.destination(),
                    e.getMessage());
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void process(StompMessage message, Exchange exchange, StompConnection connection) {
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
        if (exchange.getException() == null && !exchange.isRollbackOnly()) {
            try {
                if (exchange.getPattern().isOutCapable()) {
                    reply(message, exchange, transaction, connection);
                }
                acknowledge(message, transaction);
                if (transaction != null) {
                    connection.commit(transaction).get(configuration().getReceiptTimeout(), TimeUnit.MILLISECONDS);
                }
            } catch (Exception e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                abort(transaction, connection);
                redeliver(message, connection);
                getExceptionHandler().handleException("Cannot complete STOMP message " + message.messageId()
                        + " from " + message.destination(), exchange, cause);
            }
        } else {
            abort(transaction, connection);
            redeliver(message, connection);
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing exchange", exchange,
                        exchange.getException());
            }
        }
    }

    /**
     * ACK (in the transaction, if any). A message of a subscription the consumer has replaced is not acknowledged:
     * the broker delivers it again anyway.
     */
    private void acknowledge(StompMessage message, String transaction) {
        if (StompSpec.ACK_AUTO.equals(configuration().getAckMode())) {
            return;
        }
        subscriptionLock.readLock().lock();
        try {
            Subscription current = subscription;
            if (current == null || !current.id().equals(message.subscriptionId())) {
                LOG.debug("Message {} belongs to replaced subscription {}: not acknowledged, it comes again",
                        message.messageId(), message.subscriptionId());
                return;
            }
            if (transaction == null) {
                message.ack();
            } else {
                message.ack(transaction);
            }
        } finally {
            subscriptionLock.readLock().unlock();
        }
    }

    /**
     * Makes the broker deliver an unacknowledged message again: unsubscribe (the broker takes back what the
     * subscription has not acknowledged) and subscribe anew. Nothing to do with {@code ackMode=auto}: the message is
     * gone.
     */
    private void redeliver(StompMessage message, StompConnection connection) {
        if (StompSpec.ACK_AUTO.equals(configuration().getAckMode())) {
            return;
        }
        subscriptionLock.writeLock().lock();
        try {
            Subscription current = subscription;
            if (current == null || !current.id().equals(message.subscriptionId()) || !isRunAllowed()) {
                return; // already replaced (or stopping): the message comes again anyway
            }
            LOG.debug("Message {} failed: subscribing to {} anew for its redelivery", message.messageId(),
                    current.destination());
            current.unsubscribe();
            subscription = subscribe(connection);
        } finally {
            subscriptionLock.writeLock().unlock();
        }
    }

    private void abort(String transaction, StompConnection connection) {
        if (transaction == null) {
            return;
        }
        try {
            connection.abort(transaction).get(configuration().getReceiptTimeout(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            LOG.warn("Cannot ABORT STOMP transaction {}: {}", transaction, cause.getMessage());
        }
    }

    /** Sends the exchange's message to the request's {@code reply-to}, with its {@code correlation-id}. */
    private void reply(StompMessage request, Exchange exchange, String transaction, StompConnection connection)
            throws Exception {
        String replyTo = request.headers().get(StompestConstants.REPLY_TO);
        if (replyTo == null) {
            return;
        }
        StompestConfiguration c = configuration();
        Outgoing out = StompestMessageMapper.toStomp(exchange.getMessage(), null, c.getHeaderFilterStrategy());
        Map<String, String> headers = new LinkedHashMap<>(out.headers());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase(StompestConstants.REPLY_TO)
                || name.equalsIgnoreCase(StompestConstants.CORRELATION_ID));
        String correlationId = request.headers().get(StompestConstants.CORRELATION_ID);
        if (correlationId != null) {
            headers.put(StompestConstants.CORRELATION_ID, correlationId);
        }
        if (c.isReceipt()) {
            connection.sendWithReceipt(replyTo, out.body(), headers, transaction,
                    Duration.ofMillis(c.getReceiptTimeout())).get(c.getReceiptTimeout(), TimeUnit.MILLISECONDS);
        } else {
            connection.send(replyTo, out.body(), headers, transaction);
        }
    }
}
