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

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.support.PollingConsumerSupport;
import org.stompest.client.PooledConnection;
import org.stompest.client.StompMessage;
import org.stompest.client.Subscription;
import org.stompest.client.SubscriptionOptions;
import org.stompest.protocol.StompSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code receive(timeout)} for {@code pollEnrich} and {@code ConsumerTemplate}: subscribes with
 * {@code client-individual} acks and a prefetch of one, hands out one message per receive and acknowledges exactly
 * what it hands out (as it hands it out). A message the subscription delivered but nobody received is never
 * acknowledged: it goes back to the broker when the consumer stops (UNSUBSCRIBE; RabbitMQ keeps it with the
 * connection until that closes).
 */
public class StompestPollingConsumer extends PollingConsumerSupport {
    private static final Logger LOG = LoggerFactory.getLogger(StompestPollingConsumer.class);

    private final BlockingQueue<StompMessage> handOff = new LinkedBlockingQueue<>();
    private volatile PooledConnection lease;
    private volatile Subscription subscription;

    public StompestPollingConsumer(StompestEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public StompestEndpoint getEndpoint() {
        return (StompestEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        lease = getEndpoint().leaseConnection();
        StompestConfiguration c = getEndpoint().getConfiguration();
        SubscriptionOptions options = SubscriptionOptions.builder().ackMode(StompSpec.ACK_CLIENT_INDIVIDUAL)
                .prefetch(1).selector(c.getSelector()).durableSubscriptionName(c.getDurableSubscriptionName())
                .headers(StompestConfiguration.stringMap(c.getSubscribeHeaders())).build();
        subscription = lease.connection().subscribe(getEndpoint().getStompDestination(), options, handOff::put);
    }

    @Override
    protected void doStop() throws Exception {
        Subscription s = subscription;
        subscription = null;
        if (s != null) {
            s.unsubscribe();
        }
        handOff.clear(); // never acknowledged: the broker delivers them again (RabbitMQ once the connection closes)
        PooledConnection l = lease;
        lease = null;
        if (l != null) {
            l.close();
        }
        super.doStop();
    }

    @Override
    public Exchange receive() {
        return receive(Long.MAX_VALUE);
    }

    @Override
    public Exchange receiveNoWait() {
        return receive(0);
    }

    @Override
    public Exchange receive(long timeout) {
        StompMessage message;
        try {
            message = timeout <= 0 ? handOff.poll() : handOff.poll(timeout, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (message == null) {
            return null;
        }
        Exchange exchange = getEndpoint().createExchange();
        StompestMessageMapper.toCamel(message, exchange.getIn(),
                getEndpoint().getConfiguration().getHeaderFilterStrategy());
        message.ack();
        LOG.debug("Handed out and acknowledged {} from {}", message.messageId(), message.destination());
        return exchange;
    }
}
