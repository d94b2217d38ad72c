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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
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
import org.stompest.client.BrokerProfile;
import org.stompest.client.ConnectionPool;
import org.stompest.client.PooledConnection;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.jmx.ConnectionMBeans;
import org.stompest.protocol.StompFailoverUri;

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
public class StompestEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    private static final String STARTUP_ATTEMPTS = "startupMaxReconnectAttempts";
    private static final String MAX_DELAY = "maxReconnectDelay";
    static final long DEFAULT_MAX_DELAY_MILLIS = 500;
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

    /**
     * Checks every option and throws IllegalArgumentException naming the first bad one, its value and what
     * it accepts.
     */
    void validate() {
        StompestConfiguration c = configuration;
        if (stompDestination(destination) == null || destination.isBlank()) {
            throw invalid("destination", destination,
                    "queue:name, topic:name or a STOMP destination such as /queue/name");
        }
        if (c.getFailover() == null || c.getFailover().isBlank()) {
            throw invalid("failover", c.getFailover(),
                    "tcp://host:port, ssl://host:port or failover:(tcp://host:port,...)?option=value,...");
        }
        try {
            new StompFailoverUri(c.getFailover());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid option failover: " + e.getMessage()
                    + " [accepted values: tcp://host:port, ssl://host:port or"
                    + " failover:(tcp://host:port,...)?option=value,...]", e);
        }
        if (!List.of(StompestConfiguration.VERSIONS.split(",")).contains(c.getVersion())) {
            throw invalid("version", c.getVersion(), "1.0, 1.1, 1.2");
        }
        heartBeats(c.getHeartBeats());
        if (!(c.getHeartBeatTolerance() >= 1.0) || Double.isInfinite(c.getHeartBeatTolerance())) {
            throw invalid("heartBeatTolerance", c.getHeartBeatTolerance(), "a number >= 1.0");
        }
        positive("connectTimeout", c.getConnectTimeout(), "a duration > 0");
        positive("connectedTimeout", c.getConnectedTimeout(), "a duration > 0");
        positive("poolSize", c.getPoolSize(), "a whole number >= 1");
        String ackMode = c.getAckMode();
        if (!StompestConfiguration.ACK_AUTO.equals(ackMode) && !StompestConfiguration.ACK_CLIENT.equals(ackMode)
                && !StompestConfiguration.ACK_CLIENT_INDIVIDUAL.equals(ackMode)) {
            throw invalid("ackMode", ackMode, "auto, client, client-individual");
        }
        positive("concurrentConsumers", c.getConcurrentConsumers(), "a whole number >= 1");
        if (StompestConfiguration.ACK_CLIENT.equals(ackMode) && c.getConcurrentConsumers() > 1) {
            throw new IllegalArgumentException("Invalid options ackMode=client with concurrentConsumers="
                    + c.getConcurrentConsumers() + ": a cumulative ACK of one thread's message would acknowledge"
                    + " messages other threads are still processing [use ackMode=client-individual, or"
                    + " concurrentConsumers=1]");
        }
        if (c.getPrefetch() < 0) {
            throw invalid("prefetch", c.getPrefetch(), "a whole number >= 0 (0: the broker's default)");
        }
        if (c.getBrokerProfile() != null
                && !List.of(StompestConfiguration.BROKER_PROFILES.split(",")).contains(c.getBrokerProfile())) {
            throw invalid("brokerProfile", c.getBrokerProfile(), StompestConfiguration.BROKER_PROFILES);
        }
        if (c.getDurableSubscriptionName() != null && getStompDestination().startsWith("/queue/")) {
            throw invalid("durableSubscriptionName", c.getDurableSubscriptionName(),
                    "a name, on a topic destination only (" + getStompDestination() + " is a queue)");
        }
        positive("receiptTimeout", c.getReceiptTimeout(), "a duration > 0");
        positive("requestTimeout", c.getRequestTimeout(), "a duration > 0");
    }

    private static void positive(String option, long value, String accepted) {
        if (value <= 0) {
            throw invalid(option, value, accepted);
        }
    }

    private static IllegalArgumentException invalid(String option, Object value, String accepted) {
        return new IllegalArgumentException(
                "Invalid option " + option + ": " + value + " [accepted values: " + accepted + "]");
    }

    /** cx,cy → the two numbers; throws naming the option otherwise. */
    static int[] heartBeats(String text) {
        String accepted = "cx,cy: two whole numbers of milliseconds >= 0, such as 10000,10000";
        if (text == null) {
            throw invalid("heartBeats", null, accepted);
        }
        int comma = text.indexOf(',');
        if (comma < 0 || text.indexOf(',', comma + 1) >= 0) {
            throw invalid("heartBeats", text, accepted);
        }
        try {
            int cx = Integer.parseInt(text.substring(0, comma).trim());
            int cy = Integer.parseInt(text.substring(comma + 1).trim());
            if (cx < 0 || cy < 0) {
                throw invalid("heartBeats", text, accepted);
            }
            return new int[] { cx, cy };
        } catch (NumberFormatException e) {
            throw invalid("heartBeats", text, accepted);
        }
    }

    /** The connection settings of this endpoint: the pool key. */
    StompConfig createStompConfig() throws Exception {
        StompestConfiguration c = configuration;
        int[] beats = heartBeats(c.getHeartBeats());
        StompConfig.Builder builder = StompConfig.builder()
                .failover(effectiveFailover(c.getFailover()))
                .login(c.getLogin())
                .passcode(c.getPasscode())
                .host(c.getHost())
                .version(c.getVersion())
                .heartBeats(beats[0], beats[1])
                .heartBeatTolerance(c.getHeartBeatTolerance())
                .connectTimeout(Duration.ofMillis(c.getConnectTimeout()))
                .connectedTimeout(Duration.ofMillis(c.getConnectedTimeout()))
                .maxConnections(c.getPoolSize());
        if (c.getSslContextParameters() != null) {
            builder.sslContext(getComponent().sslContext(c.getSslContextParameters()));
        }
        Map<String, String> connectHeaders = stringMap(c.getConnectHeaders());
        if (c.getClientId() != null) {
            connectHeaders.put("client-id", c.getClientId());
        }
        builder.connectHeaders(connectHeaders);
        if (c.getBrokerProfile() != null) {
            builder.brokerProfile(BrokerProfile.valueOf(c.getBrokerProfile().toUpperCase(Locale.ROOT)));
        }
        return builder.build();
    }

    /**
     * The failover URI the connection uses: as written, plus two defaults unless the URI sets them:
     * startupMaxReconnectAttempts=-1, so that a route whose broker is down at startup keeps connecting in the
     * background (the stompest default, 0, would give up after the first attempt), and maxReconnectDelay=500, so
     * that traffic resumes within a second of the broker coming back (the stompest default lets the back-off grow
     * to 30 s).
     */
    static String effectiveFailover(String failover) {
        StringBuilder effective = new StringBuilder(failover);
        int question = failover.indexOf('?');
        for (String option : new String[] {STARTUP_ATTEMPTS + "=-1", MAX_DELAY + "=" + DEFAULT_MAX_DELAY_MILLIS}) {
            String name = option.substring(0, option.indexOf('='));
            if (question < 0 || failover.indexOf(name, question) < 0) {
                effective.append(effective.indexOf("?") >= 0 ? ',' : '?').append(option);
            }
        }
        return effective.toString();
    }

    static Map<String, String> stringMap(Map<String, Object> map) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((name, value) -> {
                if (value != null) {
                    strings.put(name, value.toString());
                }
            });
        }
        return strings;
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
