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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.PollingConsumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.stompest.client.PooledConnection;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.jmx.ConnectionMBeans;

/**
 * Send to and receive from STOMP brokers (ActiveMQ Artemis and Classic, RabbitMQ, ...) over pooled stompest
 * connections with heart-beats, failover and reconnect, receipts, client acknowledgements and transactions.
 *
 * <p>The path is the destination: queue:x and queue:/x mean /queue/x, topic:x
 * means /topic/x, anything else is the STOMP destination as it is (stompest:/exchange/amq.direct/k,
 * stompest:jms.queue.x).
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "stompest", title = "Stompest", syntax = "stompest:destination",
             category = { Category.MESSAGING }, headersClass = StompestConstants.class)
@ManagedResource(description = "Managed Stompest endpoint")
public class StompestEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final String QUEUE_PREFIX = "queue:";
    private static final String TOPIC_PREFIX = "topic:";

    @UriPath(description = "Where to send to or receive from: queue:name, topic:name or a STOMP destination as the"
                           + " broker names it (/queue/name, /exchange/amq.direct/key, jms.queue.name)")
    @Metadata(required = true)
    private String destination;
    @UriParam
    private StompestConfiguration configuration;

    private final AtomicLong exchangesIn = new AtomicLong();
    private final AtomicLong exchangesOut = new AtomicLong();
    private volatile StompConnection connection;

    public StompestEndpoint(String uri, StompestComponent component, String destination,
                            StompestConfiguration configuration) {
        super(uri, component);
        this.destination = destination;
        this.configuration = configuration;
    }

    @Override
    public StompestComponent getComponent() {
        return (StompestComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new StompestProducer(this);
    }

    @Override
    public PollingConsumer createPollingConsumer() throws Exception {
        StompestPollingConsumer consumer = new StompestPollingConsumer(this);
        configurePollingConsumer(consumer);
        return consumer;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        StompestConsumer consumer = new StompestConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The STOMP destination of a URI path: see the class comment. */
    public static String stompDestination(String path) {
        String name;
        String type;
        if (path == null) {
            return null;
        } else if (path.startsWith(QUEUE_PREFIX)) {
            type = "/queue/";
            name = path.substring(QUEUE_PREFIX.length());
        } else if (path.startsWith(TOPIC_PREFIX)) {
            type = "/topic/";
            name = path.substring(TOPIC_PREFIX.length());
        } else {
            return path;
        }
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        return name.isEmpty() ? null : type + name;
    }

    /** Checks every option (see {@link StompestConfiguration#validate(String)}). */
    void validate() {
        if (stompDestination(destination) == null || destination.isBlank()) {
            throw StompestConfiguration.invalid("destination", destination,
                    "queue:name, topic:name or a STOMP destination such as /queue/name");
        }
        configuration.validate(getStompDestination());
    }

    /** The connection settings of this endpoint: the pool key. */
    StompConfig createStompConfig() throws Exception {
        SSLContextParameters ssl = configuration.getSslContextParameters();
        return configuration.toStompConfig(ssl == null ? null : getComponent().sslContext(ssl));
    }

    /** Leases a connection from the component's pool; the caller closes the lease. */
    PooledConnection leaseConnection() throws Exception {
        PooledConnection lease = getComponent().connectionPool().lease(createStompConfig());
        connection = lease.connection();
        return lease;
    }

    void exchangeIn() {
        exchangesIn.incrementAndGet();
    }

    void exchangeOut() {
        exchangesOut.incrementAndGet();
    }

    public String getDestination() {
        return destination;
    }

    /** The destination as written in the URI. */
    public void setDestination(String destination) {
        this.destination = destination;
    }

    public StompestConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(StompestConfiguration configuration) {
        this.configuration = configuration;
    }

    @ManagedAttribute(description = "The destination as written in the URI")
    public String getUriDestination() {
        return destination;
    }

    @ManagedAttribute(description = "The STOMP destination")
    public String getStompDestination() {
        return stompDestination(destination);
    }

    @ManagedAttribute(description = "The ack mode of consumers")
    public String getAckMode() {
        return configuration.getAckMode();
    }

    @ManagedAttribute(description = "The failover URI")
    public String getFailover() {
        return configuration.getFailover();
    }

    @ManagedAttribute(description = "The state of the STOMP connection (NONE before the first lease)")
    public String getConnectionState() {
        StompConnection c = connection;
        return c == null ? "NONE" : c.state().name();
    }

    @ManagedAttribute(description = "The JMX ObjectName of the STOMP connection (null before the first lease)")
    public String getConnectionObjectName() {
        StompConnection c = connection;
        return c == null ? null : ConnectionMBeans.objectName(c).toString();
    }

    @ManagedAttribute(description = "Exchanges created by consumers of this endpoint")
    public long getExchangesIn() {
        return exchangesIn.get();
    }

    @ManagedAttribute(description = "Exchanges sent by producers of this endpoint")
    public long getExchangesOut() {
        return exchangesOut.get();
    }

    /**
     * The STOMP connection the last consumer or producer of this endpoint leased (null before): for monitoring and
     * tests. Do not close it: the pool owns it.
     */
    public StompConnection connection() {
        return connection;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getFailover();
    }

    @Override
    public String getServiceProtocol() {
        return "stomp";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("destination", getStompDestination());
        return metadata;
    }
}
