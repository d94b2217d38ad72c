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
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.testing.BrokerExtension;
import org.stompest.client.testing.EmbeddedActiveMq;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.client.testing.RabbitMqProcess;

/**
 * The delivery rules of the client on the three brokers (embedded Artemis and Classic, RabbitMQ as a process),
 * with default options: flow control keeps the reader thread free while listeners are busy; a failure on a non-durable topic costs only the failed message; a durable
 * topic subscription gets its failed messages again and what was published while it was away.
 */
class DeliveryPolicyIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    static final BrokerExtension<EmbeddedArtemis> artemis = BrokerExtension.artemis();
    @RegisterExtension
    static final BrokerExtension<EmbeddedActiveMq> activemq = BrokerExtension.activeMq();
    @RegisterExtension
    static final BrokerExtension<RabbitMqProcess> rabbitmq = BrokerExtension.rabbitMq();

    static Stream<Arguments> brokers() {
        return Stream.of(Arguments.of("artemis", BrokerProfile.ARTEMIS), Arguments.of("activemq", BrokerProfile.CLASSIC),
                Arguments.of("rabbitmq", BrokerProfile.RABBITMQ));
    }

    private static String uri(String broker) {
        switch (broker) {
            case "artemis":
                return artemis.get().stompUri();
            case "activemq":
                return activemq.get().stompUri();
            default:
                return rabbitmq.get().stompUri();
        }
    }

    private static StompConnection connect(String broker, Map<String, String> connectHeaders) {
        StompConnection connection = new StompConnection(StompConfig.builder().failover(uri(broker))
                .host("rabbitmq".equals(broker) ? "/" : null).login("guest").passcode("guest")
                .connectHeaders(connectHeaders).build());
        connection.connect();
        return connection;
    }

    private static byte[] bytes(int n) {
        return Integer.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static int number(StompMessage message) {
        return Integer.parseInt(new String(message.body(), StandardCharsets.US_ASCII));
    }

    private static void sendAll(StompConnection connection, String destination, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            connection.sendWithReceipt(destination, bytes(i), Map.of("persistent", "true"))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokers")
    void theBrokerProfileFollowsTheServerHeader(String broker, BrokerProfile expected) {
        try (StompConnection connection = connect(broker, Map.of())) {
            assertThat(connection.brokerProfile()).as(connection.server()).isEqualTo(expected);
        }
    }

    /**
     * A listener stuck on its first message, a backlog far beyond the hand-off queue's capacity: the broker's flow
     * control holds the backlog back, so the reader thread still reads the RECEIPT of a send on the same connection.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokers")
    void aBusyListenerDoesNotStopReceiptsOnItsConnection(String broker) throws Exception {
        String queue = "/queue/busy-" + UUID.randomUUID();
        try (StompConnection producer = connect(broker, Map.of());
             StompConnection connection = connect(broker, Map.of())) {
            sendAll(producer, queue, 0, 500);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch first = new CountDownLatch(1);
            Subscription subscription = connection.subscribe(queue, SubscriptionOptions.builder()
                    .ackMode("client-individual").queueCapacity(10).build(), message -> {
                        first.countDown();
                        release.await();
                        message.ack();
                    });
            assertThat(first.await(10, TimeUnit.SECONDS)).as("first message delivered").isTrue();
            try {
                connection.sendWithReceipt("/queue/other-" + UUID.randomUUID(), bytes(1), Map.of())
                        .get(5, TimeUnit.SECONDS);
                assertThat(((StompSubscription) subscription).queued())
                        .as("messages the broker sent beyond the prefetch of %d", SubscriptionOptions.DEFAULT_PREFETCH)
                        .isLessThan(500);
            } finally {
                release.countDown();
            }
        }
    }

    /** Every 10th message fails once: only those may go missing on a non-durable topic, and no resubscribe happens. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokers")
    void aFailureOnANonDurableTopicCostsOnlyTheFailedMessage(String broker) throws Exception {
        String topic = "/topic/plain-" + UUID.randomUUID();
        Set<Integer> received = ConcurrentHashMap.newKeySet();
        try (StompConnection producer = connect(broker, Map.of());
             StompConnection consumer = connect(broker, Map.of())) {
            StompSubscription subscription = (StompSubscription) consumer.subscribe(topic,
                    SubscriptionOptions.builder().ackMode("client-individual").build(), message -> {
                        int n = number(message);
                        if (n % 10 == 0) {
                            throw new IllegalStateException("planned failure of " + n);
                        }
                        received.add(n);
                        message.ack();
                    });
            awaitSubscribed(producer, consumer, topic, received);
            received.clear();
            sendAll(producer, topic, 1, 201);
            await().atMost(WAIT).until(() -> received.size() >= 180);
            for (int n = 1; n <= 200; n++) {
                if (n % 10 != 0) {
                    assertThat(received).as("message %d (not a failed one)", n).contains(n);
                }
            }
            assertThat(subscription.generation()).as("resubscribes").isZero();
        }
    }

    /** Failed messages come again, and what was published while the subscriber was away arrives when it is back. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokers")
    void aDurableTopicSubscriptionLosesNothing(String broker) throws Exception {
        String topic = "/topic/durable-" + UUID.randomUUID();
        String clientId = "durable-" + UUID.randomUUID();
        Set<Integer> received = ConcurrentHashMap.newKeySet();
        Set<Integer> failedOnce = ConcurrentHashMap.newKeySet();
        SubscriptionOptions options = SubscriptionOptions.builder().ackMode("client-individual")
                .durableSubscriptionName("sub").headers(Map.of("id", clientId)).build();
        MessageListener listener = message -> {
            int n = number(message);
            if (n % 10 == 0 && failedOnce.add(n)) {
                throw new IllegalStateException("planned failure of " + n);
            }
            received.add(n);
            message.ack();
        };
        try (StompConnection producer = connect(broker, Map.of())) {
            StompConnection consumer = connect(broker, Map.of("client-id", clientId));
            consumer.subscribe(topic, options, listener);
            awaitSubscribed(producer, consumer, topic, received);
            sendAll(producer, topic, 1, 101);
            await().atMost(WAIT).until(() -> received.containsAll(range(1, 101)));
            consumer.disconnect();

            sendAll(producer, topic, 101, 151);
            try (StompConnection back = connect(broker, Map.of("client-id", clientId))) {
                back.subscribe(topic, options, listener);
                await().atMost(WAIT).until(() -> received.containsAll(range(101, 151)));
            }
        }
        assertThat(failedOnce).hasSize(15);
    }

    /** Sends probe 0 until the subscription gets one: a topic keeps nothing for a subscriber not there yet. */
    private static void awaitSubscribed(StompConnection producer, StompConnection consumer, String topic,
                                        Set<Integer> received) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            producer.sendWithReceipt(topic, bytes(-1), Map.of()).get(5, TimeUnit.SECONDS);
            return received.contains(-1);
        });
        received.remove(-1);
        assertThat(consumer.isConnected()).isTrue();
    }

    private static Set<Integer> range(int from, int to) {
        Set<Integer> all = new java.util.HashSet<>();
        for (int i = from; i < to; i++) {
            all.add(i);
        }
        return all;
    }
}
