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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.error.StompFrameError;

/**
 * Issue 12 on a real broker: a header value with a line feed on a STOMP 1.0 connection, and a CONNECT option with
 * one in any version, would add header lines (on Artemis the later {@code destination} wins, so the message moved).
 * The protocol refuses to render such frames; here we show that nothing reaches the socket, the connection stays
 * usable, and the injected destination never sees a message.
 */
class HeaderInjectionIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MESSAGE = "Header value of 'x-note' contains a line feed (LF), which STOMP 1.0 "
            + "cannot escape [command=SEND]";
    private static EmbeddedArtemis artemis;

    @BeforeAll
    static void startBroker() {
        artemis = EmbeddedArtemis.builder().build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (artemis != null) {
            artemis.close();
        }
    }

    @Test
    void lineFeedInA10HeaderValueFailsTheSendAndNothingReachesTheInjectedDestination() throws Exception {
        String ok = "ok-" + UUID.randomUUID();
        String evil = "evil-" + UUID.randomUUID();
        Map<String, String> injected = Map.of("x-note", "a\ndestination:/queue/" + evil);
        StompConfig config = StompConfig.builder().failover(artemis.stompUri()).version("1.0").heartBeats(0, 0)
                .build();
        try (StompConnection connection = new StompConnection(config)) {
            connection.connect();
            long framesBefore = connection.stats().framesSent();

            assertThatThrownBy(() -> connection.send("/queue/" + ok, bytes("plain"), injected))
                    .isInstanceOf(StompFrameError.class).hasMessage(MESSAGE);
            CompletableFuture<?> withReceipt = connection.sendWithReceipt("/queue/" + ok, bytes("receipt"), injected);
            assertThatThrownBy(() -> withReceipt.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StompFrameError.class).hasMessage(MESSAGE);
            assertThat(connection.stats().framesSent()).isEqualTo(framesBefore);

            // Still usable; the broker handles a connection's frames in order, so by this receipt it would have
            // routed anything written before.
            connection.sendWithReceipt("/queue/" + ok, bytes("after"), Map.of("x-note", "a:b"))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(messagesAdded(ok)).isEqualTo(1));
        assertThat(messagesAdded(evil)).isZero();
    }

    @ParameterizedTest(name = "STOMP {0}")
    @ValueSource(strings = {"1.0", "1.1", "1.2"})
    void connectOptionsWithALineFeedAreRefusedWhenTheConfigIsBuilt(String version) {
        StompConfig.Builder builder = StompConfig.builder().failover(artemis.stompUri()).version(version);

        assertThatThrownBy(() -> builder.login("guest\npasscode:x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid login: Header value of 'login' "
                        + "contains a line feed (LF), which STOMP 1.0 cannot escape [command=CONNECT]");
        assertThatThrownBy(() -> builder.login(null).host("/\nlogin:admin").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid host: Header value "
                        + "of 'host' contains a line feed (LF)");
        assertThatThrownBy(() -> builder.host(null).connectHeaders(Map.of("client-id", "c\r\nlogin:admin")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid connectHeaders: "
                        + "Header value of 'client-id' contains a carriage return (CR)");
        assertThatThrownBy(() -> builder.connectHeaders(Map.of()).passcode("s3cret\nx:y").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid passcode: ")
                .message().doesNotContain("s3cret");
    }

    @Test
    void connectOptionsWithoutControlCharactersStillConnect() {
        StompConfig config = StompConfig.builder().failover(artemis.stompUri()).version("1.2").host("localhost")
                .connectHeaders(Map.of("client-id", "c:" + UUID.randomUUID())).build();
        try (StompConnection connection = new StompConnection(config)) {
            connection.connect();
            assertThat(connection.version()).isEqualTo("1.2");
        }
    }

    /** How many messages the broker ever routed to the anycast queue {@code name} (0 when it does not exist). */
    private static long messagesAdded(String name) {
        Queue queue = artemis.server().locateQueue(SimpleString.of(name));
        return queue == null ? 0 : queue.getMessagesAdded();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
