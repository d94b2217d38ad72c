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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.testing.BrokerExtension;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.client.testing.FakeStompPeer;
import org.stompest.protocol.StompFrame;

/**
 * {@link SubscriptionOptions#onListenerFailure()}: what a client ack mode does with a message whose listener threw.
 * {@link ListenerFailure#REDELIVER} (default) leaves it unacknowledged and subscribes anew, so Artemis delivers it
 * again; {@link ListenerFailure#NACK} NACKs it, which Artemis takes as an ACK.
 */
class ListenerFailurePolicyIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final BrokerExtension<EmbeddedArtemis> artemis = BrokerExtension.artemis();

    private static StompConnection connect() {
        StompConnection connection = new StompConnection(StompConfig.builder().failover(artemis.get().stompUri()).build());
        connection.connect();
        return connection;
    }

    private static String queue() {
        return "/queue/policy-" + UUID.randomUUID();
    }

    private static String body(StompMessage message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }

    private static void send(StompConnection connection, String queue, String body) throws Exception {
        connection.sendWithReceipt(queue, body.getBytes(StandardCharsets.UTF_8), Map.of()).get(10, TimeUnit.SECONDS);
    }

    /** What a fresh client-individual subscriber still gets from {@code queue} within a short while. */
    private static List<String> leftOn(String queue) throws Exception {
        List<String> left = new CopyOnWriteArrayList<>();
        try (StompConnection connection = connect()) {
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client-individual").build(), m -> {
                left.add(body(m));
                m.ack();
            });
            await().pollDelay(Duration.ofMillis(500)).atMost(WAIT).until(() -> true);
        }
        return left;
    }

    @Test
    void defaultPolicyIsRedeliver() {
        assertThat(SubscriptionOptions.defaults().onListenerFailure()).isEqualTo(ListenerFailure.REDELIVER);
        assertThat(SubscriptionOptions.builder().onListenerFailure(ListenerFailure.NACK).build().onListenerFailure())
                .isEqualTo(ListenerFailure.NACK);
        assertThat(SubscriptionOptions.builder().onListenerFailure(ListenerFailure.NACK).build())
                .isNotEqualTo(SubscriptionOptions.defaults());
    }

    @Test
    void redeliverLeavesTheFailedMessageUnacknowledgedAndArtemisDeliversItAgain() throws Exception {
        String queue = queue();
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        List<String> processed = new CopyOnWriteArrayList<>();
        List<StompMessage> failed = new CopyOnWriteArrayList<>();
        try (StompConnection connection = connect()) {
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client-individual").build(), m -> {
                String body = body(m);
                if (deliveries.merge(body, 1, Integer::sum) == 1 && body.equals("3")) {
                    failed.add(m);
                    throw new IllegalStateException("first delivery of " + body + " fails");
                }
                processed.add(body);
                m.ack();
            });
            for (int i = 0; i < 10; i++) {
                send(connection, queue, Integer.toString(i));
            }
            await().atMost(WAIT).until(() -> processed.containsAll(
                    List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")));
            assertThat(deliveries.get("3")).as("the failed message came again").isGreaterThanOrEqualTo(2);
            assertThat(failed).singleElement().satisfies(m -> assertThat(m.isSettled()).isFalse());
            assertThat(connection.state()).isEqualTo(StompConnection.State.CONNECTED);
            assertThat(connection.stats().reconnects()).isZero();
            assertThat(connection.stats().lastError()).isNull();
        }
        assertThat(leftOn(queue)).as("everything was acknowledged").isEmpty();
    }

    @Test
    void anAckOfAMessageFromBeforeTheResubscribeIsNotSentAndTheMessageComesAgain() throws Exception {
        String queue = queue();
        BlockingQueue<StompMessage> kept = new LinkedBlockingQueue<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        AtomicBoolean keptOnce = new AtomicBoolean();
        List<String> processed = new CopyOnWriteArrayList<>();
        try (StompConnection connection = connect()) {
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client-individual").build(), m -> {
                String body = body(m);
                if (body.equals("keep") && keptOnce.compareAndSet(false, true)) {
                    kept.add(m); // settled later, after the resubscribe
                    return;
                }
                if (body.equals("fail") && failedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("fails once");
                }
                processed.add(body);
                m.ack();
            });
            send(connection, queue, "keep");
            StompMessage early = kept.poll(10, TimeUnit.SECONDS);
            assertThat(early).isNotNull();
            send(connection, queue, "fail");
            await().atMost(WAIT).until(() -> processed.containsAll(List.of("keep", "fail")));
            early.ack(); // its subscription has subscribed anew: nothing is sent, the message counts as settled
            assertThat(early.isSettled()).isTrue();
            send(connection, queue, "after");
            await().atMost(WAIT).until(() -> processed.contains("after"));
            assertThat(connection.state()).isEqualTo(StompConnection.State.CONNECTED);
            assertThat(connection.stats().reconnects()).isZero();
            assertThat(connection.stats().lastError()).isNull();
        }
        assertThat(leftOn(queue)).isEmpty();
    }

    @Test
    void nackPolicyNacksAndArtemisDropsTheMessage() throws Exception {
        String queue = queue();
        BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
        try (StompConnection connection = connect()) {
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client-individual")
                    .onListenerFailure(ListenerFailure.NACK).build(), m -> {
                        received.add(m);
                        throw new IllegalStateException("listener refuses " + m.messageId());
                    });
            send(connection, queue, "x");
            StompMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            await().atMost(WAIT).until(message::isSettled); // NACKed by the subscription
            assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("Artemis does not redeliver a NACK").isNull();
        }
        assertThat(leftOn(queue)).as("Artemis treats a STOMP NACK as an ACK").isEmpty();
    }

    @Test
    void onTheWireRedeliverUnsubscribesAndSubscribesAgainWithTheSameHeadersUnderTheNextGenerationsId()
            throws Exception {
        try (FakeStompPeer peer = FakeStompPeer.start()) {
            peer.connectedHeaders(Map.of("version", "1.2", "heart-beat", "0,0")).autoReceipts(false);
            try (StompConnection connection = new StompConnection(StompConfig.builder()
                    .failover("failover:(" + peer.uri() + ")?initialReconnectDelay=10").heartBeats(0, 0).build())) {
                connection.connect();
                FakeStompPeer.Connection conn = peer.awaitConnection(WAIT);
                BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
                Subscription subscription = connection.subscribe("/queue/a", SubscriptionOptions.builder()
                        .ackMode("client-individual").headers(Map.of("x-custom", "1")).build(), m -> {
                            received.add(m);
                            if (body(m).equals("fail")) {
                                throw new IllegalStateException("fails");
                            }
                        });
                StompFrame first = conn.awaitFrame("SUBSCRIBE", WAIT);
                conn.sendRaw(message(subscription.id(), "m1", "keep"));
                StompMessage early = received.poll(10, TimeUnit.SECONDS);
                assertThat(early).isNotNull();
                conn.sendRaw(message(subscription.id(), "m2", "fail"));

                StompFrame unsubscribe = conn.awaitFrame("UNSUBSCRIBE", WAIT);
                assertThat(unsubscribe.header("id")).isEqualTo(subscription.id());
                assertThat(unsubscribe.header("receipt")).isNotNull();
                StompFrame again = conn.awaitFrame("SUBSCRIBE", WAIT);
                Map<String, String> expected = new HashMap<>(first.headers());
                expected.put("id", subscription.id() + "~g1"); // Artemis may send for the old id after the RECEIPT
                assertThat(again.headers()).isEqualTo(expected);
                assertThat(first.header("x-custom")).isEqualTo("1");
                assertThat(subscription.isActive()).isTrue();

                early.ack(); // from before the resubscribe: not sent
                assertThat(early.isSettled()).isTrue();
                received.clear();
                conn.sendRaw(FakeStompPeer.frame("RECEIPT", Map.of("receipt-id", unsubscribe.header("receipt")),
                        ""));
                conn.sendRaw(message(subscription.id(), "m3", "late")); // of the old subscription: dropped
                conn.sendRaw(message(again.header("id"), "m4", "new"));
                StompMessage current = received.poll(10, TimeUnit.SECONDS);
                assertThat(current).isNotNull();
                assertThat(body(current)).isEqualTo("new");
                assertThat(current.subscriptionId()).isEqualTo(subscription.id());
                current.ack();
                StompFrame ack = conn.awaitFrame("ACK", WAIT);
                assertThat(ack.header("id")).isEqualTo("a-m4");
                assertThat(conn.frames()).extracting(StompFrame::command)
                        .containsExactly("CONNECT", "SUBSCRIBE", "UNSUBSCRIBE", "SUBSCRIBE", "ACK");
            }
        }
    }

    private static byte[] message(String subscriptionId, String id, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("subscription", subscriptionId);
        headers.put("destination", "/queue/a");
        headers.put("message-id", id);
        headers.put("ack", "a-" + id);
        return FakeStompPeer.frame("MESSAGE", headers, body);
    }
}
