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

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stompest.client.testing.Brokers;
import org.stompest.client.testing.Brokers.Kind;
import org.stompest.error.StompConnectionError;

/** {@link Requestor} on the three brokers: replies by correlation id, timeouts, reconnects and close. */
class RequestorIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final Brokers brokers = new Brokers();

    private static StompConnection connect(Kind broker) {
        StompConnection connection = new StompConnection(brokers.config(broker).build());
        connection.connect();
        return connection;
    }

    /** Answers every request on {@code service} with "re:" + its body, to its reply-to, with its correlation id. */
    private static void serve(StompConnection connection, String service) {
        connection.subscribe(service, SubscriptionOptions.defaults(), request -> connection.send(
                request.headers().get(Requestor.REPLY_TO_HEADER),
                ("re:" + new String(request.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                Map.of(Requestor.CORRELATION_ID_HEADER, request.headers().get(Requestor.CORRELATION_ID_HEADER))));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(StompMessage message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.stompest.client.testing.Brokers#all")
    void eachRequestGetsItsOwnReply(Kind broker) throws Exception {
        String service = "/queue/service-" + UUID.randomUUID();
        try (StompConnection server = connect(broker); StompConnection client = connect(broker);
             Requestor requestor = Requestor.builder(client).build()) {
            serve(server, service);
            CompletableFuture<?>[] replies = new CompletableFuture<?>[20];
            for (int i = 0; i < replies.length; i++) {
                replies[i] = requestor.request(service, utf8("q" + i),
                        Map.of(Requestor.CORRELATION_ID_HEADER, "mine", Requestor.REPLY_TO_HEADER, "/queue/x"),
                        WAIT);
            }
            for (int i = 0; i < replies.length; i++) {
                StompMessage reply = (StompMessage) replies[i].get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(text(reply)).isEqualTo("re:q" + i);
                assertThat(reply.headers().get(Requestor.CORRELATION_ID_HEADER)).isNotEqualTo("mine");
                assertThat(reply.destination()).isEqualTo(requestor.replyTo());
            }
            assertThat(requestor.pending()).isZero();
            assertThat(client.subscriptions()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.stompest.client.testing.Brokers#all")
    void keepsTheCallersCorrelationIdWhenToldTo(Kind broker) throws Exception {
        String service = "/queue/service-" + UUID.randomUUID();
        try (StompConnection server = connect(broker); StompConnection client = connect(broker);
             Requestor requestor = Requestor.builder(client).keepCorrelationId(true).build()) {
            serve(server, service);
            StompMessage reply = requestor.request(service, utf8("q"), Map.of(Requestor.CORRELATION_ID_HEADER,
                    "order-42"), null, true, WAIT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(reply.headers()).containsEntry(Requestor.CORRELATION_ID_HEADER, "order-42");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.stompest.client.testing.Brokers#all")
    void failsWithATimeoutNamingDestinationAndCorrelationId(Kind broker) {
        String nobody = "/queue/nobody-" + UUID.randomUUID();
        try (StompConnection client = connect(broker); Requestor requestor = Requestor.builder(client).build()) {
            CompletableFuture<StompMessage> reply = requestor.request(nobody, utf8("q"), Map.of(),
                    Duration.ofMillis(300));
            assertThatThrownBy(() -> reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(StompRequestTimeout.class).isInstanceOf(StompConnectionError.class)
                    .hasMessageStartingWith("No reply on time [destination=" + nobody + ", correlation-id=")
                    .hasMessageEndingWith(", timeout=PT0.3S]");
            assertThat(requestor.pending()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.stompest.client.testing.Brokers#all")
    void repliesStillComeAfterAReconnect(Kind broker) throws Exception {
        String service = "/queue/service-" + UUID.randomUUID();
        try (StompConnection server = connect(broker); StompConnection client = connect(broker);
             Requestor requestor = Requestor.builder(client).build()) {
            serve(server, service);
            assertThat(text(requestor.request(service, utf8("before"), Map.of(), WAIT).get())).isEqualTo("re:before");
            client.reconnect();
            await().atMost(WAIT).until(() -> client.isConnected() && client.epoch() == 2);
            assertThat(text(requestor.request(service, utf8("after"), Map.of(), WAIT)
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("re:after");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.stompest.client.testing.Brokers#all")
    void closingFailsWhatIsPendingAndUnsubscribes(Kind broker) {
        String nobody = "/queue/nobody-" + UUID.randomUUID();
        try (StompConnection client = connect(broker)) {
            Requestor requestor = Requestor.builder(client).build();
            CompletableFuture<StompMessage> reply = requestor.request(nobody, utf8("q"), Map.of(), WAIT);
            requestor.close();
            assertThatThrownBy(() -> reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(StompConnectionError.class)
                    .hasMessageStartingWith("Requestor closed [reply-to=" + requestor.replyTo());
            assertThat(client.subscriptions()).isEmpty();
            assertThatThrownBy(() -> requestor.request(nobody, utf8("q"), Map.of(), WAIT).join())
                    .hasCauseInstanceOf(StompConnectionError.class);
        }
    }
}
