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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stompest.client.StompConnection.State;
import org.stompest.client.testing.FakeStompPeer;
import org.stompest.error.StompConnectTimeout;
import org.stompest.error.StompConnectionError;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/** What a scripted peer can make happen: silence, ERROR frames, garbage, closes, slow listeners. */
class FakePeerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private FakeStompPeer peer;
    private StompConnection connection;
    private final List<String> transitions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startPeer() {
        peer = FakeStompPeer.start();
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        peer.close();
    }

    private StompConnection connection(StompConfig.Builder builder) {
        connection = new StompConnection(builder.build());
        connection.addListener(new ConnectionListener() {
            @Override
            public void stateChanged(State from, State to) {
                transitions.add(from + "->" + to);
            }
        });
        return connection;
    }

    private StompConfig.Builder config() {
        return StompConfig.builder().failover("failover:(" + peer.uri() + ")?initialReconnectDelay=10")
                .heartBeats(0, 0);
    }

    @Test
    void silentPeerIsDetectedWithinTheToleranceAndTheClientReconnects() throws Exception {
        peer.connectedHeaders(Map.of("version", "1.2", "heart-beat", "200,0")); // the peer sends every 200 ms
        connection(config().heartBeats(0, 100)).connect();
        assertThat(connection.serverHeartBeat()).isEqualTo(200);
        FakeStompPeer.Connection first = peer.awaitConnection(WAIT);
        first.beatEvery(Duration.ofMillis(100));
        await().atMost(WAIT).until(() -> connection.stats().heartBeatsReceived() >= 3);
        assertThat(connection.state()).isEqualTo(State.CONNECTED);

        // the next session promises no beats, so only the first silence counts, however slow the machine
        peer.connectedHeaders(Map.of("version", "1.2", "heart-beat", "0,0"));
        long silentSince = System.nanoTime();
        first.goSilent();
        await().atMost(WAIT).until(() -> connection.stats().missedHeartBeats() >= 1);
        long detectedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silentSince);
        // tolerance 2.0 x 200 ms = 400 ms after the last byte (which came up to 100 ms before going silent)
        assertThat(detectedMillis).isBetween(250L, 2500L); // upper bound generous for loaded CI machines

        FakeStompPeer.Connection second = peer.awaitConnection(WAIT);
        assertThat(second.awaitFrame("CONNECT", WAIT)).isNotNull();
        await().atMost(WAIT).until(() -> connection.state() == State.CONNECTED && connection.epoch() == 2);
        assertThat(connection.stats().reconnects()).isEqualTo(1);
        assertThat(transitions).containsSubsequence("CONNECTED->RECONNECTING", "RECONNECTING->CONNECTED");
        assertThat(connection.stats().lastError()).contains("Server heart-beat timeout");
    }

    @Test
    void clientSendsTheNegotiatedHeartBeatsWhenIdle() throws Exception {
        peer.connectedHeaders(Map.of("version", "1.2", "heart-beat", "0,100")); // wants a beat every 100 ms
        connection(config().heartBeats(50, 0)).connect();
        assertThat(connection.clientHeartBeat()).isEqualTo(100);
        FakeStompPeer.Connection conn = peer.awaitConnection(WAIT);
        await().atMost(WAIT).until(() -> conn.heartBeatsReceived() >= 5);
        assertThat(connection.stats().heartBeatsSent()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aSlowListenerBlocksTheReaderWithoutLookingLikeSilence() throws Exception {
        peer.connectedHeaders(Map.of("version", "1.2", "heart-beat", "50,0"));
        connection(config().heartBeats(0, 50)).connect();
        FakeStompPeer.Connection conn = peer.awaitConnection(WAIT);
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
        Subscription subscription = connection.subscribe("/queue/slow",
                SubscriptionOptions.builder().queueCapacity(1).build(), m -> {
                    release.await();
                    received.add(m);
                });
        conn.awaitFrame("SUBSCRIBE", WAIT);
        for (int i = 0; i < 5; i++) {
            conn.sendRaw(FakeStompPeer.frame("MESSAGE", Map.of("subscription", subscription.id(),
                    "destination", "/queue/slow", "message-id", "m" + i), "body" + i));
        }
        conn.beatEvery(Duration.ofMillis(25));
        // one message with the listener, one queued, the reader waits with the third: far beyond 2 x 50 ms
        await().during(Duration.ofMillis(600)).atMost(WAIT)
                .until(() -> connection.stats().missedHeartBeats() == 0 && connection.state() == State.CONNECTED);
        release.countDown();
        await().atMost(WAIT).until(() -> received.size() == 5);
        assertThat(received.stream().map(m -> new String(m.body(), StandardCharsets.UTF_8)))
                .containsExactly("body0", "body1", "body2", "body3", "body4");
        assertThat(peer.connectionCount()).isEqualTo(1);
    }

    @Test
    void acksDeferredByABusyWorkerGoOutWithTheNextHeartBeatAndWhenItsQueueEmpties() throws Exception {
        peer.connectedHeaders(Map.of("version", "1.2", "heart-beat", "0,100")); // wants a beat every 100 ms
        connection(config().heartBeats(50, 0)).connect();
        FakeStompPeer.Connection conn = peer.awaitConnection(WAIT);
        CountDownLatch allQueued = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Subscription subscription = connection.subscribe("/queue/acks",
                SubscriptionOptions.builder().ackMode(StompSpec.ACK_CLIENT_INDIVIDUAL).build(), m -> {
                    if (m.messageId().equals("m0")) {
                        allQueued.await();
                    }
                    m.ack(); // m0 and m1 are acknowledged with messages still queued: their ACKs are deferred
                    if (m.messageId().equals("m1")) {
                        release.await();
                    }
                });
        conn.awaitFrame("SUBSCRIBE", WAIT);
        for (int i = 0; i < 3; i++) {
            conn.sendRaw(FakeStompPeer.frame("MESSAGE", Map.of("subscription", subscription.id(),
                    "destination", "/queue/acks", "message-id", "m" + i, "ack", "a" + i), "body" + i));
        }
        await().atMost(WAIT).until(() -> connection.stats().messagesReceived() == 3);
        allQueued.countDown();

        // the worker now waits in the listener with m2 queued: a heart-beat carries the deferred ACKs out
        await().atMost(WAIT).until(() -> acks(conn).size() == 2);
        assertThat(acks(conn)).containsExactly("a0", "a1");
        release.countDown();
        await().atMost(WAIT).until(() -> acks(conn).size() == 3);
        assertThat(acks(conn)).containsExactly("a0", "a1", "a2");
    }

    private static List<String> acks(FakeStompPeer.Connection conn) {
        return conn.frames().stream().filter(f -> f.command().equals("ACK")).map(f -> f.header("id")).toList();
    }

    @Test
    void errorAnsweringAReceiptFailsThatFutureWithTheBrokersMessageAndBody() throws Exception {
        peer.autoReceipts(false);
        connection(config()).connect();
        FakeStompPeer.Connection conn = peer.awaitConnection(WAIT);
        List<StompFrame> errors = new CopyOnWriteArrayList<>();
        connection.addListener(new ConnectionListener() {
            @Override
            public void errorReceived(StompFrame error) {
                errors.add(error);
            }
        });
        CompletableFuture<StompFrame> refused = connection.sendWithReceipt("/queue/x", new byte[] {1}, Map.of());
        CompletableFuture<StompFrame> other = connection.sendWithReceipt("/queue/x", new byte[] {2}, Map.of());
        StompFrame send = conn.awaitFrame("SEND", WAIT);
        conn.sendRaw(FakeStompPeer.frame("ERROR", Map.of("receipt-id", send.header("receipt"),
                "message", "destination refused"), "you may not send to /queue/x"));
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StompBrokerError.class)
                .hasMessage("Received ERROR [message=destination refused]: you may not send to /queue/x");
        assertThat(errors).hasSize(1);
        // the peer now closes, as brokers do after an ERROR: the other receipt fails, naming the ERROR
        conn.close();
        assertThatThrownBy(() -> other.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StompConnectionError.class)
                .hasMessageContaining("Receipt did not arrive (connection lost)")
                .hasMessageContaining("last ERROR: destination refused");
        await().atMost(WAIT).until(() -> connection.state() == State.CONNECTED && connection.epoch() == 2);
        assertThat(connection.stats().lastError()).isNotNull();
    }

    @Test
    void receiptTimeoutFailsTheFuture() {
        peer.autoReceipts(false);
        connection(config()).connect();
        CompletableFuture<StompFrame> future = connection.sendWithReceipt("/queue/x", new byte[0], Map.of(), null,
                Duration.ofMillis(100));
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StompConnectionError.class)
                .hasMessageMatching("Receipt did not arrive on time: .*-r\\d+ \\[timeout=PT0\\.1S\\]");
        assertThat(connection.stats().pendingReceipts()).isZero();
    }

    @Test
    void garbageIsAConnectionLossAndTheClientReconnects() throws Exception {
        connection(config()).connect();
        FakeStompPeer.Connection conn = peer.awaitConnection(WAIT);
        conn.sendRaw("NOT-A-COMMAND\nfoo:bar\n\n\u0000");
        await().atMost(WAIT).until(() -> peer.connectionCount() == 2 && connection.epoch() == 2);
        assertThat(connection.stats().lastError()).contains("Connection closed");
        assertThat(conn.isClosed()).isTrue();
    }

    @Test
    void peerThatNeverAnswersConnectTimesOut() {
        peer.onConnect((conn, connect) -> { });
        StompConfig.Builder config = StompConfig.builder().failover(peer.uri())
                .connectedTimeout(Duration.ofMillis(200));
        assertThatThrownBy(() -> connection(config).connect()).isInstanceOf(StompConnectTimeout.class)
                .hasMessageStartingWith("Reconnect timeout: 0 attempts")
                .hasMessageContaining("STOMP broker did not answer on time [timeout=PT0.2S]");
        assertThat(connection.state()).isEqualTo(State.FAILED);
        // listeners hear of changes after the state lock is released, possibly on another thread: wait for them
        await().atMost(WAIT).until(() -> transitions.size() >= 2);
        assertThat(transitions).containsExactly("NEW->CONNECTING", "CONNECTING->FAILED");
    }

    @Test
    void errorAnsweringConnectBacksOffByTheConfiguredDelays() {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        peer.onConnect((conn, connect) -> {
            attempts.add(System.nanoTime());
            conn.sendRaw(FakeStompPeer.frame("ERROR", Map.of("message", "Bad credentials"), "wrong passcode"));
            conn.close();
        });
        StompConfig.Builder config = StompConfig.builder().login("user").passcode("n0t-it").failover("failover:("
                + peer.uri() + ")?initialReconnectDelay=100,useExponentialBackOff=false,startupMaxReconnectAttempts=3");
        assertThatThrownBy(() -> connection(config).connect()).isInstanceOf(StompConnectionError.class)
                .hasMessageStartingWith("Reconnect timeout: 3 attempts")
                .hasMessageContaining("Bad credentials")
                .cause().isInstanceOf(StompConnectionError.class)
                .hasMessage("While trying to connect, Received ERROR [message=Bad credentials]: wrong passcode")
                .cause().isInstanceOf(StompBrokerError.class);
        assertThat(attempts).hasSize(4);
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(TimeUnit.NANOSECONDS.toMillis(attempts.get(i) - attempts.get(i - 1))).as("gap %d", i)
                    .isGreaterThanOrEqualTo(100);
        }
        assertThat(connection.stats().connectAttempts()).isEqualTo(4);
        assertThat(connection.stats().failoverAttempts()).as("never connected: nothing failed over").isZero();
        assertThat(connection.stats().consecutiveFailures()).isEqualTo(4);
        // the passcode never shows
        assertThat(peer.connections().get(0).frames().get(0).header("passcode")).isEqualTo("n0t-it");
        assertThat(connection.config().toString()).doesNotContain("n0t-it");
    }

    @Test
    void closeDuringTheBackOffEndsTheLoopAtOnce() throws Exception {
        peer.onConnect((conn, connect) -> conn.close());
        connection(StompConfig.builder().failover("failover:(" + peer.uri()
                + ")?initialReconnectDelay=5000,startupMaxReconnectAttempts=5"));
        CompletableFuture<Void> connecting = connection.connectAsync();
        await().atMost(WAIT).until(() -> peer.connectionCount() == 1);
        long start = System.nanoTime();
        connection.close();
        assertThatThrownBy(() -> connecting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StompConnectionError.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
        assertThat(connection.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void disconnectIsGracefulWithAReceipt() throws Exception {
        connection(config()).connect();
        FakeStompPeer.Connection conn = peer.awaitConnection(WAIT);
        connection.disconnect();
        StompFrame disconnect = conn.awaitFrame("DISCONNECT", WAIT);
        assertThat(disconnect.header("receipt")).isNotNull();
        assertThat(connection.state()).isEqualTo(State.CLOSED);
        assertThat(transitions).containsExactly("NEW->CONNECTING", "CONNECTING->CONNECTED",
                "CONNECTED->DISCONNECTING", "DISCONNECTING->CLOSED");
        assertThatThrownBy(connection::connect).isInstanceOf(StompConnectionError.class)
                .hasMessageStartingWith("Cannot connect in state CLOSED");
    }

    @Test
    void messageReceivedBeforeAReconnectCannotBeAcked() throws Exception {
        connection(config()).connect();
        FakeStompPeer.Connection conn = peer.awaitConnection(WAIT);
        BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
        Subscription subscription = connection.subscribe("/queue/a",
                SubscriptionOptions.builder().ackMode("client-individual").build(), received::add);
        StompFrame subscribe = conn.awaitFrame("SUBSCRIBE", WAIT);
        assertThat(subscribe.header("id")).isEqualTo(subscription.id());
        conn.sendRaw(FakeStompPeer.frame("MESSAGE", Map.of("subscription", subscription.id(), "destination",
                "/queue/a", "message-id", "m1", "ack", "a1"), "x"));
        StompMessage message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(message.ackId()).isEqualTo("a1");
        conn.close();
        FakeStompPeer.Connection second = peer.awaitConnection(WAIT);
        // replayed with the same id
        assertThat(second.awaitFrame("SUBSCRIBE", WAIT).header("id")).isEqualTo(subscription.id());
        await().atMost(WAIT).until(() -> connection.state() == State.CONNECTED);
        assertThatThrownBy(message::ack).isInstanceOf(StompConnectionError.class)
                .hasMessageContaining("redelivered");
    }

    @Test
    void stompHeadersAreEscapedOnTheWireAndTheAckIdIsUnescaped() throws Exception {
        connection(config()).connect();
        FakeStompPeer.Connection conn = peer.awaitConnection(WAIT);
        BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
        Subscription subscription = connection.subscribe("/queue/a",
                SubscriptionOptions.builder().ackMode("client-individual").build(), received::add);
        conn.awaitFrame("SUBSCRIBE", WAIT);
        // ActiveMQ Classic style: ack differs from message-id and arrives escaped
        conn.sendRaw(FakeStompPeer.frame("MESSAGE", Map.of("subscription", subscription.id(), "destination",
                "/queue/a", "message-id", "ID\\cvm-1\\c2", "ack", "ID\\cvm-1\\c2\\c99"), "x"));
        StompMessage message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message.messageId()).isEqualTo("ID:vm-1:2");
        assertThat(message.ackId()).isEqualTo("ID:vm-1:2:99");
        message.ack();
        assertThat(conn.awaitFrame("ACK", WAIT).header("id")).isEqualTo("ID\\cvm-1\\c2\\c99");
        connection.send("/queue/b", new byte[0], Map.of("key", "a:b\nc\\d"));
        assertThat(conn.awaitFrame("SEND", WAIT).header("key")).isEqualTo("a\\cb\\nc\\\\d");
    }

    @Test
    void unsubscribeSendsUnsubscribeWithTheIdAndStopsDelivery() throws Exception {
        connection(config()).connect();
        FakeStompPeer.Connection conn = peer.awaitConnection(WAIT);
        BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
        Subscription subscription = connection.subscribe("/queue/a", SubscriptionOptions.builder()
                .headers(Map.of("id", "my-id", "activemq.prefetchSize", "10")).selector("color = 'red'").build(),
                received::add);
        assertThat(subscription.id()).isEqualTo("my-id");
        StompFrame subscribe = conn.awaitFrame("SUBSCRIBE", WAIT);
        assertThat(subscribe.headers()).containsEntry("id", "my-id").containsEntry("ack", "auto")
                .containsEntry("selector", "color = 'red'").containsEntry("activemq.prefetchSize", "10")
                .containsEntry("destination", "/queue/a");
        assertThatThrownBy(() -> connection.subscribe("/queue/b", SubscriptionOptions.builder()
                .headers(Map.of("id", "my-id")).build(), received::add))
                .hasMessage("Already subscribed [id=my-id]");
        subscription.unsubscribe();
        subscription.unsubscribe(); // idempotent
        assertThat(conn.awaitFrame("UNSUBSCRIBE", WAIT).header("id")).isEqualTo("my-id");
        conn.sendRaw(FakeStompPeer.frame("MESSAGE", Map.of("subscription", "my-id", "destination", "/queue/a",
                "message-id", "late"), "late"));
        await().during(Duration.ofMillis(200)).atMost(WAIT).until(received::isEmpty);
        assertThat(connection.subscriptions()).isEmpty();
        assertThat(connection.stats().subscriptions()).isZero();
    }

    @Test
    void mbeanIsRegisteredAtCreationAndUnregisteredOnClose() {
        connection(config());
        assertThat(org.stompest.client.jmx.ConnectionMBeans.isRegistered(connection)).isTrue();
        connection.connect();
        assertThat(org.stompest.client.jmx.ConnectionMBeans.isRegistered(connection)).isTrue();
        connection.close();
        assertThat(org.stompest.client.jmx.ConnectionMBeans.isRegistered(connection)).isFalse();
    }

    @Test
    void ackOfAnAutoAckMessageSendsNothing() throws Exception {
        connection(config()).connect();
        FakeStompPeer.Connection conn = peer.awaitConnection(WAIT);
        BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
        Subscription subscription = connection.subscribe("/queue/a", null, received::add);
        conn.awaitFrame("SUBSCRIBE", WAIT);
        conn.sendRaw(FakeStompPeer.frame("MESSAGE", Map.of("subscription", subscription.id(), "destination",
                "/queue/a", "message-id", "m1"), "x"));
        StompMessage message = received.poll(10, TimeUnit.SECONDS);
        message.ack();
        message.nack();
        assertThat(message.isSettled()).isTrue();
        connection.sendWithReceipt("/queue/a", new byte[0], Map.of()).get(10, TimeUnit.SECONDS);
        assertThat(conn.frames()).extracting(StompFrame::command).containsExactly("CONNECT", "SUBSCRIBE", "SEND");
    }

    @Test
    void reconnectDropsTheSocketAndConnectsAgainWithTheSubscriptions() throws Exception {
        connection(config()).connect();
        FakeStompPeer.Connection first = peer.awaitConnection(WAIT);
        Subscription subscription = connection.subscribe("/queue/a", null, m -> { });
        first.awaitFrame("SUBSCRIBE", WAIT);
        connection.reconnect();
        FakeStompPeer.Connection second = peer.awaitConnection(WAIT);
        assertThat(second.awaitFrame("SUBSCRIBE", WAIT).header("id")).isEqualTo(subscription.id());
        await().atMost(WAIT).until(() -> connection.isConnected() && connection.epoch() == 2);
        await().atMost(WAIT).until(first::isClosed);
        assertThat(transitions).containsSubsequence("CONNECTED->RECONNECTING", "RECONNECTING->CONNECTED");
    }

    /**
     * A send that the reconnect releases must not overtake the replayed SUBSCRIBE: on RabbitMQ the first frame naming
     * a queue declares it, and a SEND without the subscription's {@code x-queue-type:quorum} is refused with
     * PRECONDITION_FAILED, which closes the connection (seen in the RabbitMQ cluster case of issue 15).
     */
    @Test
    void sendsAfterAReconnectComeAfterTheReplayedSubscriptions() throws Exception {
        // each connection lives shorter than ShortLivedConnections.SHORT_LIVED: cap the back-off that earns
        connection(StompConfig.builder().failover("failover:(" + peer.uri() + ")?initialReconnectDelay=10,"
                + "maxReconnectDelay=50").heartBeats(0, 0)).connect();
        FakeStompPeer.Connection first = peer.awaitConnection(WAIT);
        connection.subscribe("/queue/quorum", SubscriptionOptions.builder()
                .headers(Map.of("x-queue-type", "quorum")).build(), m -> { });
        first.awaitFrame("SUBSCRIBE", WAIT);
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread sender = new Thread(() -> {
            while (sending.get()) {
                try {
                    connection.send("/queue/quorum", new byte[1], Map.of());
                } catch (StompConnectionError e) {
                    Thread.yield(); // not connected yet: a user would retry too
                }
            }
        }, "sender");
        sender.start();
        try {
            FakeStompPeer.Connection current = first;
            for (int round = 0; round < 20; round++) { // each reconnect is a new chance for the race
                FakeStompPeer.Connection closing = current;
                await().atMost(WAIT).until(() -> frameCommands(closing).contains("SEND"));
                closing.close();
                current = peer.awaitConnection(WAIT);
                FakeStompPeer.Connection fresh = current;
                await().atMost(WAIT).until(() -> frameCommands(fresh).contains("SEND"));
                List<String> commands = frameCommands(fresh);
                assertThat(commands.indexOf("SUBSCRIBE")).as("connection %s: %s", fresh.number(), commands)
                        .isBetween(1, commands.indexOf("SEND"));
            }
        } finally {
            sending.set(false);
            sender.join(WAIT.toMillis());
        }
    }

    private static List<String> frameCommands(FakeStompPeer.Connection conn) {
        return conn.frames().stream().map(StompFrame::command).limit(50).toList();
    }
}
