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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.testing.Brokers;
import org.stompest.client.testing.Brokers.Kind;
import org.stompest.error.StompProtocolError;

/** Send, receive, ack and nack on the three brokers in every version; binary bodies and awkward headers survive. */
class MessagingIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final Brokers brokers = new Brokers();

    static Stream<Arguments> everyBrokerAndVersion() {
        return Brokers.all()
                .flatMap(b -> Stream.of("1.0", "1.1", "1.2").map(v -> Arguments.of(b, v)));
    }

    static Stream<Arguments> everyBrokerIn10() {
        return everyBrokerAndVersion().filter(a -> "1.0".equals(a.get()[1]));
    }

    static Stream<Arguments> everyBrokerAndVersionFrom11() {
        return everyBrokerAndVersion().filter(a -> !"1.0".equals(a.get()[1]));
    }

    private static StompConnection connect(Kind broker, String version) {
        StompConnection connection = new StompConnection(brokers.config(broker).version(version)
                .heartBeats(version.equals("1.0") ? 0 : 1000, version.equals("1.0") ? 0 : 1000).build());
        connection.connect();
        assertThat(connection.version()).isEqualTo(version);
        return connection;
    }

    private static String queue() {
        return "/queue/test-" + UUID.randomUUID();
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("everyBrokerAndVersion")
    void sendsReceivesAndAcks(Kind broker, String version) throws Exception {
        String queue = queue();
        try (StompConnection connection = connect(broker, version)) {
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            Subscription subscription = connection.subscribe(queue,
                    SubscriptionOptions.builder().ackMode("client").build(),
                    received::add);
            connection.sendWithReceipt(queue, "hello".getBytes(StandardCharsets.UTF_8), Map.of("foo", "bar"))
                    .get(10, TimeUnit.SECONDS);
            StompMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(message.header("foo")).isEqualTo("bar");
            assertThat(message.destination()).isEqualTo(queue);
            assertThat(message.subscriptionId()).isEqualTo(subscription.id());
            message.ack();
            assertThat(message.isSettled()).isTrue();
            assertThat(subscription.received()).isEqualTo(1);
            subscription.unsubscribe();
            assertThat(subscription.isActive()).isFalse();
        }
        // acked: nothing left for a new consumer
        try (StompConnection connection = connect(broker, version)) {
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            connection.subscribe(queue, SubscriptionOptions.defaults(), received::add);
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("everyBrokerAndVersion")
    void unackedMessageIsRedeliveredToTheNextConnection(Kind broker, String version) throws Exception {
        String queue = queue();
        try (StompConnection connection = connect(broker, version)) {
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client").build(), received::add);
            connection.sendWithReceipt(queue, "once".getBytes(StandardCharsets.UTF_8), Map.of())
                    .get(10, TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull(); // not acked
        }
        try (StompConnection connection = connect(broker, version)) {
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client").build(), received::add);
            StompMessage again = received.poll(10, TimeUnit.SECONDS);
            assertThat(again).isNotNull();
            assertThat(new String(again.body(), StandardCharsets.UTF_8)).isEqualTo("once");
            again.ack();
        }
    }

    /**
     * NACK reaches the broker with the right id. What the broker then does differs: ActiveMQ Classic moves the
     * message to {@code ActiveMQ.DLQ} (persistent messages only), Artemis treats a STOMP NACK like an ACK (its
     * frame handler calls onAck), so the message is gone, and RabbitMQ requeues it (its NACK has {@code requeue:true}
     * by default), so the same subscription gets it again, marked redelivered.
     */
    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("everyBrokerAndVersionFrom11")
    void nackReachesTheBroker(Kind broker, String version) throws Exception {
        try (StompConnection connection = connect(broker, version)) {
            String queue = queue();
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            Subscription subscription = connection.subscribe(queue,
                    SubscriptionOptions.builder().ackMode("client-individual").build(), received::add);
            BlockingQueue<StompMessage> dead = new LinkedBlockingQueue<>();
            if (broker == Kind.CLASSIC) {
                connection.subscribe("/queue/ActiveMQ.DLQ", SubscriptionOptions.defaults(), dead::add);
            }
            connection.sendWithReceipt(queue, "refuse me".getBytes(StandardCharsets.UTF_8),
                    Map.of("persistent", "true")).get(10, TimeUnit.SECONDS);
            StompMessage first = received.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            first.nack();
            if (broker == Kind.CLASSIC) {
                StompMessage back = dead.poll(10, TimeUnit.SECONDS);
                assertThat(back).isNotNull();
                assertThat(new String(back.body(), StandardCharsets.UTF_8)).isEqualTo("refuse me");
            } else if (broker == Kind.RABBITMQ) {
                StompMessage back = received.poll(10, TimeUnit.SECONDS);
                assertThat(back).as("the NACKed message, requeued by RabbitMQ").isNotNull();
                assertThat(new String(back.body(), StandardCharsets.UTF_8)).isEqualTo("refuse me");
                assertThat(back.header("redelivered")).isEqualTo("true");
                back.ack();
            } else {
                subscription.unsubscribe();
                BlockingQueue<StompMessage> again = new LinkedBlockingQueue<>();
                connection.subscribe(queue, SubscriptionOptions.defaults(), again::add);
                assertThat(again.poll(300, TimeUnit.MILLISECONDS)).isNull();
            }
            connection.sendWithReceipt(queue, "still fine".getBytes(StandardCharsets.UTF_8), Map.of())
                    .get(10, TimeUnit.SECONDS);
            assertThat(connection.lastError()).isNull();
            assertThat(connection.isConnected()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("everyBrokerAndVersionFrom11")
    void binaryBodiesAndAwkwardHeadersComeBackUnchanged(Kind broker, String version) throws Exception {
        try (StompConnection connection = connect(broker, version)) {
            String queue = queue();
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client-individual").build(),
                    received::add);
            byte[] body = new byte[256 + 3];
            for (int i = 0; i < 256; i++) {
                body[i] = (byte) i;
            }
            body[256] = 0;
            body[257] = 0;
            body[258] = 'x';
            Map<String, String> headers = Map.of(
                    "colon", "a:b:c",
                    "newline", "line1\nline2",
                    "backslash", "C:\\dir\\file",
                    "unicode", "Grüße, 日本, \uD83D\uDE00",
                    "mixed", "k:\\v\n:end");
            connection.sendWithReceipt(queue, body, headers).get(10, TimeUnit.SECONDS);
            StompMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.body()).isEqualTo(body);
            headers.forEach((name, value) -> assertThat(message.header(name)).as(name).isEqualTo(value));
            message.ack(); // ActiveMQ Classic: its escaped ack id must come back right, or the broker refuses it
            // frames are answered in order: an ERROR for the ACK would come before this RECEIPT
            connection.sendWithReceipt("/queue/other-" + UUID.randomUUID(), new byte[0], Map.of())
                    .get(10, TimeUnit.SECONDS);
            assertThat(connection.lastError()).isNull();
            assertThat(connection.isConnected()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("everyBrokerAndVersion")
    void subscriptionMadeBeforeConnectIsSentOnConnect(Kind broker, String version) throws Exception {
        try (StompConnection connection = new StompConnection(brokers.config(broker).version(version)
                .build())) {
            String queue = queue();
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            Subscription subscription = connection.subscribe(queue, null, received::add);
            assertThat(connection.state()).isEqualTo(StompConnection.State.NEW);
            connection.connect();
            connection.send(queue, new byte[] {1, 2, 3}, Map.of());
            StompMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.body()).containsExactly(1, 2, 3);
            assertThat(connection.subscriptions()).containsExactly(subscription);
        }
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("everyBrokerAndVersion")
    void manyMessagesArriveInOrderOnOneThread(Kind broker, String version) throws Exception {
        try (StompConnection connection = connect(broker, version)) {
            String queue = queue();
            List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
            connection.subscribe(queue, SubscriptionOptions.builder().queueCapacity(5).build(),
                    m -> bodies.add(new String(m.body(), StandardCharsets.UTF_8)));
            int n = 300;
            for (int i = 0; i < n; i++) {
                connection.send(queue, Integer.toString(i).getBytes(StandardCharsets.UTF_8), Map.of());
            }
            await().atMost(WAIT).until(() -> bodies.size() == n);
            assertThat(bodies).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).toList());
        }
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("everyBrokerAndVersion")
    void listenerFailureWithClientAckIsDeliveredAgainByDefault(Kind broker, String version) throws Exception {
        try (StompConnection connection = connect(broker, version)) {
            String queue = queue();
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            AtomicInteger deliveries = new AtomicInteger();
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client").build(), m -> {
                        received.add(m);
                        if (deliveries.incrementAndGet() == 1) {
                            throw new IllegalStateException("listener refuses " + m.messageId());
                        }
                        m.ack();
                    });
            connection.sendWithReceipt(queue, "x".getBytes(StandardCharsets.UTF_8), Map.of())
                    .get(10, TimeUnit.SECONDS);
            StompMessage failed = received.poll(10, TimeUnit.SECONDS);
            assertThat(failed).isNotNull();
            if (broker == Kind.RABBITMQ && version.equals("1.0")) {
                // RabbitMQ keeps a message an UNSUBSCRIBE left unacknowledged until the connection closes, and 1.0
                // has no NACK to requeue it: the resubscribed subscription does not get it while this connection
                // lives; the next connection does
                await().during(Duration.ofSeconds(1)).atMost(WAIT).until(received::isEmpty);
                assertThat(failed.isSettled()).isFalse();
                connection.close();
                try (StompConnection next = connect(broker, version)) {
                    BlockingQueue<StompMessage> afterClose = new LinkedBlockingQueue<>();
                    next.subscribe(queue, SubscriptionOptions.builder().ackMode("client").build(), afterClose::add);
                    StompMessage again = afterClose.poll(10, TimeUnit.SECONDS);
                    assertThat(again).as("the failed message on the next connection").isNotNull();
                    assertThat(again.body()).isEqualTo(failed.body());
                    again.ack();
                }
                return;
            }
            // Artemis, Classic: left unacknowledged; the subscription subscribes anew and the broker delivers it
            // again. RabbitMQ from 1.1: the profile NACKs it (settling it) and RabbitMQ requeues it
            StompMessage again = received.poll(10, TimeUnit.SECONDS);
            assertThat(again).isNotNull();
            assertThat(again.body()).isEqualTo(failed.body());
            assertThat(failed.isSettled()).isEqualTo(broker == Kind.RABBITMQ);
            await().atMost(WAIT).until(again::isSettled);
        }
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("everyBrokerAndVersion")
    void listenerFailureWithNackPolicyNacksOrLeavesTheMessage(Kind broker, String version) throws Exception {
        try (StompConnection connection = connect(broker, version)) {
            String queue = queue();
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client")
                    .onListenerFailure(ListenerFailure.NACK).build(), m -> {
                        received.add(m);
                        throw new IllegalStateException("listener refuses " + m.messageId());
                    });
            connection.sendWithReceipt(queue, "x".getBytes(StandardCharsets.UTF_8), Map.of())
                    .get(10, TimeUnit.SECONDS);
            StompMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            if (version.equals("1.0")) {
                await().during(Duration.ofMillis(100)).until(() -> !message.isSettled());
            } else {
                await().atMost(WAIT).until(message::isSettled); // NACKed by the connection
            }
        }
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("everyBrokerIn10")
    void nackIsRefusedIn10(Kind broker, String version) throws Exception {
        try (StompConnection connection = connect(broker, version)) {
            String queue = queue();
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client").build(), received::add);
            connection.send(queue, "x".getBytes(StandardCharsets.UTF_8), Map.of());
            StompMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThatThrownBy(message::nack).isInstanceOf(StompProtocolError.class).hasMessageContaining("NACK");
            message.ack();
        }
    }
}
