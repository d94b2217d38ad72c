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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.stompest.client.testing.FakeStompPeer;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * A connection goes live in steps (replayed SUBSCRIBEs, then CONNECTED), and a broker with a backlog answers the
 * SUBSCRIBE at once: the listener of such a first MESSAGE must be able to ACK, BEGIN and COMMIT (it once failed
 * with "Not connected [command=begin, state=CONNECTING]" when the MESSAGE won the race against CONNECTED).
 */
class GoingLiveTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int ROUNDS = 40;

    /** The peer answers every SUBSCRIBE on its reader thread with a MESSAGE, as fast as it can. */
    private static FakeStompPeer peerWithABacklog() {
        return FakeStompPeer.start().onFrame((wire, frame) -> {
            if (StompSpec.SUBSCRIBE.equals(frame.command())) {
                wire.sendRaw(FakeStompPeer.frame(StompSpec.MESSAGE, Map.of("destination", "/queue/in",
                        "message-id", "m-" + wire.number(), "ack", "a-" + wire.number(),
                        "subscription", frame.header(StompSpec.ID_HEADER)), "first"));
            }
        });
    }

    @Test
    void theListenerOfAMessageThatOvertakesConnectedCanSettleItInATransaction() throws Exception {
        try (FakeStompPeer peer = peerWithABacklog()) {
            for (int round = 0; round < ROUNDS; round++) {
                StompConnection connection = new StompConnection(StompConfig.builder().failover(peer.uri())
                        .heartBeats(0, 0).build());
                CompletableFuture<String> settled = new CompletableFuture<>();
                try {
                    connection.subscribe("/queue/in", SubscriptionOptions.builder().ackMode(StompSpec.ACK_CLIENT_INDIVIDUAL)
                            .build(), message -> {
                                try {
                                    String transaction = connection.begin();
                                    connection.ack(message, transaction);
                                    connection.commit(transaction).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                                    settled.complete(message.messageId());
                                } catch (Exception | Error e) {
                                    settled.completeExceptionally(e);
                                }
                            });
                    connection.connect();
                    FakeStompPeer.Connection wire = peer.awaitConnection(WAIT);
                    assertThat(settled.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("round %d", round)
                            .isEqualTo("m-" + wire.number());
                    assertThat(commands(wire)).as("round %d", round)
                            .containsSubsequence(StompSpec.SUBSCRIBE, StompSpec.BEGIN, StompSpec.ACK, StompSpec.COMMIT);
                } finally {
                    connection.close();
                }
            }
        }
    }

    @Test
    void awaitConnectedWaitsWhileReconnectingAndReturnsOnceConnected() throws Exception {
        try (FakeStompPeer peer = FakeStompPeer.start()) {
            StompConnection connection = new StompConnection(StompConfig.builder().failover(peer.uri()
                    + "?initialReconnectDelay=10&maxReconnectDelay=10").heartBeats(0, 0).build());
            try {
                connection.connect();
                FakeStompPeer.Connection first = peer.awaitConnection(WAIT);
                CountDownLatch answer = new CountDownLatch(1);
                peer.onConnect((wire, connect) -> {
                    try {
                        answer.await(); // the reconnect waits here for its CONNECTED
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    wire.sendRaw(FakeStompPeer.frame(StompSpec.CONNECTED, Map.of("version", "1.2"), ""));
                });
                first.close();
                peer.awaitConnection(WAIT);
                assertThat(connection.state()).isEqualTo(StompConnection.State.RECONNECTING);

                CompletableFuture<Void> waited = CompletableFuture.runAsync(connection::awaitConnected);
                await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> !waited.isDone());
                answer.countDown();
                waited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(connection.state()).isEqualTo(StompConnection.State.CONNECTED);
            } finally {
                connection.close();
            }
        }
    }

    private static List<String> commands(FakeStompPeer.Connection wire) {
        return wire.frames().stream().map(StompFrame::command).collect(Collectors.toList());
    }
}
