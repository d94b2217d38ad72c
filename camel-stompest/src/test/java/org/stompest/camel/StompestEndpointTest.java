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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stompest.client.StompConfig;
import org.stompest.client.testing.TestTls;

class StompestEndpointTest {
    private static final String BRIEF_FAILOVER
            = "failover:(tcp://h1:61613,tcp://h2:61613)?randomize=false,maxReconnectAttempts=3";

    private CamelContext context;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    private StompestEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, StompestEndpoint.class);
    }

    @ParameterizedTest(name = "{0} means {1}")
    @CsvSource({
            "stompest:queue:/x, /queue/x",
            "stompest:queue:x, /queue/x",
            "stompest:queue:a.b.c, /queue/a.b.c",
            "stompest:topic:x, /topic/x",
            "stompest:topic:/x, /topic/x",
            "stompest:/exchange/amq.direct/k, /exchange/amq.direct/k",
            "stompest:jms.queue.x, jms.queue.x",
            "stompest:/queue/x, /queue/x",
            "stompest:/temp-queue/r, /temp-queue/r" })
    void uriPathsMapToStompDestinations(String uri, String destination) {
        assertThat(endpoint(uri).getStompDestination()).isEqualTo(destination);
    }

    @Test
    void theDesignBriefFailoverUriWorksAsWrittenUnencoded() {
        StompestEndpoint endpoint = endpoint("stompest:queue:/x?failover=" + BRIEF_FAILOVER);

        assertThat(endpoint.getStompDestination()).isEqualTo("/queue/x");
        assertThat(endpoint.getConfiguration().getFailover()).isEqualTo(BRIEF_FAILOVER);
    }

    @Test
    void theFailoverUriMayBeFollowedByOtherOptions() {
        StompestEndpoint endpoint = endpoint("stompest:queue:/x?failover=" + BRIEF_FAILOVER + "&ackMode=client");

        assertThat(endpoint.getConfiguration().getFailover()).isEqualTo(BRIEF_FAILOVER);
        assertThat(endpoint.getConfiguration().getAckMode()).isEqualTo("client");
    }

    @Test
    void activeMqStyleAmpersandFailoverOptionsAreGluedBackToTheFailoverValue() {
        StompestEndpoint endpoint = endpoint("stompest:queue:/x?failover=failover:(tcp://h1:61613,tcp://h2:61613)"
                                             + "?randomize=false&maxReconnectAttempts=3&ackMode=auto");

        assertThat(endpoint.getConfiguration().getFailover())
                .isEqualTo("failover:(tcp://h1:61613,tcp://h2:61613)?randomize=false,maxReconnectAttempts=3");
        assertThat(endpoint.getConfiguration().getAckMode()).isEqualTo("auto");
    }

    @Test
    void aRawFailoverValueArrivesWhole() {
        StompestEndpoint endpoint = endpoint("stompest:queue:x?failover=RAW(failover:(tcp://h1:61613)"
                                             + "?randomize=false&maxReconnectAttempts=3)");

        assertThat(endpoint.getConfiguration().getFailover())
                .isEqualTo("failover:(tcp://h1:61613)?randomize=false&maxReconnectAttempts=3");
    }

    @Test
    void defaultsAreThoseOfTheDocumentation() {
        StompestConfiguration c = endpoint("stompest:queue:x").getConfiguration();

        assertThat(c.getFailover()).isEqualTo("tcp://localhost:61613");
        assertThat(c.getVersion()).isEqualTo("1.2");
        assertThat(c.getHeartBeats()).isEqualTo("10000,10000");
        assertThat(c.getHeartBeatTolerance()).isEqualTo(2.0);
        assertThat(c.getConnectTimeout()).isEqualTo(10000);
        assertThat(c.getPoolSize()).isEqualTo(1);
        assertThat(c.getAckMode()).isEqualTo("client-individual");
        assertThat(c.getConcurrentConsumers()).isEqualTo(1);
        assertThat(c.isTransacted()).isFalse();
        assertThat(c.isReceipt()).isTrue();
        assertThat(c.getReceiptTimeout()).isEqualTo(30000);
        assertThat(c.getRequestTimeout()).isEqualTo(20000);
        assertThat(c.getHeaderFilterStrategy()).isInstanceOf(StompestHeaderFilterStrategy.class);
    }

    @Test
    void componentLevelOptionsAreDefaultsThatEndpointsOverride() {
        StompestComponent component = context.getComponent("stompest", StompestComponent.class);
        component.getConfiguration().setFailover("tcp://broker:61613");
        component.getConfiguration().setAckMode("client");
        component.getConfiguration().setSendHeaders(new java.util.HashMap<>(Map.of("persistent", "true")));

        StompestEndpoint plain = endpoint("stompest:queue:a");
        StompestEndpoint overriding = endpoint("stompest:queue:b?ackMode=auto&sendHeaders.priority=9");

        assertThat(plain.getConfiguration().getFailover()).isEqualTo("tcp://broker:61613");
        assertThat(plain.getConfiguration().getAckMode()).isEqualTo("client");
        assertThat(overriding.getConfiguration().getFailover()).isEqualTo("tcp://broker:61613");
        assertThat(overriding.getConfiguration().getAckMode()).isEqualTo("auto");
        assertThat(overriding.getConfiguration().getSendHeaders())
                .containsEntry("persistent", "true").containsEntry("priority", "9");
        assertThat(component.getConfiguration().getSendHeaders()).containsOnlyKeys("persistent");
    }

    @Test
    void connectionOptionsMakeTheStompConfig() throws Exception {
        StompestEndpoint endpoint = endpoint("stompest:queue:x?failover=tcp://127.0.0.1:1234&login=guest"
                                             + "&passcode=secret&host=/vhost&version=1.1&heartBeats=5000,6000"
                                             + "&heartBeatTolerance=3.5&connectTimeout=2s&poolSize=3"
                                             + "&connectHeaders.client-id=c1&connectHeaders.x-custom=1");

        StompConfig config = endpoint.createStompConfig();

        assertThat(config.failover())
                .isEqualTo("tcp://127.0.0.1:1234?startupMaxReconnectAttempts=-1,maxReconnectDelay=500");
        assertThat(config.login()).isEqualTo("guest");
        assertThat(config.passcode()).isEqualTo("secret");
        assertThat(config.host()).isEqualTo("/vhost");
        assertThat(config.version()).isEqualTo("1.1");
        assertThat(config.clientHeartBeat()).isEqualTo(5000);
        assertThat(config.serverHeartBeat()).isEqualTo(6000);
        assertThat(config.heartBeatTolerance()).isEqualTo(3.5);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.maxConnections()).isEqualTo(3);
        assertThat(config.connectHeaders()).containsEntry("client-id", "c1").containsEntry("x-custom", "1");
        assertThat(config.toString()).doesNotContain("secret");
    }

    @ParameterizedTest(name = "{0} connects with {1}")
    @CsvSource(delimiter = '|', value = {
            "tcp://h:1 | tcp://h:1?startupMaxReconnectAttempts=-1,maxReconnectDelay=500",
            "failover:(tcp://h:1,tcp://h:2)?randomize=false | failover:(tcp://h:1,tcp://h:2)?randomize=false,"
            + "startupMaxReconnectAttempts=-1,maxReconnectDelay=500",
            "failover:(tcp://h:1)?startupMaxReconnectAttempts=2 | failover:(tcp://h:1)?startupMaxReconnectAttempts=2,"
            + "maxReconnectDelay=500",
            "failover:(tcp://h:1)?maxReconnectDelay=30000 | failover:(tcp://h:1)?maxReconnectDelay=30000,"
            + "startupMaxReconnectAttempts=-1" })
    void routesKeepConnectingAtStartupAndRetryOftenUnlessTheUriSaysOtherwise(String failover, String effective) {
        assertThat(StompestConfiguration.effectiveFailover(failover)).isEqualTo(effective);
    }

    @Test
    void clientAckWithConcurrentConsumersIsRefusedNamingBothOptions() {
        assertThatThrownBy(() -> endpoint("stompest:queue:x?ackMode=client&concurrentConsumers=2"))
                .hasMessageContaining("ackMode=client").hasMessageContaining("concurrentConsumers=2");
    }

    @Test
    void aDurableSubscriptionNameOnAQueueIsRefused() {
        assertThatThrownBy(() -> endpoint("stompest:queue:x?durableSubscriptionName=n"))
                .hasMessageContaining("Invalid option durableSubscriptionName");
    }

    @Test
    void clientIdAndBrokerProfileMakeTheStompConfig() throws Exception {
        StompConfig config = endpoint("stompest:topic:t?clientId=app-1&brokerProfile=classic"
                                      + "&durableSubscriptionName=n").createStompConfig();
        assertThat(config.connectHeaders()).containsEntry("client-id", "app-1");
        assertThat(config.brokerProfile()).isEqualTo(org.stompest.client.BrokerProfile.CLASSIC);
        assertThatThrownBy(() -> endpoint("stompest:topic:t?brokerProfile=mq"))
                .hasMessageContaining("Invalid option brokerProfile: mq");
    }

    @Test
    void consumerAndProducerOptionsNeverSplitAConnection() throws Exception {
        StompConfig consumer = endpoint("stompest:queue:a?ackMode=auto&concurrentConsumers=4&selector=x > 1"
                                        + "&subscribeHeaders.a=b&transacted=true").createStompConfig();
        StompConfig producer = endpoint("stompest:queue:b?receipt=false&receiptTimeout=5s&requestTimeout=1s"
                                        + "&sendHeaders.c=d&replyTo=/temp-queue/r").createStompConfig();

        assertThat(consumer).isEqualTo(producer);
    }

    @Test
    void endpointsWithTheSameSslContextParametersShareTheSslContext() throws Exception {
        TestTls tls = TestTls.generate();
        context.getRegistry().bind("tls", sslContextParameters(tls));

        StompConfig a = endpoint("stompest:queue:a?failover=ssl://localhost:1&sslContextParameters=#tls")
                .createStompConfig();
        StompConfig b = endpoint("stompest:queue:b?failover=ssl://localhost:1&sslContextParameters=#tls")
                .createStompConfig();

        assertThat(a.sslContext()).isNotNull().isSameAs(b.sslContext());
        assertThat(a).isEqualTo(b);
    }

    @Test
    void useGlobalSslContextParametersTakesTheContextsParameters() throws Exception {
        TestTls tls = TestTls.generate();
        context.setSSLContextParameters(sslContextParameters(tls));
        context.getComponent("stompest", StompestComponent.class).setUseGlobalSslContextParameters(true);

        StompestEndpoint endpoint = endpoint("stompest:queue:a?failover=ssl://localhost:1");

        assertThat(endpoint.getConfiguration().getSslContextParameters())
                .isSameAs(context.getSSLContextParameters());
        assertThat(endpoint.createStompConfig().sslContext()).isNotNull();
    }

    static SSLContextParameters sslContextParameters(TestTls tls) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + tls.keyStorePath());
        trustStore.setPassword(tls.password());
        trustStore.setType(tls.keyStoreType());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ackMode=bogus | Invalid option ackMode: bogus [accepted values: auto, client, client-individual]",
            "version=2.0 | Invalid option version: 2.0 [accepted values: 1.0, 1.1, 1.2]",
            "version=0,1 | Invalid option version: 0,1 [accepted values: 1.0, 1.1, 1.2]",
            "heartBeats=10000 | Invalid option heartBeats: 10000 [accepted values: cx,cy: two whole numbers of"
            + " milliseconds >= 0, such as 10000,10000]",
            "heartBeats=a,b | Invalid option heartBeats: a,b [accepted values: cx,cy: two whole numbers of"
            + " milliseconds >= 0, such as 10000,10000]",
            "heartBeats=-1,0 | Invalid option heartBeats: -1,0 [accepted values: cx,cy: two whole numbers of"
            + " milliseconds >= 0, such as 10000,10000]",
            "heartBeatTolerance=0.5 | Invalid option heartBeatTolerance: 0.5 [accepted values: a number >= 1.0]",
            "connectTimeout=0 | Invalid option connectTimeout: 0 [accepted values: a duration > 0]",
            "poolSize=0 | Invalid option poolSize: 0 [accepted values: a whole number >= 1]",
            "concurrentConsumers=0 | Invalid option concurrentConsumers: 0 [accepted values: a whole number >= 1]",
            "receiptTimeout=-5 | Invalid option receiptTimeout: -5 [accepted values: a duration > 0]",
            "requestTimeout=0 | Invalid option requestTimeout: 0 [accepted values: a duration > 0]",
            "failover=tcp://nohost | Invalid option failover: invalid uri: tcp://nohost [invalid broker(s):"
            + " 'tcp://nohost' (expected tcp://host:port or ssl://host:port)] [accepted values: tcp://host:port,"
            + " ssl://host:port or failover:(tcp://host:port,...)?option=value,...]" })
    void badOptionValuesFailEndpointCreationNamingTheOptionAndTheAcceptedValues(String option, String message) {
        String uri = "stompest:queue:x?" + option;

        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining(message)
                .rootCause().isInstanceOf(IllegalArgumentException.class);
        Throwable cause = catchCause(uri);
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertThat(cause).hasMessage(message);
    }

    @Test
    void aBadFailoverOptionIsNamedWithTheFailoverError() {
        assertThatThrownBy(() -> context.getEndpoint(
                "stompest:queue:x?failover=failover:(tcp://h:1)?randomize=maybe"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Invalid option failover: invalid uri: failover:(tcp://h:1)?randomize=maybe"
                                      + " [invalid options:");
    }

    @Test
    void anEmptyDestinationIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("stompest:queue:"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Invalid option destination: queue: [accepted values: queue:name, topic:name"
                                      + " or a STOMP destination such as /queue/name]");
    }

    @Test
    void anUnknownOptionIsRefusedByCamel() {
        assertThatThrownBy(() -> context.getEndpoint("stompest:queue:x?ackModus=client"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Unknown parameters=[{ackModus=client}]");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedByCamel() {
        assertThatThrownBy(() -> context.getEndpoint("stompest:queue:x?poolSize=many"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("poolSize");
    }

    private Throwable catchCause(String uri) {
        try {
            context.getEndpoint(uri);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("no error for " + uri);
    }
}
