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

import javax.net.ssl.SSLContext;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.stompest.client.BrokerProfile;
import org.stompest.client.StompConfig;
import org.stompest.client.SubscriptionOptions;
import org.stompest.protocol.StompFailoverUri;
import org.stompest.protocol.StompSpec;

/**
 * The options of a stompest: endpoint. The component holds one instance as the defaults; each endpoint
 * gets a #copy() and overrides what its URI says.
 *
 * <p>Connection options (everything labelled common or security, plus heartBeatTolerance,
 * connectTimeout, connectedTimeout, poolSize and connectHeaders) make up the pool key: endpoints that agree
 * on them share one pooled STOMP connection. Consumer and producer options never split a connection.
 */
@UriParams
public class StompestConfiguration implements Cloneable, HeaderFilterStrategyAware {

    public static final String DEFAULT_FAILOVER = "tcp://localhost:61613";
    public static final String DEFAULT_VERSION = "1.2";
    public static final String DEFAULT_HOST = "/";
    public static final String VERSIONS = "1.0,1.1,1.2";
    public static final String DEFAULT_HEART_BEATS = "10000,10000";
    public static final double DEFAULT_HEART_BEAT_TOLERANCE = 2.0;
    public static final long DEFAULT_CONNECT_TIMEOUT = 10000;
    public static final long DEFAULT_CONNECTED_TIMEOUT = 10000;
    public static final int DEFAULT_POOL_SIZE = 1;
    public static final String ACK_AUTO = "auto";
    public static final String ACK_CLIENT = "client";
    public static final String ACK_CLIENT_INDIVIDUAL = "client-individual";
    public static final String ACK_MODES = ACK_AUTO + "," + ACK_CLIENT + "," + ACK_CLIENT_INDIVIDUAL;
    public static final String DEFAULT_ACK_MODE = ACK_CLIENT_INDIVIDUAL;
    public static final int DEFAULT_CONCURRENT_CONSUMERS = 1;
    public static final boolean DEFAULT_TRANSACTED = false;
    public static final boolean DEFAULT_RECEIPT = true;
    public static final long DEFAULT_RECEIPT_TIMEOUT = 30000;
    public static final long DEFAULT_REQUEST_TIMEOUT = 20000;
    public static final boolean DEFAULT_PERSISTENT = true;
    public static final int DEFAULT_PREFETCH = SubscriptionOptions.DEFAULT_PREFETCH;
    public static final boolean DEFAULT_DISABLE_REPLY_TO = false;
    public static final boolean DEFAULT_TRANSFER_EXCEPTION = false;
    public static final String BROKER_PROFILES = "artemis,classic,rabbitmq,generic";
    private static final String STARTUP_ATTEMPTS = "startupMaxReconnectAttempts";
    private static final String MAX_DELAY = "maxReconnectDelay";
    static final long DEFAULT_MAX_DELAY_MILLIS = 500;

