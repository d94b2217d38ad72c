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
package org.stompest.camel.springboot;

import java.util.Map;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The component-level options of {@code stompest:} as Spring Boot properties {@code camel.component.stompest.*}
 * (generated from the component's catalog: the descriptions are the catalog's, for IDE completion).
 */
@ConfigurationProperties(prefix = "camel.component.stompest")
public class StompestComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the stompest component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * The client-id header of the CONNECT frame: the identity under which ActiveMQ Artemis and Classic keep durable
     * topic subscriptions. A broker accepts one connection per client id at a time.
     */
    private String clientId;

    /**
     * The defaults of every endpoint's options.
     */
    private org.stompest.camel.StompestConfiguration configuration;

    /**
     * The broker(s) to connect to: tcp://host:port, ssl://host:port, or a failover URI: failover:(broker,broker,...)
     * followed by a question mark and options such as randomize=false,maxReconnectAttempts=3 (initialReconnectDelay,
     * maxReconnectDelay, useExponentialBackOff, backOffMultiplier, maxReconnectAttempts,
     * startupMaxReconnectAttempts, reconnectDelayJitter, randomize, priorityBackup). It may be written into the
     * endpoint URI as it is, unencoded. Unlike plain stompest, startupMaxReconnectAttempts defaults to -1 here: a
     * route whose broker is down at startup keeps connecting in the background.
     */
    private String failover = "tcp://localhost:61613";

    /**
     * The heart-beats offered, cx,cy in milliseconds: how often we can send one, and how often we want one from the
     * broker (0,0 for none).
     */
    private String heartBeats = "10000,10000";

    /**
     * The virtual host: the host header of the CONNECT frame. RabbitMQ reads it as its virtual host (its default is
     * /, and it refuses an empty one); ActiveMQ Artemis and Classic ignore it.
     */
    private String host = "/";

    /**
     * The highest STOMP version to offer: every version up to it is offered, the broker picks one.
     */
    private String version = "1.2";

    /**
     * How received messages are acknowledged. client-individual: an ACK once the exchange completed; when it failed
     * the broker delivers the message again (with its redelivery count and dead-letter policy): the consumer
     * subscribes anew, or NACKs where the broker requeues NACKed messages (RabbitMQ). On a non-durable topic a
     * failed message is NACKed and does not come again (at-most-once: use durableSubscriptionName). client: the
     * same, with a cumulative ACK, so only with concurrentConsumers=1. auto: the message is acknowledged when a
     * consumer thread takes it, before the route runs: a failed exchange loses it (messages not yet taken when the
     * route stops stay with the broker).
     */
    private String ackMode = "client-individual";

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * How many threads process the messages of the subscription (order is kept only with 1).
     */
    private Integer concurrentConsumers = 1;

    /**
     * Whether the consumer ignores the reply-to header of a message. By default a message with reply-to makes the
     * exchange InOut and the route's result goes back to reply-to with the request's correlation-id.
     */
    private Boolean disableReplyTo = false;

    /**
     * The name of a durable topic subscription: the broker keeps what is published while the consumer is away, and
     * failed messages come again. Needs clientId on ActiveMQ Artemis and Classic. Sent as durable-subscription-name
     * (Artemis), activemq.subscriptionName (Classic) or durable:true with auto-delete:false (RabbitMQ).
     */
    private String durableSubscriptionName;

    /**
     * How many unacknowledged messages the broker may send the consumer ahead of the route (flow control). Each
     * broker gets its own header: activemq.prefetchSize on ActiveMQ Classic, prefetch-count on RabbitMQ, consumer-
     * window-size on ActiveMQ Artemis (in bytes: prefetch x 1 KiB). 0 leaves it to the broker.
     */
    private Integer prefetch = 100;

    /**
     * A message selector (the SUBSCRIBE's selector header), for brokers that support one.
     */
    private String selector;

    /**
     * Whether each exchange runs in a STOMP transaction: BEGIN before, then the ACK and every send that stompest:
     * producers on the same connection make for the exchange, then COMMIT when it succeeded, or ABORT (and the
     * message comes again) when it failed. ActiveMQ Artemis ignores the transaction of an ACK, so there the ACK is
     * sent after the COMMIT's receipt instead (a crash in between gives a duplicate, never a loss).
     */
    private Boolean transacted = false;

    /**
     * Extra headers of the SUBSCRIBE frame, as subscribeHeaders.name=value. This is a multi-value option with
     * prefix: subscribeHeaders.
     */
    private Map<String, Object> subscribeHeaders;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * Whether messages are sent persistent:true, so the broker keeps them on disk and they survive a broker restart
     * (a RECEIPT then means stored). false sends them as the broker's default, which for ActiveMQ Artemis, Classic
     * and RabbitMQ is in memory only. A persistent header of the message or of sendHeaders wins.
     */
    private Boolean persistent = true;

    /**
     * Whether every SEND asks for a RECEIPT: the exchange completes when the broker confirms it (or fails with the
     * broker's ERROR), while further exchanges are sent meanwhile. Without it a SEND is fire and forget.
     */
    private Boolean receipt = true;

    /**
     * How long a SEND waits for its RECEIPT before the exchange fails, in milliseconds; while the connection is
     * (re)connecting, a SEND first waits up to as long for it.
     */
    private Long receiptTimeout = 30000L;

    /**
     * Where InOut producers get their replies. temporary (default without replyTo): a destination the broker deletes
     * when the producer goes (/temp-queue/... on ActiveMQ Classic and RabbitMQ, an auto-deleted queue on Artemis).
     * shared (default with any other replyTo): the replyTo destination, read with a selector on this producer's
     * correlation ids, so that several producers may share it (not on RabbitMQ, which has no selectors). exclusive
     * (default with a /temp-queue/ replyTo, which belongs to one connection): the replyTo destination, read by this
     * producer only.
     */
    private String replyToType;

    /**
     * How long an InOut exchange waits for its reply before it fails with an ExchangeTimedOutException, in
     * milliseconds.
     */
    private Long requestTimeout = 20000L;

    /**
     * A fixed reply destination of InOut producers (the reply-to header they send); the producer subscribes to it on
     * first use. With it, replyToType is shared unless set to exclusive; without it, replies come to a temporary
     * destination (see replyToType).
     */
    private String replyTo;

    /**
     * Extra headers of every SEND frame, as sendHeaders.name=value (message headers win). This is a multi-value
     * option with prefix: sendHeaders.
     */
    private Map<String, Object> sendHeaders;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Forces the broker profile (artemis, classic, rabbitmq or generic) that decides how prefetch, durable
     * subscriptions, redelivery and routing headers are expressed. By default it follows the server header of the
     * broker's CONNECTED frame.
     */
    private String brokerProfile;

    /**
     * How long one connect attempt waits for the broker's CONNECTED frame after sending CONNECT, in milliseconds;
     * then the attempt fails and the failover transport tries again.
     */
    private Long connectedTimeout = 10000L;

    /**
     * Extra headers of the CONNECT frame, as connectHeaders.name=value. This is a multi-value option with prefix:
     * connectHeaders.
     */
    private Map<String, Object> connectHeaders;

    /**
     * The stomp-client connection pool to lease connections from, to share connections with code outside Camel. The
     * component then never closes it. By default the component creates its own and closes it when stopped.
     */
    private org.stompest.client.ConnectionPool connectionPool;

    /**
     * How long one TCP connect attempt may take, in milliseconds.
     */
    private Long connectTimeout = 10000L;

    /**
     * Which STOMP headers become Camel headers and back (default: StompestHeaderFilterStrategy).
     */
    private org.apache.camel.spi.HeaderFilterStrategy headerFilterStrategy;

    /**
     * How many negotiated broker heart-beat periods of silence make a connection count as lost (at least 1).
     */
    private Double heartBeatTolerance = 2.0;

    /**
     * How many STOMP connections endpoints with the same connection options share; each consumer or producer takes
     * the least used one. A transacted route and the producers that send in its transactions need the same
     * connection: keep 1 for them.
     */
    private Integer poolSize = 1;

    /**
     * Request-reply failures travel back: a consumer whose exchange failed replies with the headers stompest-
     * exception-class and stompest-exception-message (and the message is acknowledged, not redelivered); an InOut
     * producer turns such a reply into the exchange's exception. Only the class name and message travel.
     */
    private Boolean transferException = false;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * The login of the CONNECT frame.
     */
    private String login;

    /**
     * The passcode of the CONNECT frame.
     */
    private String passcode;

    /**
     * The TLS settings for ssl:// brokers.
     */
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    /**
     * Whether endpoints without sslContextParameters use the CamelContext's global SSL context parameters.
     */
    private Boolean useGlobalSslContextParameters = false;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public org.stompest.camel.StompestConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(org.stompest.camel.StompestConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getFailover() {
        return failover;
    }

    public void setFailover(String failover) {
        this.failover = failover;
    }

    public String getHeartBeats() {
        return heartBeats;
    }

    public void setHeartBeats(String heartBeats) {
        this.heartBeats = heartBeats;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getAckMode() {
        return ackMode;
    }

    public void setAckMode(String ackMode) {
        this.ackMode = ackMode;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Integer getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(Integer concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public Boolean getDisableReplyTo() {
        return disableReplyTo;
    }

    public void setDisableReplyTo(Boolean disableReplyTo) {
        this.disableReplyTo = disableReplyTo;
    }

    public String getDurableSubscriptionName() {
        return durableSubscriptionName;
    }

    public void setDurableSubscriptionName(String durableSubscriptionName) {
        this.durableSubscriptionName = durableSubscriptionName;
    }

    public Integer getPrefetch() {
        return prefetch;
    }

    public void setPrefetch(Integer prefetch) {
        this.prefetch = prefetch;
    }

    public String getSelector() {
        return selector;
    }

    public void setSelector(String selector) {
        this.selector = selector;
    }

    public Boolean getTransacted() {
        return transacted;
    }

    public void setTransacted(Boolean transacted) {
        this.transacted = transacted;
    }

    public Map<String, Object> getSubscribeHeaders() {
        return subscribeHeaders;
    }

    public void setSubscribeHeaders(Map<String, Object> subscribeHeaders) {
        this.subscribeHeaders = subscribeHeaders;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getPersistent() {
        return persistent;
    }

    public void setPersistent(Boolean persistent) {
        this.persistent = persistent;
    }

    public Boolean getReceipt() {
        return receipt;
    }

    public void setReceipt(Boolean receipt) {
        this.receipt = receipt;
    }

    public Long getReceiptTimeout() {
        return receiptTimeout;
    }

    public void setReceiptTimeout(Long receiptTimeout) {
        this.receiptTimeout = receiptTimeout;
    }

    public String getReplyToType() {
        return replyToType;
    }

    public void setReplyToType(String replyToType) {
        this.replyToType = replyToType;
    }

    public Long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public Map<String, Object> getSendHeaders() {
        return sendHeaders;
    }

    public void setSendHeaders(Map<String, Object> sendHeaders) {
        this.sendHeaders = sendHeaders;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBrokerProfile() {
        return brokerProfile;
    }

    public void setBrokerProfile(String brokerProfile) {
        this.brokerProfile = brokerProfile;
    }

    public Long getConnectedTimeout() {
        return connectedTimeout;
    }

    public void setConnectedTimeout(Long connectedTimeout) {
        this.connectedTimeout = connectedTimeout;
    }

    public Map<String, Object> getConnectHeaders() {
        return connectHeaders;
    }

    public void setConnectHeaders(Map<String, Object> connectHeaders) {
        this.connectHeaders = connectHeaders;
    }

    public org.stompest.client.ConnectionPool getConnectionPool() {
        return connectionPool;
    }

    public void setConnectionPool(org.stompest.client.ConnectionPool connectionPool) {
        this.connectionPool = connectionPool;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public org.apache.camel.spi.HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    public void setHeaderFilterStrategy(org.apache.camel.spi.HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }

    public Double getHeartBeatTolerance() {
        return heartBeatTolerance;
    }

    public void setHeartBeatTolerance(Double heartBeatTolerance) {
        this.heartBeatTolerance = heartBeatTolerance;
    }

    public Integer getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(Integer poolSize) {
        this.poolSize = poolSize;
    }

    public Boolean getTransferException() {
        return transferException;
    }

    public void setTransferException(Boolean transferException) {
        this.transferException = transferException;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPasscode() {
        return passcode;
    }

    public void setPasscode(String passcode) {
        this.passcode = passcode;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
