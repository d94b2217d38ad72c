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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.testing.Brokers;
import org.stompest.client.testing.Brokers.Kind;
import org.stompest.client.testing.EmbeddedActiveMq;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.error.StompConnectTimeout;
import org.stompest.error.StompConnectionError;
import org.stompest.protocol.StompFrame;

/**
 * A wrong passcode: the broker's ERROR message reaches the caller, and the failover loop backs off by its delays
 * instead of retrying in a tight loop.
 */
class AuthenticationIT {
    @RegisterExtension
    static final Brokers brokers = Brokers.only(Kind.RABBITMQ);
    private static final String OPTIONS = "?initialReconnectDelay=150,useExponentialBackOff=false,"
            + "startupMaxReconnectAttempts=2";

    @Test
    void artemisRefusesAWrongPasscodeWithItsMessageAndTheLoopBacksOff() {
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().users(Map.of("user", "secret")).build().start()) {
            assertWrongPasscodeBacksOff(broker.stompUri(),
                    "Security Error occurred: User name [user] or password is invalid");
            try (StompConnection right = new StompConnection(StompConfig.builder().failover(broker.stompUri())
                    .login("user").passcode("secret").build())) {
                right.connect();
                assertThat(right.isConnected()).isTrue();
            }
        }
    }

    @Test
    void activeMqRefusesAWrongPasscodeWithItsMessageAndTheLoopBacksOff() {
        try (EmbeddedActiveMq broker = EmbeddedActiveMq.builder().users(Map.of("user", "secret")).build().start()) {
            assertWrongPasscodeBacksOff(broker.stompUri(), "User name [user] or password is invalid.");
            try (StompConnection right = new StompConnection(StompConfig.builder().failover(broker.stompUri())
                    .login("user").passcode("secret").build())) {
                right.connect();
                assertThat(right.isConnected()).isTrue();
            }
        }
    }

    /** A user made with rabbitmqctl on the run's RabbitMQ node (guest/guest is its only user otherwise). */
    @Test
    void rabbitMqRefusesAWrongPasscodeWithItsMessageAndTheLoopBacksOff() {
        String user = "user-" + UUID.randomUUID();
        brokers.rabbitMq().addUser(user, "secret");
        assertWrongPasscodeBacksOff(brokers.uri(Kind.RABBITMQ), user, "Access refused for user '" + user + "'");
        try (StompConnection right = new StompConnection(brokers.config(Kind.RABBITMQ).login(user).passcode("secret")
                .build())) {
            right.connect();
            assertThat(right.isConnected()).isTrue();
        }
    }

    private static void assertWrongPasscodeBacksOff(String uri, String brokerMessage) {
        assertWrongPasscodeBacksOff(uri, "user", brokerMessage);
    }

    private static void assertWrongPasscodeBacksOff(String uri, String user, String brokerMessage) {
        // host / is RabbitMQ's virtual host; Artemis and Classic ignore it
        StompConnection connection = new StompConnection(StompConfig.builder().failover("failover:(" + uri + ")"
                + OPTIONS).host("/").login(user).passcode("wrong-passcode").build());
        List<StompFrame> refusals = new CopyOnWriteArrayList<>();
        connection.addListener(new ConnectionListener() {
            @Override
            public void connectRefused(StompFrame error) {
                refusals.add(error);
            }
        });
        long start = System.nanoTime();
        assertThatThrownBy(connection::connect).isInstanceOf(StompConnectTimeout.class)
                .isInstanceOf(StompConnectionError.class)
                .hasMessageStartingWith("Reconnect timeout: 2 attempts")
                .hasMessageContaining(brokerMessage)
                .hasMessageNotContaining("wrong-passcode")
                .cause().isInstanceOf(StompConnectionError.class).hasMessageContaining(brokerMessage)
                .cause().isInstanceOf(StompBrokerError.class);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // three attempts: 0, then 150 ms, then 150 ms
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
        assertThat(connection.stats().connectAttempts()).isEqualTo(3);
        assertThat(connection.stats().failoverAttempts()).isZero();
        assertThat(connection.stats().lastAttemptError()).contains(brokerMessage);
        assertThat(connection.state()).isEqualTo(StompConnection.State.FAILED);
        assertThat(refusals).as("each refused CONNECT reaches the listeners").hasSize(3)
                .allSatisfy(error -> assertThat(error.header("message") + new String(error.body(),
                        StandardCharsets.UTF_8)).contains(brokerMessage).doesNotContain("wrong-passcode"));
        connection.close();
    }
}
