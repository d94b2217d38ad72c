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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stompest.client.testing.FakeWebSocketPeer;
import org.stompest.error.StompConnectTimeout;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompFrameError;
import org.stompest.protocol.StompFrame;

/** The WebSocket transport against a scripted WebSocket server: framing both ways, pings, Close, hostile frames. */
class WebSocketPeerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String CONNECTED =
            "CONNECTED\nversion:1.2\nheart-beat:0,0\nserver:FakeWebSocketPeer\nsession:ws-1\n\n\u0000";

    private interface Hostility {
        void act(FakeWebSocketPeer.Connection connection) throws Exception;
    }

    /** How the peer answers the CONNECT it got. */
    private interface Answer {
        void answer(FakeWebSocketPeer.Connection connection, FakeWebSocketPeer.Message connect) throws Exception;
    }

    private static StompConfig config(String uri) {
        return StompConfig.builder()
                .failover("failover:(" + uri + ")?initialReconnectDelay=10,maxReconnectDelay=50,"
                        + "startupMaxReconnectAttempts=0")
                .heartBeats(0, 0)
                .connectTimeout(Duration.ofSeconds(2))
                .connectedTimeout(Duration.ofSeconds(2))
                .receiptTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Connects {@code connection} to {@code peer}, answering CONNECT with CONNECTED in one message. */
    private static FakeWebSocketPeer.Connection connect(StompConnection connection, FakeWebSocketPeer peer)
            throws Exception {
        return connect(connection, peer, (conn, connect) -> conn.sendBinary(ascii(CONNECTED)));
    }

    /** Connects {@code connection} to {@code peer}, answering CONNECT with {@code answer}. */
    private static FakeWebSocketPeer.Connection connect(StompConnection connection, FakeWebSocketPeer peer,
                                                        Answer answer) throws Exception {
        CompletableFuture<Void> connecting = connection.connectAsync();
        FakeWebSocketPeer.Connection conn = peer.awaitConnection(WAIT);
        answer.answer(conn, conn.awaitCommand("CONNECT", WAIT));
        connecting.get(5, TimeUnit.SECONDS);
        return conn;
    }

    /** The client's next connection is answered with CONNECTED and the connection is live again (epoch 2). */
    private static void awaitReconnect(StompConnection connection, FakeWebSocketPeer peer) throws Exception {
        FakeWebSocketPeer.Connection second = peer.awaitConnection(WAIT);
        second.awaitCommand("CONNECT", WAIT);
        second.sendBinary(ascii(CONNECTED));
        await().atMost(WAIT).until(() -> connection.isConnected() && connection.epoch() == 2);
    }

    @Test
    void offersOneSubProtocolPerVersionUpToTheConfiguredOne() throws Exception {
        assertThat(WebSocketSetup.subprotocols("1.2")).containsExactly("v12.stomp", "v11.stomp", "v10.stomp");
        assertThat(WebSocketSetup.subprotocols("1.1")).containsExactly("v11.stomp", "v10.stomp");
        assertThat(WebSocketSetup.subprotocols("1.0")).containsExactly("v10.stomp");
        try (FakeWebSocketPeer peer = FakeWebSocketPeer.start();
             StompConnection connection = new StompConnection(config(peer.uri()))) {
            FakeWebSocketPeer.Connection conn = connect(connection, peer);
            assertThat(conn.requestLine()).isEqualTo("GET /ws HTTP/1.1");
            assertThat(Arrays.stream(conn.headers().get("sec-websocket-protocol").split(",")).map(String::trim))
                    .containsExactly("v12.stomp", "v11.stomp", "v10.stomp");
            assertThat(connection.currentBroker()).isEqualTo(peer.uri());
        }
    }

    @Test
    void sendsEachFrameAsOneBinaryMessageSoNulBytesInBodiesSurvive() throws Exception {
        try (FakeWebSocketPeer peer = FakeWebSocketPeer.start();
             StompConnection connection = new StompConnection(config(peer.uri()))) {
            FakeWebSocketPeer.Connection conn = connect(connection, peer, (c, connect) -> {
                assertThat(connect.opcode()).isEqualTo(FakeWebSocketPeer.BINARY);
                assertThat(connect.text()).startsWith("CONNECT\n").endsWith("\n\n\u0000");
                c.sendBinary(ascii(CONNECTED));
            });

            connection.send("/queue/a", new byte[] {'x', 0, 'y'}, Map.of());
            FakeWebSocketPeer.Message send = conn.awaitCommand("SEND", WAIT);
            assertThat(send.opcode()).isEqualTo(FakeWebSocketPeer.BINARY);
            assertThat(send.text()).contains("content-length:3\n").endsWith("\n\nx\u0000y\u0000");
        }
    }

    @Test
    void textModeWhenThePathEndsInHashTextAndTheFragmentIsNeverSent() throws Exception {
        try (FakeWebSocketPeer peer = FakeWebSocketPeer.start();
             StompConnection connection = new StompConnection(config(peer.uri() + "#text"))) {
            FakeWebSocketPeer.Connection conn = connect(connection, peer, (c, connect) -> {
                assertThat(connect.opcode()).isEqualTo(FakeWebSocketPeer.TEXT);
                c.sendText(CONNECTED);
            });
            assertThat(conn.requestLine()).isEqualTo("GET /ws HTTP/1.1");
            connection.send("/queue/a", "grüße".getBytes(StandardCharsets.UTF_8), Map.of());
            FakeWebSocketPeer.Message send = conn.awaitCommand("SEND", WAIT);
            assertThat(send.opcode()).isEqualTo(FakeWebSocketPeer.TEXT);
            assertThat(send.text()).endsWith("\n\ngrüße\u0000");
        }
    }

    @Test
    void textModeRefusesABodyThatIsNotUtf8AndStaysConnected() throws Exception {
        try (FakeWebSocketPeer peer = FakeWebSocketPeer.start();
             StompConnection connection = new StompConnection(config(peer.uri() + "#text"))) {
            FakeWebSocketPeer.Connection conn = connect(connection, peer, (c, connect) -> c.sendText(CONNECTED));
            CompletableFuture<StompFrame> receipt = connection.sendWithReceipt("/queue/a", new byte[] {(byte) 0xff},
                    Map.of());
            assertThatThrownBy(() -> receipt.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StompFrameError.class)
                    .hasMessage("Frame is not UTF-8: a text-mode WebSocket cannot carry it unchanged [broker="
                            + peer.uri() + "#text; use binary frames for binary bodies]");
            connection.send("/queue/a", "fine".getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(conn.awaitCommand("SEND", WAIT).text()).endsWith("\n\nfine\u0000");
            assertThat(connection.isConnected()).isTrue();
        }
    }

    @Test
    void anUnknownFrameModeIsRefusedWhenTheConfigIsBuilt() {
        assertThatThrownBy(() -> config("ws://h:1/ws#json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid failover: Unknown WebSocket frame mode '#json' in ws://h:1/ws#json"
                        + " (expected #text or #binary)");
    }

    @Test
    void readsAFrameSplitIntoOneByteMessages() throws Exception {
        try (FakeWebSocketPeer peer = FakeWebSocketPeer.start();
             StompConnection connection = new StompConnection(config(peer.uri()))) {
            connect(connection, peer, (conn, connect) -> {
                for (byte b : ascii(CONNECTED)) {
                    conn.sendBinary(new byte[] {b});
                }
            });
            assertThat(connection.sessionId()).isEqualTo("ws-1");
            assertThat(connection.server()).isEqualTo("FakeWebSocketPeer");
        }
    }

    @Test
    void readsFramesInContinuationFramesAndSeveralFramesInOneMessage() throws Exception {
        try (FakeWebSocketPeer peer = FakeWebSocketPeer.start();
             StompConnection connection = new StompConnection(config(peer.uri()))) {
            FakeWebSocketPeer.Connection conn = connect(connection, peer, (c, connect) -> c.sendInFrames(
                    FakeWebSocketPeer.TEXT, ascii("CONNECTED\nvers"), ascii("ion:1.2\nsession:ws-2\n"),
                    ascii("\n\u0000")));
            assertThat(connection.sessionId()).isEqualTo("ws-2");

            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            connection.subscribe("/queue/a", SubscriptionOptions.defaults(), received::add);
            String id = conn.awaitCommand("SUBSCRIBE", WAIT).text().lines().filter(l -> l.startsWith("id:"))
                    .findFirst().orElseThrow().substring(3);
            CompletableFuture<StompFrame> receipt = connection.sendWithReceipt("/queue/a", new byte[] {1}, Map.of());
            String receiptId = conn.awaitCommand("SEND", WAIT).text().lines()
                    .filter(l -> l.startsWith("receipt:")).findFirst().orElseThrow().substring(8);
            conn.sendBinary(ascii("RECEIPT\nreceipt-id:" + receiptId + "\n\n\u0000\n"
                    + "MESSAGE\ndestination:/queue/a\nmessage-id:m1\nsubscription:" + id
                    + "\ncontent-length:2\n\na\u0000\u0000"));
            assertThat(receipt.get(5, TimeUnit.SECONDS).header("receipt-id")).isEqualTo(receiptId);
            StompMessage message = received.poll(5, TimeUnit.SECONDS);
            assertThat(message).as("MESSAGE after a RECEIPT in the same WebSocket message").isNotNull();
            assertThat(message.body()).containsExactly('a', 0);
        }
    }

    @Test
    void answersPingsWithPongsAndCountsThemAsLivenessBesideStompHeartBeats() throws Exception {
        try (FakeWebSocketPeer peer = FakeWebSocketPeer.start();
             StompConnection connection = new StompConnection(config(peer.uri()).toBuilder().heartBeats(0, 500)
                     .build())) {
            FakeWebSocketPeer.Connection conn = connect(connection, peer, (c, connect) ->
                    c.sendBinary(ascii(CONNECTED.replace("heart-beat:0,0", "heart-beat:500,0"))));
            assertThat(connection.serverHeartBeat()).as("the peer promises a beat every 500 ms").isEqualTo(500);
            conn.ping(ascii("are you there"));
            assertThat(conn.awaitPong(WAIT)).isEqualTo(ascii("are you there"));
            ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
            try {
                pinger.scheduleAtFixedRate(() -> {
                    try {
                        conn.ping(new byte[0]);
                    } catch (IOException stopped) {
                        // the test fails below
                    }
                }, 0, 100, TimeUnit.MILLISECONDS);
                // no STOMP heart-beat comes, only pings: still alive well beyond 2 x 500 ms
                await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                        .until(() -> connection.isConnected() && connection.epoch() == 1);
            } finally {
                pinger.shutdownNow();
            }
            assertThat(connection.stats().missedHeartBeats()).isZero();
        }
    }

    @Test
    void aCloseMessageIsALostConnectionAndTheClientReconnects() throws Exception {
        try (FakeWebSocketPeer peer = FakeWebSocketPeer.start();
             StompConnection connection = new StompConnection(config(peer.uri()))) {
            FakeWebSocketPeer.Connection first = connect(connection, peer);
            first.sendClose(1001, "going away");
            awaitReconnect(connection, peer);
            assertThat(connection.stats().lastError()).contains("WebSocket Close 1001 going away");
        }
    }

    @Test
    void aRefusedUpgradeFailsTheAttemptNamingTheStatus() throws Exception {
        try (FakeWebSocketPeer peer = FakeWebSocketPeer.start();
             StompConnection connection = new StompConnection(config(peer.uri()))) {
            peer.refuseWith("404 Not Found");
            assertThatThrownBy(connection::connect).isInstanceOf(StompConnectTimeout.class)
                    .hasMessageContaining("WebSocket handshake with " + peer.uri()
                            + " failed [HTTP status 404 instead of 101]");
        }
    }

    @Test
    void aHostTheUriCannotCarryFailsTheAttemptNamingIt() {
        try (StompConnection connection = new StompConnection(config("ws://a b:1/ws"))) {
            assertThatThrownBy(connection::connect).isInstanceOf(StompConnectTimeout.class)
                    .hasMessageContaining("Invalid WebSocket URI ws://a b:1/ws [");
        }
    }

    static Stream<Arguments> hostileSessions() {
        Hostility garbage = conn -> conn.sendBinary(ascii("\u00ff\u00fe\u0000garbage\n\n\u0000"));
        Hostility unknown = conn -> conn.sendText("HELLO\nx:y\n\n\u0000");
        Hostility oversized = conn -> {
            byte[] line = new byte[70 * 1024];
            Arrays.fill(line, (byte) 'd');
            conn.sendBinary(ascii("MESSAGE\ndestination:"));
            conn.sendBinary(line);
        };
        Hostility oversizedBody = conn -> conn.sendBinary(
                ascii("MESSAGE\ndestination:/queue/a\ncontent-length:99999999999\n\n"));
        Hostility dripped = conn -> {
            for (byte b : ascii("MESSAGE\ndestination:/queue/a\ncontent-length:1\n\nxyz\u0000")) {
                conn.sendBinary(new byte[] {b});
            }
        };
        Hostility invalidText = conn -> conn.frame(true, FakeWebSocketPeer.TEXT, new byte[] {'M', (byte) 0xff});
        return Stream.of(Arguments.of("garbage", garbage, "Invalid"),
                Arguments.of("invalid-utf8-in-a-text-message", invalidText,
                        "java.net.ProtocolException: Invalid UTF-8 in frame TEXT"),
                Arguments.of("unknown-command-as-text", unknown, "Invalid command"),
                Arguments.of("oversized-header", oversized, "maxLineLength"),
                Arguments.of("oversized-content-length", oversizedBody, "maxBodyLength"),
                Arguments.of("wrong-content-length-in-1-byte-messages", dripped, "frame delimiter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSessions")
    void aHostileFrameFailsThePendingReceiptAndTheClientReconnects(String name, Hostility hostility,
                                                                   String expected) throws Exception {
        try (FakeWebSocketPeer peer = FakeWebSocketPeer.start();
             StompConnection connection = new StompConnection(config(peer.uri()))) {
            FakeWebSocketPeer.Connection first = connect(connection, peer);
            CompletableFuture<StompFrame> receipt = connection.sendWithReceipt("/queue/a", new byte[0], Map.of());
            first.awaitCommand("SEND", WAIT);
            try {
                hostility.act(first);
            } catch (IOException hungUp) {
                // the client may drop the connection before the peer has sent everything: what we want
            }
            assertThatThrownBy(() -> receipt.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StompConnectionError.class).hasMessageContaining(expected);
            awaitReconnect(connection, peer);
            assertThat(first.isClosed()).as("the hostile connection is dropped").isTrue();
        }
    }

    @Test
    void garbageAnsweringConnectFailsTheAttemptNamingIt() throws Exception {
        try (FakeWebSocketPeer peer = FakeWebSocketPeer.start();
             StompConnection connection = new StompConnection(config(peer.uri()))) {
            CompletableFuture<Void> connecting = connection.connectAsync();
            FakeWebSocketPeer.Connection conn = peer.awaitConnection(WAIT);
            conn.awaitCommand("CONNECT", WAIT);
            conn.sendBinary(ascii("220 smtp.example.org ESMTP ready\n\n"));
            assertThatThrownBy(() -> connecting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StompConnectTimeout.class).hasMessageContaining("Invalid command");
        }
    }
}
