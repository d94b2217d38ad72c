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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.faults.LogCapture;
import org.stompest.client.testing.Brokers;
import org.stompest.client.testing.Brokers.Kind;

/**
 * The RABBITMQ profile rules on RabbitMQ 3.10, each shown by the frames the client wrote (its DEBUG log of
 * {@code SocketTransport}: {@code Sent <COMMAND> frame [headers=...]}) and by what the broker did with them.
 */
class RabbitMqProfileIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String WIRE = "org.stompest.client.SocketTransport";
    @RegisterExtension
    static final Brokers brokers = Brokers.only(Kind.RABBITMQ);

    private static StompConnection connect() {
        StompConnection connection = new StompConnection(brokers.config(Kind.RABBITMQ).build());
        connection.connect();
        assertThat(connection.brokerProfile()).isEqualTo(BrokerProfile.RABBITMQ);
        return connection;
    }

    private static List<String> sent(LogCapture logs, String command) {
        return logs.lines().stream().filter(line -> line.contains("Sent " + command + " frame")).toList();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** RabbitMQ requeues on NACK: the profile NACKs a message whose listener failed, and it comes straight back. */
    @Test
    void aFailedMessageIsNackedAndRequeued() throws Exception {
        String queue = "/queue/nack-" + UUID.randomUUID();
        BlockingQueue<StompMessage> deliveries = new LinkedBlockingQueue<>();
        try (LogCapture logs = LogCapture.start(Level.DEBUG, WIRE); StompConnection connection = connect()) {
            java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client-individual").build(), m -> {
                deliveries.add(m);
                if (count.incrementAndGet() == 1) { // the test thread takes from deliveries: count apart
                    throw new IllegalStateException("planned failure of " + m.messageId());
                }
                m.ack();
            });
            connection.sendWithReceipt(queue, utf8("fail once"), Map.of()).get(10, TimeUnit.SECONDS);
            StompMessage failed = deliveries.poll(10, TimeUnit.SECONDS);
            StompMessage again = deliveries.poll(10, TimeUnit.SECONDS);
            assertThat(failed).as("first delivery").isNotNull();
            assertThat(again).as("the failed message, requeued by the NACK").isNotNull();
            assertThat(again.body()).isEqualTo(failed.body());
            assertThat(again.header("redelivered")).isEqualTo("true");
            await().atMost(WAIT).until(again::isSettled);
            assertThat(sent(logs, "NACK")).as("NACKs on the wire").hasSize(1).allMatch(line -> line.contains(
                    "'id': '" + failed.ackId() + "'"));
            assertThat(sent(logs, "UNSUBSCRIBE")).as("no resubscribe: a NACK is how RabbitMQ gives it back")
                    .isEmpty();
        }
        try (StompConnection connection = connect()) {
            BlockingQueue<StompMessage> left = new LinkedBlockingQueue<>();
            connection.subscribe(queue, SubscriptionOptions.defaults(), left::add);
            assertThat(left.poll(300, TimeUnit.MILLISECONDS)).as("left in the queue after the ACK").isNull();
        }
    }

    /** {@code prefetch-count:N}: RabbitMQ has at most N unacknowledged deliveries out, and sends one more per ACK. */
    @Test
    void prefetchCountLimitsUnacknowledgedDeliveries() throws Exception {
        String queue = "/queue/prefetch-" + UUID.randomUUID();
        List<StompMessage> delivered = new CopyOnWriteArrayList<>();
        try (LogCapture logs = LogCapture.start(Level.DEBUG, WIRE); StompConnection connection = connect()) {
            for (int i = 0; i < 50; i++) {
                connection.sendWithReceipt(queue, utf8("m" + i), Map.of()).get(10, TimeUnit.SECONDS);
            }
            connection.subscribe(queue, SubscriptionOptions.builder().ackMode("client-individual").prefetch(5)
                    .queueCapacity(100).build(), delivered::add); // never acks by itself
            assertThat(sent(logs, "SUBSCRIBE")).hasSize(1).allMatch(line -> line.contains("'prefetch-count': '5'"));
            await().atMost(WAIT).until(() -> delivered.size() == 5);
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> delivered.size() == 5);
            delivered.get(0).ack();
            await().atMost(WAIT).until(() -> delivered.size() == 6);
            await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> delivered.size() == 6);
        }
    }

    /**
     * Queue arguments through subscribe headers: {@code x-queue-type:quorum} declares a quorum queue (RabbitMQ's
     * {@code /queue/} destinations are durable, non-exclusive and not auto-deleted, as a quorum queue needs), which
     * works on this single node: messages flow and {@code rabbitmqctl list_queues} reports the type.
     */
    @Test
    void xQueueTypeQuorumInSubscribeHeadersDeclaresAQuorumQueue() throws Exception {
        String name = "quorum-" + UUID.randomUUID();
        BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
        try (LogCapture logs = LogCapture.start(Level.DEBUG, WIRE); StompConnection connection = connect()) {
            connection.subscribe("/queue/" + name, SubscriptionOptions.builder().ackMode("client-individual")
                    .headers(Map.of("x-queue-type", "quorum")).build(), received::add);
            connection.sendWithReceipt("/queue/" + name, utf8("in a quorum queue"), Map.of("persistent", "true"))
                    .get(10, TimeUnit.SECONDS);
            StompMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("message through the quorum queue").isNotNull();
            message.ack();
            assertThat(sent(logs, "SUBSCRIBE")).hasSize(1).allMatch(line -> line.contains("'x-queue-type': 'quorum'"));
            assertThat(connection.lastError()).isNull();
            assertThat(brokers.rabbitMq().ctl("list_queues", "-q", "name", "type"))
                    .containsPattern("(?m)^" + name + "\\s+quorum\\s*$");
        }
    }
}
