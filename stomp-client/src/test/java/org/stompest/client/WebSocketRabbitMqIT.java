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

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.testing.BrokerExtension;
import org.stompest.client.testing.FreePorts;
import org.stompest.client.testing.RabbitMqProcess;

/** RabbitMQ Web STOMP ({@code rabbitmq_web_stomp} on {@code /ws}, binary frames): the same client over ws://. */
class WebSocketRabbitMqIT {
    @RegisterExtension
    static final BrokerExtension<RabbitMqProcess> RABBITMQ = BrokerExtension.rabbitMq();

    private static StompConfig.Builder config(String failover) {
        return StompConfig.builder().failover(failover).host("/").login("guest").passcode("guest");
    }

    @Test
    void webStompCarriesBinaryBodiesWithNulBytes() throws Exception {
        String queue = "/queue/ws-" + UUID.randomUUID();
        byte[] body = {0, 'r', 0, (byte) 0xc3, (byte) 0x28, (byte) 0xff, 0};
        try (StompConnection connection = new StompConnection(config(RABBITMQ.get().webStompUri()).build())) {
            connection.connect();
            assertThat(connection.currentBroker()).isEqualTo(RABBITMQ.get().webStompUri());
            assertThat(connection.server()).startsWith("RabbitMQ");
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            connection.subscribe(queue, SubscriptionOptions.defaults(), received::add);
            connection.sendWithReceipt(queue, body, Map.of()).get(10, TimeUnit.SECONDS);
            StompMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("message over Web STOMP").isNotNull();
            assertThat(message.body()).containsExactly(body);
        }
    }

    @Test
    void failsOverFromADeadTcpBrokerToWebStompAndBack() throws Exception {
        String deadTcp = "tcp://127.0.0.1:" + FreePorts.find();
        String deadWs = "ws://127.0.0.1:" + FreePorts.find() + "/ws";
        String options = "?randomize=false,initialReconnectDelay=10,startupMaxReconnectAttempts=3";
        try (StompConnection toWs = new StompConnection(config("failover:(" + deadTcp + ","
                     + RABBITMQ.get().webStompUri() + ")" + options).build());
             StompConnection toTcp = new StompConnection(config("failover:(" + deadWs + ","
                     + RABBITMQ.get().stompUri() + ")" + options).build())) {
            toWs.connect();
            toTcp.connect();
            assertThat(toWs.currentBroker()).isEqualTo(RABBITMQ.get().webStompUri());
            assertThat(toTcp.currentBroker()).isEqualTo(RABBITMQ.get().stompUri());
            assertThat(toWs.stats().connectAttempts()).as("the dead tcp:// broker, then ws://").isEqualTo(2);
            assertThat(toTcp.stats().lastAttemptError()).contains("WebSocket handshake with " + deadWs + " failed");

            String queue = "/queue/ws-" + UUID.randomUUID();
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            toWs.subscribe(queue, SubscriptionOptions.defaults(), received::add);
            toTcp.sendWithReceipt(queue, "tcp to ws".getBytes(StandardCharsets.UTF_8), Map.of())
                    .get(10, TimeUnit.SECONDS);
            StompMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("sent over tcp://, received over ws://").isNotNull();
            assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("tcp to ws");
        }
    }
}