    // connection
    @UriParam(label = "common", defaultValue = DEFAULT_FAILOVER)
    private String failover = DEFAULT_FAILOVER;
    @UriParam(label = "security", secret = true)
    private String login;
    @UriParam(label = "security", secret = true)
    private String passcode;
    @UriParam(label = "common", defaultValue = DEFAULT_HOST)
    private String host = DEFAULT_HOST;
    @UriParam(label = "common", defaultValue = DEFAULT_VERSION, enums = VERSIONS)
    private String version = DEFAULT_VERSION;
    @UriParam(label = "common", defaultValue = DEFAULT_HEART_BEATS)
    private String heartBeats = DEFAULT_HEART_BEATS;
    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_HEART_BEAT_TOLERANCE)
    private double heartBeatTolerance = DEFAULT_HEART_BEAT_TOLERANCE;
    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_CONNECT_TIMEOUT, javaType = "java.time.Duration")
    private long connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_CONNECTED_TIMEOUT, javaType = "java.time.Duration")
    private long connectedTimeout = DEFAULT_CONNECTED_TIMEOUT;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_POOL_SIZE)
    private int poolSize = DEFAULT_POOL_SIZE;
    @UriParam(label = "advanced", prefix = "connectHeaders.", multiValue = true)
    private Map<String, Object> connectHeaders;
    @UriParam(label = "common")
    private String clientId;
    @UriParam(label = "advanced", enums = BROKER_PROFILES)
    private String brokerProfile;

    // consumer
    @UriParam(label = "consumer", defaultValue = DEFAULT_ACK_MODE, enums = ACK_MODES)
    private String ackMode = DEFAULT_ACK_MODE;
    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_CONCURRENT_CONSUMERS)
    private int concurrentConsumers = DEFAULT_CONCURRENT_CONSUMERS;
    @UriParam(label = "consumer")
    private String selector;
    @UriParam(label = "consumer,advanced", prefix = "subscribeHeaders.", multiValue = true)
    private Map<String, Object> subscribeHeaders;
    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_TRANSACTED)
    private boolean transacted = DEFAULT_TRANSACTED;
    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_PREFETCH)
    private int prefetch = DEFAULT_PREFETCH;
    @UriParam(label = "consumer")
    private String durableSubscriptionName;
    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_DISABLE_REPLY_TO)
    private boolean disableReplyTo = DEFAULT_DISABLE_REPLY_TO;

    // producer
    @UriParam(label = "producer", defaultValue = "" + DEFAULT_RECEIPT)
    private boolean receipt = DEFAULT_RECEIPT;
    @UriParam(label = "producer", defaultValue = "" + DEFAULT_RECEIPT_TIMEOUT, javaType = "java.time.Duration")
    private long receiptTimeout = DEFAULT_RECEIPT_TIMEOUT;
    @UriParam(label = "producer,advanced", prefix = "sendHeaders.", multiValue = true)
    private Map<String, Object> sendHeaders;
    @UriParam(label = "producer", defaultValue = "" + DEFAULT_REQUEST_TIMEOUT, javaType = "java.time.Duration")
    private long requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    @UriParam(label = "producer,advanced")
    private String replyTo;
    @UriParam(label = "producer", defaultValue = "" + DEFAULT_PERSISTENT)
    private boolean persistent = DEFAULT_PERSISTENT;
    @UriParam(label = "producer", enums = StompestRequestReply.REPLY_TO_TYPES)
    private String replyToType;

    // both
    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_TRANSFER_EXCEPTION)
    private boolean transferException = DEFAULT_TRANSFER_EXCEPTION;

    @UriParam(label = "advanced")
    private HeaderFilterStrategy headerFilterStrategy = new StompestHeaderFilterStrategy();

    /** A copy for one endpoint: the header maps are copied too, so an endpoint never changes the defaults. */
    public StompestConfiguration copy() {
        try {
            StompestConfiguration copy = (StompestConfiguration) clone();
            copy.connectHeaders = copyOf(connectHeaders);
            copy.subscribeHeaders = copyOf(subscribeHeaders);
            copy.sendHeaders = copyOf(sendHeaders);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    private static Map<String, Object> copyOf(Map<String, Object> map) {
        return map == null ? null : new LinkedHashMap<>(map);
    }

    /**
     * Checks every option and throws IllegalArgumentException naming the first bad one, its value and what
     * it accepts; {@code stompDestination} is the endpoint's (durable subscriptions need a topic).
     */
    void validate(String stompDestination) {
        StompestConfiguration c = this;
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
        if (!List.of(VERSIONS.split(",")).contains(c.getVersion())) {
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
        if (!ACK_AUTO.equals(ackMode) && !ACK_CLIENT.equals(ackMode)
                && !ACK_CLIENT_INDIVIDUAL.equals(ackMode)) {
            throw invalid("ackMode", ackMode, "auto, client, client-individual");
        }
        positive("concurrentConsumers", c.getConcurrentConsumers(), "a whole number >= 1");
        if (ACK_CLIENT.equals(ackMode) && c.getConcurrentConsumers() > 1) {
            throw new IllegalArgumentException("Invalid options ackMode=client with concurrentConsumers="
                    + c.getConcurrentConsumers() + ": a cumulative ACK of one thread's message would acknowledge"
                    + " messages other threads are still processing [use ackMode=client-individual, or"
                    + " concurrentConsumers=1]");
        }
        if (c.getPrefetch() < 0) {
            throw invalid("prefetch", c.getPrefetch(), "a whole number >= 0 (0: the broker's default)");
        }
        if (c.getBrokerProfile() != null
                && !List.of(BROKER_PROFILES.split(",")).contains(c.getBrokerProfile())) {
            throw invalid("brokerProfile", c.getBrokerProfile(), BROKER_PROFILES);
        }
        if (c.getDurableSubscriptionName() != null && stompDestination.startsWith("/queue/")) {
            throw invalid("durableSubscriptionName", c.getDurableSubscriptionName(),
                    "a name, on a topic destination only (" + stompDestination + " is a queue)");
        }
        positive("receiptTimeout", c.getReceiptTimeout(), "a duration > 0");
        positive("requestTimeout", c.getRequestTimeout(), "a duration > 0");
        String replyType = c.getReplyToType();
        if (replyType != null && !List.of(StompestRequestReply.REPLY_TO_TYPES.split(",")).contains(replyType)) {
            throw invalid("replyToType", replyType, StompestRequestReply.REPLY_TO_TYPES);
        }
        if (c.getReplyTo() == null && (StompestRequestReply.SHARED.equals(replyType)
                                       || StompestRequestReply.EXCLUSIVE.equals(replyType))) {
            throw invalid("replyToType", replyType, "temporary; shared and exclusive need the replyTo option");
        }
    }

    private static void positive(String option, long value, String accepted) {
        if (value <= 0) {
            throw invalid(option, value, accepted);
        }
    }

    static IllegalArgumentException invalid(String option, Object value, String accepted) {
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

    /** The client's connection settings (the pool key); {@code sslContext} for ssl:// brokers, or null. */
    StompConfig toStompConfig(SSLContext sslContext) {
        StompestConfiguration c = this;
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
        if (sslContext != null) {
            builder.sslContext(sslContext);
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

    /** The client's subscription options of a consumer. */
    SubscriptionOptions subscriptionOptions() {
        StompestConfiguration c = this;
        boolean ackOnTake = ACK_AUTO.equals(c.getAckMode());
        Map<String, String> headers = stringMap(c.getSubscribeHeaders());
        if (c.getDurableSubscriptionName() != null) {
            headers.putIfAbsent(StompSpec.ID_HEADER, c.getDurableSubscriptionName()); // RabbitMQ names the queue by it
        }
        return SubscriptionOptions.builder()
                .ackMode(ackOnTake ? StompSpec.ACK_CLIENT_INDIVIDUAL : c.getAckMode())
                .prefetch(c.getPrefetch())
                .durableSubscriptionName(c.getDurableSubscriptionName())
                .headers(headers)
                .selector(c.getSelector())
                .concurrency(c.getConcurrentConsumers())
                .build();
    }

    public String getFailover() {
        return failover;
    }

    /**
     * The broker(s) to connect to: tcp://host:port, ssl://host:port, or a failover URI: failover:(broker,broker,...)
     * followed by a question mark and options such as randomize=false,maxReconnectAttempts=3 (initialReconnectDelay,
     * maxReconnectDelay, useExponentialBackOff, backOffMultiplier, maxReconnectAttempts,
     * startupMaxReconnectAttempts, reconnectDelayJitter, randomize, priorityBackup). It may be written into the
     * endpoint URI as it is, unencoded. Unlike plain stompest, startupMaxReconnectAttempts defaults to -1 here: a route
     * whose broker is down at startup keeps connecting in the background.
     */
    public void setFailover(String failover) {
        this.failover = failover;
    }

    public String getLogin() {
        return login;
    }

    /** The login of the CONNECT frame. */
    public void setLogin(String login) {
        this.login = login;
    }

    public String getPasscode() {
        return passcode;
    }

    /** The passcode of the CONNECT frame. */
    public void setPasscode(String passcode) {
        this.passcode = passcode;
    }

    public String getHost() {
        return host;
    }

    /**
     * The virtual host: the host header of the CONNECT frame. RabbitMQ reads it as its virtual host (its default is
     * /, and it refuses an empty one); ActiveMQ Artemis and Classic ignore it.
     */
    public void setHost(String host) {
        this.host = host;
    }

    public String getVersion() {
        return version;
    }

    /** The highest STOMP version to offer: every version up to it is offered, the broker picks one. */
    public void setVersion(String version) {
        this.version = version;
    }

    public String getHeartBeats() {
        return heartBeats;
    }

    /**
     * The heart-beats offered, cx,cy in milliseconds: how often we can send one, and how often we want one
     * from the broker (0,0 for none).
     */
    public void setHeartBeats(String heartBeats) {
        this.heartBeats = heartBeats;
    }

    public double getHeartBeatTolerance() {
        return heartBeatTolerance;
    }

    /**
     * How many negotiated broker heart-beat periods of silence make a connection count as lost (at least 1).
     */
    public void setHeartBeatTolerance(double heartBeatTolerance) {
        this.heartBeatTolerance = heartBeatTolerance;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long one TCP connect attempt may take, in milliseconds. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getConnectedTimeout() {
        return connectedTimeout;
    }

    /**
     * How long one connect attempt waits for the broker's CONNECTED frame after sending CONNECT, in milliseconds;
     * then the attempt fails and the failover transport tries again.
     */
    public void setConnectedTimeout(long connectedTimeout) {
        this.connectedTimeout = connectedTimeout;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** The TLS settings for ssl:// brokers. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public int getPoolSize() {
        return poolSize;
    }

    /**
     * How many STOMP connections endpoints with the same connection options share; each consumer or producer takes
     * the least used one. A transacted route and the producers that send in its transactions need the same
     * connection: keep 1 for them.
     */
    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    public Map<String, Object> getConnectHeaders() {
        return connectHeaders;
    }

    /** Extra headers of the CONNECT frame, as connectHeaders.name=value. */
    public void setConnectHeaders(Map<String, Object> connectHeaders) {
        this.connectHeaders = connectHeaders;
    }

    public String getAckMode() {
        return ackMode;
    }

    /**
     * How received messages are acknowledged. client-individual: an ACK once the exchange completed; when it failed
     * the broker delivers the message again (with its redelivery count and dead-letter policy): the consumer
     * subscribes anew, or NACKs where the broker requeues NACKed messages (RabbitMQ). On a non-durable topic a failed
     * message is NACKed and does not come again (at-most-once: use durableSubscriptionName). client: the same, with a
     * cumulative ACK, so only with concurrentConsumers=1. auto: the message is acknowledged when a consumer thread
     * takes it, before the route runs: a failed exchange loses it (messages not yet taken when the route stops stay
     * with the broker).
     */
    public void setAckMode(String ackMode) {
        this.ackMode = ackMode;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    /** How many threads process the messages of the subscription (order is kept only with 1). */
    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public String getSelector() {
        return selector;
    }

    /** A message selector (the SUBSCRIBE's selector header), for brokers that support one. */
    public void setSelector(String selector) {
        this.selector = selector;
    }

    public Map<String, Object> getSubscribeHeaders() {
        return subscribeHeaders;
    }

    /** Extra headers of the SUBSCRIBE frame, as subscribeHeaders.name=value. */
    public void setSubscribeHeaders(Map<String, Object> subscribeHeaders) {
        this.subscribeHeaders = subscribeHeaders;
    }

    public int getPrefetch() {
        return prefetch;
    }

    /**
     * How many unacknowledged messages the broker may send the consumer ahead of the route (flow control). Each
     * broker gets its own header: activemq.prefetchSize on ActiveMQ Classic, prefetch-count on RabbitMQ,
     * consumer-window-size on ActiveMQ Artemis (in bytes: prefetch x 1 KiB). 0 leaves it to the broker.
     */
    public void setPrefetch(int prefetch) {
        this.prefetch = prefetch;
    }

    public String getDurableSubscriptionName() {
        return durableSubscriptionName;
    }

    /**
     * The name of a durable topic subscription: the broker keeps what is published while the consumer is away, and
     * failed messages come again. Needs clientId on ActiveMQ Artemis and Classic. Sent as durable-subscription-name
     * (Artemis), activemq.subscriptionName (Classic) or durable:true with auto-delete:false (RabbitMQ).
     */
    public void setDurableSubscriptionName(String durableSubscriptionName) {
        this.durableSubscriptionName = durableSubscriptionName;
    }

    public String getClientId() {
        return clientId;
    }

    /**
     * The client-id header of the CONNECT frame: the identity under which ActiveMQ Artemis and Classic keep durable
     * topic subscriptions. A broker accepts one connection per client id at a time.
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getBrokerProfile() {
        return brokerProfile;
    }

    /**
     * Forces the broker profile (artemis, classic, rabbitmq or generic) that decides how prefetch, durable
     * subscriptions, redelivery and routing headers are expressed. By default it follows the server header of the
     * broker's CONNECTED frame.
     */
    public void setBrokerProfile(String brokerProfile) {
        this.brokerProfile = brokerProfile;
    }

    public boolean isPersistent() {
        return persistent;
    }

    /**
     * Whether messages are sent persistent:true, so the broker keeps them on disk and they survive a broker restart
     * (a RECEIPT then means stored). false sends them as the broker's default, which for ActiveMQ Artemis, Classic
     * and RabbitMQ is in memory only. A persistent header of the message or of sendHeaders wins.
     */
    public void setPersistent(boolean persistent) {
        this.persistent = persistent;
    }

    public boolean isTransacted() {
        return transacted;
    }

    /**
     * Whether each exchange runs in a STOMP transaction: BEGIN before, then the ACK and every send that stompest:
     * producers on the same connection make for the exchange, then COMMIT when it succeeded, or ABORT (and the
     * message comes again) when it failed. ActiveMQ Artemis ignores the transaction of an ACK, so there the ACK is
     * sent after the COMMIT's receipt instead (a crash in between gives a duplicate, never a loss).
     */
    public void setTransacted(boolean transacted) {
        this.transacted = transacted;
    }

    public boolean isReceipt() {
        return receipt;
    }

    /**
     * Whether every SEND asks for a RECEIPT: the exchange completes when the broker confirms it (or fails with the
     * broker's ERROR), while further exchanges are sent meanwhile. Without it a SEND is fire and forget.
     */
    public void setReceipt(boolean receipt) {
        this.receipt = receipt;
    }

    public long getReceiptTimeout() {
        return receiptTimeout;
    }

    /**
     * How long a SEND waits for its RECEIPT before the exchange fails, in milliseconds; while the connection is
     * (re)connecting, a SEND first waits up to as long for it.
     */
    public void setReceiptTimeout(long receiptTimeout) {
        this.receiptTimeout = receiptTimeout;
    }

    public Map<String, Object> getSendHeaders() {
        return sendHeaders;
    }

    /** Extra headers of every SEND frame, as sendHeaders.name=value (message headers win). */
    public void setSendHeaders(Map<String, Object> sendHeaders) {
        this.sendHeaders = sendHeaders;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * How long an InOut exchange waits for its reply before it fails with an ExchangeTimedOutException, in
     * milliseconds.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getReplyTo() {
        return replyTo;
    }

    /**
     * A fixed reply destination of InOut producers (the reply-to header they send); the producer subscribes to it on
     * first use. With it, replyToType is shared unless set to exclusive; without it, replies come to a temporary
     * destination (see replyToType).
     */
    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public String getReplyToType() {
        return replyToType;
    }

    /**
     * Where InOut producers get their replies. temporary (default without replyTo): a destination the broker deletes
     * when the producer goes (/temp-queue/... on ActiveMQ Classic and RabbitMQ, an auto-deleted queue on Artemis).
     * shared (default with any other replyTo): the replyTo destination, read with a selector on this producer's
     * correlation ids, so that several producers may share it (not on RabbitMQ, which has no selectors). exclusive
     * (default with a /temp-queue/ replyTo, which belongs to one connection): the replyTo destination, read by this
     * producer only.
     */
    public void setReplyToType(String replyToType) {
        this.replyToType = replyToType;
    }

    public boolean isDisableReplyTo() {
        return disableReplyTo;
    }

    /**
     * Whether the consumer ignores the reply-to header of a message. By default a message with reply-to makes the
     * exchange InOut and the route's result goes back to reply-to with the request's correlation-id.
     */
    public void setDisableReplyTo(boolean disableReplyTo) {
        this.disableReplyTo = disableReplyTo;
    }

    public boolean isTransferException() {
        return transferException;
    }

    /**
     * Request-reply failures travel back: a consumer whose exchange failed replies with the headers
     * stompest-exception-class and stompest-exception-message (and the message is acknowledged, not redelivered);
     * an InOut producer turns such a reply into the exchange's exception. Only the class name and message travel.
     */
    public void setTransferException(boolean transferException) {
        this.transferException = transferException;
    }

    @Override
    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    /** Which STOMP headers become Camel headers and back (default: StompestHeaderFilterStrategy). */
    @Override
    public void setHeaderFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }
}
