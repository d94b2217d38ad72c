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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.testing.Brokers;
import org.stompest.client.testing.Brokers.Kind;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompProtocolError;
import org.stompest.protocol.StompFrame;

/** Receipts complete the futures; COMMIT delivers, ABORT does not; on the three brokers. */
class ReceiptsAndTransactionsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final Brokers brokers = new Brokers();

    static Stream<Arguments> brokersAndVersions() {
        return Brokers.all().flatMap(b -> Stream.of("1.0", "1.2").map(v -> Arguments.of(b, v)));
    }

    private static StompConnection connect(Kind broker, String version) {
        StompConnection connection = new StompConnection(brokers.config(broker).version(version).build());
        connection.connect();
        return connection;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("brokersAndVersions")
    void receiptsCompleteTheirFutures(Kind broker, String version) throws Exception {
        try (StompConnection connection = connect(broker, version)) {
            String queue = "/queue/receipts-" + UUID.randomUUID();
            CompletableFuture<?>[] futures = new CompletableFuture<?>[50];
            for (int i = 0; i < futures.length; i++) {
                futures[i] = connection.sendWithReceipt(queue, utf8("m" + i), Map.of());
            }
            CompletableFuture.allOf(futures).get(10, TimeUnit.SECONDS);
            StompFrame receipt = (StompFrame) futures[0].get();
            assertThat(receipt.command()).isEqualTo("RECEIPT");
            assertThat(receipt.header("receipt-id")).startsWith(connection.id() + "-r");
            assertThat(connection.stats().pendingReceipts()).isZero();
        }
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("brokersAndVersions")
    void commitDeliversAndAbortDoesNot(Kind broker, String version) throws Exception {
        try (StompConnection connection = connect(broker, version)) {
            String queue = "/queue/tx-" + UUID.randomUUID();
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            connection.subscribe(queue, SubscriptionOptions.defaults(),
                    m -> received.add(new String(m.body(), StandardCharsets.UTF_8)));

            String aborted = connection.begin();
            connection.send(queue, utf8("aborted-1"), Map.of(), aborted);
            CompletableFuture<StompFrame> abortedReceipt = connection.sendWithReceipt(queue, utf8("aborted-2"),
                    Map.of(), aborted, null);
            if (broker == Kind.RABBITMQ) {
                // RabbitMQ holds a transaction's frames, their receipts included, until COMMIT: ABORT discards them
                // unanswered (seen on 3.10; its STOMP adapter runs transactional frames at COMMIT)
                await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !abortedReceipt.isDone());
            } else {
                abortedReceipt.get(10, TimeUnit.SECONDS);
            }
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
            assertThat(connection.abort(aborted).get(10, TimeUnit.SECONDS).command()).isEqualTo("RECEIPT");
            if (broker == Kind.RABBITMQ) {
                await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !abortedReceipt.isDone());
            }

            String committed = connection.begin();
            assertThat(committed).isNotEqualTo(aborted);
            connection.send(queue, utf8("committed-1"), Map.of(), committed);
            CompletableFuture<StompFrame> committedReceipt = connection.sendWithReceipt(queue, utf8("committed-2"),
                    Map.of(), committed, null);
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
            connection.commit(committed).get(10, TimeUnit.SECONDS);
            assertThat(committedReceipt.get(10, TimeUnit.SECONDS).command()).isEqualTo("RECEIPT");

            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("committed-1");
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("committed-2");
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("brokersAndVersions")
    void ackInsideATransactionCountsOnlyOnCommit(Kind broker, String version) throws Exception {
        String queue = "/queue/txack-" + UUID.randomUUID();
        try (StompConnection connection = connect(broker, version)) {
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client").build(), received::add);
            connection.sendWithReceipt(queue, utf8("once"), Map.of()).get(10, TimeUnit.SECONDS);
            StompMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            String transaction = connection.begin();
            message.ack(transaction);
            connection.commit(transaction).get(10, TimeUnit.SECONDS);
        }
        try (StompConnection connection = connect(broker, version)) {
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client").build(), received::add);
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("brokersAndVersions")
    void unknownTransactionsAreRefused(Kind broker, String version) throws Exception {
        try (StompConnection connection = connect(broker, version)) {
            assertThatThrownBy(() -> connection.send("/queue/x", utf8("x"), Map.of(), "nope"))
                    .isInstanceOf(StompProtocolError.class).hasMessage("Transaction unknown: nope");
            assertThatThrownBy(() -> connection.commit("nope").get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(StompProtocolError.class).hasMessage("Transaction unknown: nope");
        }
    }

    @ParameterizedTest(name = "{0} STOMP {1}")
    @MethodSource("brokersAndVersions")
    void sendingWhileNotConnectedFailsFast(Kind broker, String version) throws Exception {
        StompConnection connection = connect(broker, version);
        connection.disconnect();
        assertThat(connection.state()).isEqualTo(StompConnection.State.CLOSED);
        assertThatThrownBy(() -> connection.send("/queue/x", utf8("x"), Map.of()))
                .isInstanceOf(StompConnectionError.class).hasMessageContaining("Not connected")
                .hasMessageContaining("CLOSED");
        assertThatThrownBy(() -> connection.sendWithReceipt("/queue/x", utf8("x"), Map.of(), null,
                Duration.ofSeconds(1)).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(StompConnectionError.class);
    }
}
