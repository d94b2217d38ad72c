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
package org.stompest.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.StompMessage;
import org.stompest.client.SubscriptionOptions;

/**
 * The rows of the delivery-contract issue that lost messages with the component's default options, each rerun with
 * those defaults: relays between queues and topics arrive, the delivery attributes of an inbound message never steer
 * the relayed SEND, an auto-ack relay with a backlog neither stalls nor drops, and the one combination that cannot be
 * safe is refused. Run for Artemis and ActiveMQ Classic.
 */
abstract class AbstractDeliveryDefaultsIT extends StompestITSupport {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private StompConnection client() {
        StompConnection connection = new StompConnection(StompConfig.builder().failover(brokerUri())
                .host(virtualHost()).build());
        connection.connect();
        return connection;
    }

    private static byte[] bytes(int n) {
        return Integer.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static int number(StompMessage message) {
        return Integer.parseInt(new String(message.body(), StandardCharsets.US_ASCII));
    }

    /** Subscribes a plain client to {@code destination}, recording each body's number; acks each. */
    private static Set<Integer> collect(StompConnection connection, String destination, List<StompMessage> frames) {
        Set<Integer> received = ConcurrentHashMap.newKeySet();
        connection.subscribe(destination, SubscriptionOptions.builder().ackMode("client-individual").build(), m -> {
            frames.add(m);
            received.add(number(m));
            m.ack();
        });
        return received;
    }

    /** Sends probe -1 until {@code received} has it: a topic keeps nothing for subscribers not there yet. */
    private void awaitTopicSubscribed(String topic, Set<Integer> received) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            template.sendBody("stompest:" + topic, "-1");
            return received.contains(-1);
        });
    }

    private void relay(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:" + from).to("stompest:" + to);
            }
        });
    }

    @Test
    void aQueueToTopicRelayDeliversEveryMessage() throws Exception {
        assertRelayDeliversEveryMessage("queue:" + unique("relay-in"), "topic:" + unique("relay-out"));
    }

    @Test
    void aTopicToQueueRelayDeliversEveryMessage() throws Exception {
        assertRelayDeliversEveryMessage("topic:" + unique("relay-in"), "queue:" + unique("relay-out"));
    }

    /** {@code from} and {@code to} as in the URI ({@code queue:x}, {@code topic:y}); a topic is probed first. */
    private void assertRelayDeliversEveryMessage(String from, String to) throws Exception {
        try (StompConnection subscriber = client()) {
            Set<Integer> received = collect(subscriber, "/" + to.replace(':', '/'), new CopyOnWriteArrayList<>());
            relay(from, to);
            awaitTopicSubscribed(from.startsWith("topic:") ? from : to, received);
            for (int i = 0; i < 100; i++) {
                template.sendBody("stompest:" + from, Integer.toString(i));
            }
            await().atMost(WAIT).until(() -> received.size() >= 101);
            for (int i = 0; i < 100; i++) {
                assertThat(received).as("message %d relayed from %s to %s", i, from, to).contains(i);
            }
        }
    }

    /** Delivery attributes of the message the relay receives: they must lose to the relay producer's settings. */
    protected Map<String, String> inboundDeliveryAttributes() {
        return Map.of("persistent", "false", "priority", "1");
    }

    /** The inbound persistent:false and priority:1 lose to the producer's defaults and its sendHeaders. */
    @Test
    void theInboundDeliveryAttributesDoNotSteerTheRelayedSend() throws Exception {
        String in = unique("attributes-in");
        String out = unique("attributes-out");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + in).to("stompest:queue:" + out + "?sendHeaders.priority=9");
            }
        });
        List<StompMessage> frames = new CopyOnWriteArrayList<>();
        try (StompConnection connection = client()) {
            collect(connection, "/queue/" + out, frames);
            Map<String, String> headers = new java.util.HashMap<>(inboundDeliveryAttributes());
            headers.put("app-note", "kept");
            connection.sendWithReceipt("/queue/" + in, bytes(1), headers).get(10, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> !frames.isEmpty());
        }
        StompMessage relayed = frames.get(0);
        assertThat(relayed.header("persistent")).as("persistent of the relayed message").isEqualTo("true");
        assertThat(relayed.header("priority")).as("priority of the relayed message").isEqualTo("9");
        assertThat(relayed.header("app-note")).as("an application header").isEqualTo("kept");
    }

    @Test
    void aProducerSendsPersistentByDefault() throws Exception {
        String queue = unique("persistent");
        List<StompMessage> frames = new CopyOnWriteArrayList<>();
        try (StompConnection connection = client()) {
            collect(connection, "/queue/" + queue, frames);
            template.sendBody("stompest:queue:" + queue, "1");
            template.sendBody("stompest:queue:" + queue + "?persistent=false", "2");
            await().atMost(WAIT).until(() -> frames.size() >= 2);
        }
        Map<Integer, String> persistent = new java.util.HashMap<>();
        frames.forEach(m -> persistent.put(number(m), String.valueOf(m.header("persistent"))));
        assertThat(persistent.get(1)).as("persistent header of a default send").isEqualTo("true");
        assertThat(persistent.get(2)).as("persistent header with persistent=false").isNotEqualTo("true");
    }

    /** 2,000 waiting; the relay acknowledges each as a thread takes it, and the route's sends still get receipts. */
    @Test
    void anAutoAckRelayWithABacklogNeitherStallsNorDrops() throws Exception {
        String in = unique("auto-in");
        String out = unique("auto-out");
        int count = 2_000;
        try (StompConnection connection = client()) {
            for (int i = 0; i < count; i++) {
                connection.send("/queue/" + in, bytes(i), Map.of("persistent", "true"));
            }
            connection.sendWithReceipt("/queue/" + in, bytes(count), Map.of()).get(30, TimeUnit.SECONDS);
            Set<Integer> received = collect(connection, "/queue/" + out, new CopyOnWriteArrayList<>());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stompest:queue:" + in + "?ackMode=auto").routeId("auto-relay")
                            .to("stompest:queue:" + out);
                }
            });
            await().atMost(WAIT).until(() -> received.size() >= count + 1);
            assertThat(received).hasSize(count + 1);
        }
    }

    @Test
    void clientAckWithConcurrentConsumersIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("stompest:queue:x?ackMode=client&concurrentConsumers=4"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("ackMode=client")
                .hasMessageContaining("concurrentConsumers=4");
    }
}
