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

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stompest.client.testing.FakeStompPeer;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/** The profile rules as values, and as the SUBSCRIBE frames a client sends after each broker's CONNECTED. */
class BrokerProfileTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ActiveMQ-Artemis/2.55.0 ActiveMQ Artemis Messaging Engine | ARTEMIS",
            "ActiveMQ/6.3.1 | CLASSIC",
            "RabbitMQ/3.10.8 | RABBITMQ",
            "vertx-stomp/5.0.7 | GENERIC" })
    void theServerHeaderNamesTheProfile(String server, BrokerProfile expected) {
        assertThat(BrokerProfile.of(server)).isEqualTo(expected);
    }

    @Test
    void noServerHeaderIsGeneric() {
        assertThat(BrokerProfile.of(null)).isEqualTo(BrokerProfile.GENERIC);
    }

    @Test
    void prefetchIsBytesOnArtemisAndMessagesElsewhere() {
        assertThat(BrokerProfile.ARTEMIS.prefetchHeaders(100)).containsExactly(Map.entry("consumer-window-size",
                "102400"));
        assertThat(BrokerProfile.CLASSIC.prefetchHeaders(100)).containsExactly(Map.entry("activemq.prefetchSize",
                "100"));
        assertThat(BrokerProfile.RABBITMQ.prefetchHeaders(100)).containsExactly(Map.entry("prefetch-count", "100"));
        assertThat(BrokerProfile.GENERIC.prefetchHeaders(100)).containsOnlyKeys("activemq.prefetchSize",
                "prefetch-count");
        assertThat(BrokerProfile.ARTEMIS.prefetchHeaders(0)).isEmpty();
    }

    @Test
    void durableSubscriptionsUseEachBrokersHeaders() {
        assertThat(BrokerProfile.ARTEMIS.durableHeaders("n")).containsExactly(Map.entry("durable-subscription-name",
                "n"));
        assertThat(BrokerProfile.CLASSIC.durableHeaders("n")).containsExactly(Map.entry("activemq.subscriptionName",
                "n"));
        assertThat(BrokerProfile.RABBITMQ.durableHeaders("n")).containsOnly(Map.entry("durable", "true"),
                Map.entry("auto-delete", "false"));
    }

    @Test
    void redeliveryAndTransactionRules() {
        assertThat(BrokerProfile.RABBITMQ.nackRedelivers()).isTrue();
        assertThat(BrokerProfile.ARTEMIS.nackRedelivers()).isFalse();
        assertThat(BrokerProfile.CLASSIC.nackRedelivers()).isFalse();
        assertThat(BrokerProfile.ARTEMIS.honoursAckInTransaction()).isFalse();
        assertThat(BrokerProfile.CLASSIC.honoursAckInTransaction()).isTrue();
        assertThat(BrokerProfile.RABBITMQ.subscribesReplyTo("/temp-queue/r")).isTrue();
        assertThat(BrokerProfile.RABBITMQ.subscribesReplyTo("/queue/r")).isFalse();
        assertThat(BrokerProfile.CLASSIC.subscribesReplyTo("/temp-queue/r")).isFalse();
        assertThat(BrokerProfile.ARTEMIS.routingHeaders("/queue/a")).containsExactly(Map.entry("destination-type",
                "ANYCAST"));
        assertThat(BrokerProfile.ARTEMIS.routingHeaders("/topic/a")).containsExactly(Map.entry("destination-type",
                "MULTICAST"));
        assertThat(BrokerProfile.CLASSIC.routingHeaders("/queue/a")).isEmpty();
        assertThat(BrokerProfile.isNonDurableTopic("/topic/a", false)).isTrue();
        assertThat(BrokerProfile.isNonDurableTopic("/topic/a", true)).isFalse();
        assertThat(BrokerProfile.isNonDurableTopic("/queue/a", false)).isFalse();
    }

    /** The user's own SUBSCRIBE headers win over the profile's. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ActiveMQ-Artemis/2.55.0 | consumer-window-size | 51200 | durable-subscription-name",
            "ActiveMQ/6.3.1 | activemq.prefetchSize | 50 | activemq.subscriptionName",
            "RabbitMQ/3.10.8 | prefetch-count | 50 | durable" })
    void theSubscribeFrameCarriesTheProfilesHeaders(String server, String prefetchHeader, String prefetchValue,
                                                    String durableHeader) throws Exception {
        try (FakeStompPeer peer = FakeStompPeer.start()) {
            peer.connectedHeaders(Map.of("version", "1.2", "server", server));
            try (StompConnection connection = new StompConnection(StompConfig.builder().failover(peer.uri())
                    .heartBeats(0, 0).build())) {
                connection.connect();
                assertThat(connection.brokerProfile()).isEqualTo(BrokerProfile.of(server));
                connection.subscribe("/topic/t", SubscriptionOptions.builder().ackMode("client-individual")
                        .prefetch(50).durableSubscriptionName("n").build(), m -> { });
                connection.subscribe("/topic/mine", SubscriptionOptions.builder().ackMode("client-individual")
                        .headers(Map.of(prefetchHeader, "7")).build(), m -> { });
                connection.subscribe("/topic/auto", SubscriptionOptions.builder().build(), m -> { });
                FakeStompPeer.Connection wire = peer.awaitConnection(WAIT);
                StompFrame first = wire.awaitFrame(StompSpec.SUBSCRIBE, WAIT);
                assertThat(first.headers()).containsEntry(prefetchHeader, prefetchValue).containsKey(durableHeader);
                org.awaitility.Awaitility.await().atMost(WAIT).until(() -> subscribes(wire) == 3);
                StompFrame mine = wire.frames().stream().filter(f -> "/topic/mine".equals(f.header("destination")))
                        .findFirst().orElseThrow();
                assertThat(mine.headers()).containsEntry(prefetchHeader, "7");
                StompFrame auto = wire.frames().stream().filter(f -> "/topic/auto".equals(f.header("destination")))
                        .findFirst().orElseThrow();
                assertThat(auto.headers()).as("an auto-ack subscription has no flow control")
                        .doesNotContainKey(prefetchHeader);
            }
        }
    }

    private static long subscribes(FakeStompPeer.Connection wire) {
        return wire.frames().stream().filter(f -> StompSpec.SUBSCRIBE.equals(f.command())).count();
    }

    @Test
    void aForcedProfileWinsOverTheServerHeader() throws Exception {
        try (FakeStompPeer peer = FakeStompPeer.start()) {
            peer.connectedHeaders(Map.of("version", "1.2", "server", "ActiveMQ/6.3.1"));
            try (StompConnection connection = new StompConnection(StompConfig.builder().failover(peer.uri())
                    .heartBeats(0, 0).brokerProfile(BrokerProfile.RABBITMQ).build())) {
                connection.connect();
                assertThat(connection.brokerProfile()).isEqualTo(BrokerProfile.RABBITMQ);
            }
        }
    }
}
