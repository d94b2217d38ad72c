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
package org.stompest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.jmx.ConnectionMBeans;
import org.stompest.client.testing.BrokerExtension;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.client.testing.TestTls;
import org.stompest.error.StompConnectTimeout;

/**
 * STOMP over WebSocket on embedded Artemis, whose STOMP acceptor answers the upgrade on the same port: the same
 * connection behaviour as over TCP (receipts, heart-beats, reconnect with replay, failover to tcp://, JMX, TLS).
 */
class WebSocketIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final BrokerExtension<EmbeddedArtemis> ARTEMIS = BrokerExtension.artemis();

    private static String queue() {
        return "/queue/ws-" + UUID.randomUUID();
    }

    private static String utf8(StompMessage message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }

    /** Subscribes {@code queue}, sends {@code body} with a receipt, and returns what came back. */
    private static StompMessage roundTrip(StompConnection connection, String queue, byte[] body) throws Exception {
        BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
        connection.subscribe(queue, SubscriptionOptions.defaults(), received::add);
        connection.sendWithReceipt(queue, body, Map.of()).get(10, TimeUnit.SECONDS);
        StompMessage message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("message on " + queue + " over " + connection.currentBroker()).isNotNull();
        return message;
    }

    @Test
    void sendsAndReceivesOverWebSocketWithNulBytesInTheBody() throws Exception {
        byte[] body = {'a', 0, 'b', 0, 0, (byte) 0xff, '\n'};
        try (StompConnection connection = new StompConnection(StompConfig.builder()
                .failover(ARTEMIS.get().webSocketUri()).build())) {
            connection.connect();
            assertThat(connection.currentBroker()).isEqualTo(ARTEMIS.get().webSocketUri());
            assertThat(connection.version()).isEqualTo("1.2");
            assertThat(roundTrip(connection, queue(), body).body()).containsExactly(body);
        }
    }

    /** Larger than one frame Artemis accepts (65,536 bytes): the client splits the message into frames. */
    @Test
    void aOneMebibyteMessageCrossesInFramesBinaryAndText() throws Exception {
        byte[] body = new byte[1 << 20];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        String text = "grüße, 世界 😀 ".repeat(40_000); // multi-byte chars and surrogate pairs across frame edges
        try (StompConnection binary = new StompConnection(StompConfig.builder()
                .failover(ARTEMIS.get().webSocketUri()).build());
             StompConnection texts = new StompConnection(StompConfig.builder()
                .failover(ARTEMIS.get().webSocketUri() + "#text").build())) {
            binary.connect();
            texts.connect();
            assertThat(roundTrip(binary, queue(), body).body()).isEqualTo(body);
            assertThat(utf8(roundTrip(texts, queue(), text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(text);
        }
    }

    @Test
    void textFramesWhenThePathAsksForThem() throws Exception {
        try (StompConnection connection = new StompConnection(StompConfig.builder()
                .failover(ARTEMIS.get().webSocketUri() + "#text").build())) {
            connection.connect();
            assertThat(utf8(roundTrip(connection, queue(), "grüße, 世界".getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo("grüße, 世界");
        }
    }

    @Test
    void heartBeatsFlowBothWaysOverWebSocket() throws Exception {
        try (StompConnection connection = new StompConnection(StompConfig.builder()
                .failover(ARTEMIS.get().webSocketUri()).heartBeats(200, 200).build())) {
            connection.connect();
            // Artemis asks for a client beat every 500 ms at most
            assertThat(connection.clientHeartBeat()).isBetween(200, 500);
            assertThat(connection.serverHeartBeat()).isGreaterThanOrEqualTo(200);
            await().atMost(WAIT).until(() -> connection.stats().heartBeatsSent() >= 2
                    && connection.stats().heartBeatsReceived() >= 1);
            assertThat(connection.epoch()).as("never lost").isEqualTo(1);
            assertThat(connection.stats().missedHeartBeats()).isZero();
        }
    }

    @Test
    void registersItsMBeanWithTheWebSocketBroker() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try (StompConnection connection = new StompConnection(StompConfig.builder()
                .failover(ARTEMIS.get().webSocketUri()).build())) {
            connection.connect();
            ObjectName name = ConnectionMBeans.objectName(connection);
            assertThat(server.getAttribute(name, "CurrentBroker")).isEqualTo(ARTEMIS.get().webSocketUri());
            assertThat(server.getAttribute(name, "State")).isEqualTo("CONNECTED");
        }
    }

    @Test
    void reconnectsAfterABrokerRestartAndReplaysTheSubscription() throws Exception {
        String queue = queue();
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().build().start();
             StompConnection connection = new StompConnection(StompConfig.builder()
                     .failover("failover:(" + broker.webSocketUri() + ")?initialReconnectDelay=10,"
                             + "maxReconnectDelay=100").build())) {
            connection.connect();
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            Subscription subscription = connection.subscribe(queue, SubscriptionOptions.defaults(), received::add);
            broker.stop();
            broker.start();
            await().atMost(WAIT).until(() -> connection.isConnected() && connection.epoch() == 2);
            connection.sendWithReceipt(queue, "after restart".getBytes(StandardCharsets.UTF_8), Map.of())
                    .get(10, TimeUnit.SECONDS);
            StompMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("delivered to the replayed subscription").isNotNull();
            assertThat(utf8(message)).isEqualTo("after restart");
            assertThat(message.subscriptionId()).isEqualTo(subscription.id());
            assertThat(connection.stats().reconnects()).isEqualTo(1);
        }
    }

    @Test
    void failsOverFromAWebSocketBrokerToATcpBroker() throws Exception {
        String queue = queue();
        try (EmbeddedArtemis ws = EmbeddedArtemis.builder().build().start();
             EmbeddedArtemis tcp = EmbeddedArtemis.builder().build().start();
             StompConnection consumer = new StompConnection(StompConfig.builder()
                     .failover("failover:(" + ws.webSocketUri() + "," + tcp.stompUri() + ")?randomize=false,"
                             + "initialReconnectDelay=10,maxReconnectDelay=100").build());
             StompConnection producer = new StompConnection(StompConfig.builder().failover(tcp.stompUri()).build())) {
            consumer.connect();
            producer.connect();
            assertThat(consumer.currentBroker()).isEqualTo(ws.webSocketUri());
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            consumer.subscribe(queue, SubscriptionOptions.defaults(), received::add);
            consumer.sendWithReceipt(queue, "over ws".getBytes(StandardCharsets.UTF_8), Map.of())
                    .get(10, TimeUnit.SECONDS);
            assertThat(utf8(received.poll(10, TimeUnit.SECONDS))).isEqualTo("over ws");

            ws.stop();
            // the replayed subscription on the tcp broker gets one of these once the consumer is there
            await().atMost(WAIT).until(() -> {
                producer.send(queue, "over tcp".getBytes(StandardCharsets.UTF_8), Map.of());
                StompMessage message = received.poll(100, TimeUnit.MILLISECONDS);
                return message != null && utf8(message).equals("over tcp");
            });
            assertThat(consumer.currentBroker()).isEqualTo(tcp.stompUri());
            assertThat(consumer.stats().reconnects()).isEqualTo(1);
        }
    }

    @Test
    void wssVerifiesTheCertificateAndTheHostName() throws Exception {
        TestTls tls = TestTls.generate();
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().tls(tls).build().start();
             StompConnection connection = new StompConnection(StompConfig.builder().failover(broker.webSocketUri())
                     .sslContext(tls.clientSslContext()).build())) {
            assertThat(broker.webSocketUri()).startsWith("wss://localhost:");
            assertThat(connection.config().hostnameVerification()).isTrue();
            connection.connect();
            assertThat(utf8(roundTrip(connection, queue(), "secret stuff".getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo("secret stuff");
        }
    }

    @Test
    void wssRefusesACertificateForAnotherHostUnlessVerificationIsTurnedOff() throws Exception {
        TestTls tls = TestTls.forHost("broker.example.org");
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().tls(tls).build().start()) {
            StompConfig config = StompConfig.builder().failover(broker.webSocketUri())
                    .sslContext(tls.clientSslContext()).build();
            try (StompConnection verifying = new StompConnection(config)) {
                assertThatThrownBy(verifying::connect).isInstanceOf(StompConnectTimeout.class)
                        .hasMessageContaining("WebSocket handshake with " + broker.webSocketUri() + " failed")
                        .hasMessageContaining("No subject alternative DNS name matching localhost found");
            }
            try (StompConnection trusting = new StompConnection(config.toBuilder().hostnameVerification(false)
                    .build())) {
                trusting.connect();
                assertThat(trusting.isConnected()).isTrue();
                assertThat(utf8(roundTrip(trusting, queue(), "still encrypted".getBytes(StandardCharsets.UTF_8))))
                        .isEqualTo("still encrypted");
            }
            StompConfig untrusted = config.toBuilder().hostnameVerification(false)
                    .sslContext(TestTls.generate().clientSslContext()).build(); // trusts another certificate
            try (StompConnection refused = new StompConnection(untrusted)) {
                assertThatThrownBy(refused::connect).isInstanceOf(StompConnectTimeout.class)
                        .hasMessageContaining("WebSocket handshake with " + broker.webSocketUri() + " failed");
            }
        }
    }
}
