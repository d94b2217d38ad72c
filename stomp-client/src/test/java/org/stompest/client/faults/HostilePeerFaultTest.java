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
package org.stompest.client.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.testing.FakeStompPeer;
import org.stompest.error.StompConnectTimeout;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompError;
import org.stompest.protocol.StompFrame;

/**
 * Case 6a, a hostile peer: a fake broker ({@link FakeStompPeer}) that answers CONNECT with garbage, oversized
 * headers or bodies, bad escapes, an ERROR, nothing at all, or that turns hostile in the middle of a session. Each
 * must end in a typed {@link StompError} whose message names what was wrong, then a clean reconnect once the peer
 * behaves; never a hang ({@code assertTimeoutPreemptively}), a thread left behind (live thread names before and
 * after) or an out-of-memory (the oversized streams are 80 MiB and more; the parser must refuse them at its limits).
 */
@Tag("faults")
class HostilePeerFaultTest {
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(20);
    private static final AtomicInteger CASES = new AtomicInteger();

    /** Something a hostile peer does to one connection. */
    @FunctionalInterface
    interface Hostility {
        void act(FakeStompPeer.Connection connection) throws IOException;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Streams {@code prefix} then 1 MiB chunks of {@code fill} until the client hangs up (at most 256 MiB). */
    private static Hostility stream(String prefix, byte fill) {
        return connection -> {
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[1 << 20];
                Arrays.fill(chunk, fill);
                try {
                    connection.sendRaw(ascii(prefix));
                    for (int i = 0; i < 256; i++) {
                        connection.sendRaw(chunk);
                    }
                } catch (IOException expected) {
                    // the client hung up: what we wanted
                }
            }, "hostile-stream");
            writer.setDaemon(true);
            writer.start();
        };
    }

    private static Hostility send(String frame) {
        return connection -> connection.sendRaw(ascii(frame));
    }

    private static Hostility sendAndClose(String frame) {
        return connection -> {
            connection.sendRaw(ascii(frame));
            connection.close();
        };
    }

    /** Answers CONNECT hostilely; the expected text is what the error must name. */
    static Stream<Arguments> handshakes() {
        return Stream.of(
                Arguments.of("garbage", send("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003\n\n"),
                        "Invalid command"),
                Arguments.of("binary", send("\u00ff\u00d8\u00ff\u00e0 JFIF\n\n"), "Non-ASCII byte in frame head"),
                Arguments.of("not-stomp", send("220 smtp.example.org ESMTP ready\n\n"), "Invalid command"),
                Arguments.of("http-then-close", sendAndClose("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                                                             + "Connection: close\r\n\r\n"), "Connection closed"),
                Arguments.of("oversized-header", stream("CONNECTED\nversion:1.2\nserver:", (byte) 'x'),
                        "maxLineLength"),
                Arguments.of("too-many-headers", manyHeaders("CONNECTED\n"), "maxHeaders"),
                Arguments.of("oversized-content-length",
                        send("CONNECTED\nversion:1.2\ncontent-length:2147483647\n\n"), "maxBodyLength"),
                Arguments.of("oversized-body", stream("CONNECTED\nversion:1.2\n\n", (byte) 'b'), "maxBodyLength"),
                Arguments.of("error-then-close", sendAndClose("ERROR\nmessage:Go away: you are not welcome\n\n"
                                                              + "details\u0000"), "Go away: you are not welcome"),
                Arguments.of("eof", (Hostility) FakeStompPeer.Connection::close, "Connection closed"),
                Arguments.of("never-connected", (Hostility) connection -> { }, "did not answer on time"),
                Arguments.of("only-heart-beats", (Hostility) connection -> connection.beatEvery(Duration.ofMillis(50)),
                        "did not answer on time"),
                Arguments.of("slow-drip", (Hostility) connection -> {
                    Thread drip = new Thread(() -> {
                        try {
                            for (byte b : ascii("CONNECTED\nversion:1.2\n\n\u0000")) {
                                connection.sendRaw(new byte[] {b});
                                TimeUnit.MILLISECONDS.sleep(100); // the attack is the pace itself
                            }
                        } catch (IOException | InterruptedException stopped) {
                            // client hung up
                        }
                    }, "hostile-drip");
                    drip.setDaemon(true);
                    drip.start();
                }, "did not answer on time"),
                Arguments.of("incompatible-version", send("CONNECTED\nversion:9.9\nsession:x\n\n\u0000"),
                        "incompatible"),
                Arguments.of("bad-heart-beat", send("CONNECTED\nversion:1.2\nheart-beat:soon,later\n\n\u0000"),
                        "heart-beat"),
                Arguments.of("unexpected-frame", send("RECEIPT\nreceipt-id:nobody-asked\n\n\u0000"),
                        "did not answer on time"),
                Arguments.of("wrong-content-length",
                        send("CONNECTED\nversion:1.2\ncontent-length:2\n\nabcdef\u0000"), "frame delimiter"));
    }

    /** Turns hostile after CONNECTED, while a receipt is pending. */
    static Stream<Arguments> sessions() {
        return Stream.of(
                Arguments.of("garbage", send("\u00ff\u00fe\u0000garbage\n\n\u0000"), "Invalid"),
                Arguments.of("unknown-command", send("HELLO\nx:y\n\n\u0000"), "Invalid command"),
                Arguments.of("bad-escape", send("MESSAGE\ndestination:/queue/a\nmessage-id:1\nsubscription:s\n"
                                                + "weird:back\\slash\n\n\u0000"), "No escape sequence"),
                Arguments.of("bad-utf8", send("MESSAGE\ndestination:/queue/\u00c3\u0028\nmessage-id:1\n\n\u0000"),
                        "Invalid UTF-8"),
                Arguments.of("oversized-header", stream("MESSAGE\ndestination:", (byte) 'd'), "maxLineLength"),
                Arguments.of("oversized-content-length",
                        send("MESSAGE\ndestination:/queue/a\ncontent-length:99999999999\n\n"), "maxBodyLength"),
                Arguments.of("oversized-body", stream("MESSAGE\ndestination:/queue/a\nmessage-id:1\n\n", (byte) 'b'),
                        "maxBodyLength"),
                Arguments.of("wrong-content-length",
                        send("MESSAGE\ndestination:/queue/a\ncontent-length:1\n\nxyz\u0000"), "frame delimiter"),
                Arguments.of("body-on-receipt", send("RECEIPT\nreceipt-id:zzz\n\nbody\u0000"), "No body allowed"),
                Arguments.of("error-then-close", sendAndClose("ERROR\nmessage:Disk full\n\n\u0000"), "Disk full"),
                Arguments.of("eof-mid-frame", sendAndClose("MESSAGE\ndestination:/queue/a\ncontent-len"),
                        "Connection closed"));
    }

    private static StompConfig config(FakeStompPeer peer, int startupAttempts) {
        return StompConfig.builder()
                .failover("failover:(" + peer.uri() + ")?initialReconnectDelay=10,maxReconnectDelay=50,"
                          + "maxReconnectAttempts=-1,startupMaxReconnectAttempts=" + startupAttempts)
                .heartBeats(0, 0)
                .connectTimeout(Duration.ofSeconds(2))
                .connectedTimeout(Duration.ofMillis(700))
                .receiptTimeout(Duration.ofSeconds(5))
                .name("hostile-" + CASES.incrementAndGet())
                .build();
    }

    private static String normalConnected(int number) {
        return "CONNECTED\nversion:1.2\nheart-beat:0,0\nserver:FakeStompPeer\nsession:fake-" + number + "\n\n\u0000";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handshakes")
    void aHostileAnswerToConnectIsAClearErrorThenACleanReconnect(String name, Hostility hostility, String expected) {
        ThreadLeaks threads = ThreadLeaks.snapshot();
        long heapBefore = usedHeapAfterGc();
        long started = System.nanoTime();
        String[] error = new String[1];
        assertTimeoutPreemptively(CASE_TIMEOUT, () -> {
            try (FakeStompPeer peer = FakeStompPeer.start()) {
                peer.onConnect((connection, connect) -> {
                    if (connection.number() == 1) {
                        hostility.act(connection);
                    } else {
                        connection.sendRaw(ascii(normalConnected(connection.number())));
                    }
                });
                // streaming a body up to the parser's limit takes longer than 0.7 s on a loaded machine
                StompConnection connection = new StompConnection("oversized-body".equals(name)
                        ? config(peer, 0).toBuilder().connectedTimeout(Duration.ofSeconds(5)).build()
                        : config(peer, 0));
                try {
                    assertThatThrownBy(connection::connect)
                            .isInstanceOf(StompConnectTimeout.class)
                            .isInstanceOf(StompError.class)
                            .satisfies(e -> error[0] = e.getMessage())
                            .hasMessageContaining(expected);
                    assertThat(connection.state()).isEqualTo(StompConnection.State.FAILED);
                    // the clean reconnect: the peer behaves on the next connection
                    connection.connect();
                    assertThat(connection.isConnected()).isTrue();
                    assertThat(connection.epoch()).isEqualTo(1);
                    connection.sendWithReceipt("/queue/after", ascii("fine"), Map.of()).get(5, TimeUnit.SECONDS);
                } finally {
                    connection.close();
                }
            }
        });
        threads.assertNoLeaks(Duration.ofSeconds(5));
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        Tally.FAULTS.info("hostile-handshake {}: error=\"{}\" reconnect=ok heapGrowth={}KiB elapsed={}ms", name,
                error[0], heapGrowth / 1024, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(heapGrowth).as("heap kept after the case").isLessThan(64L << 20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void aPeerTurningHostileMidSessionFailsThePendingReceiptAndTheClientReconnects(String name, Hostility hostility,
                                                                                  String expected) {
        ThreadLeaks threads = ThreadLeaks.snapshot();
        long heapBefore = usedHeapAfterGc();
        long started = System.nanoTime();
        String[] error = new String[1];
        assertTimeoutPreemptively(CASE_TIMEOUT, () -> {
            try (FakeStompPeer peer = FakeStompPeer.start()) {
                StompConnection connection = new StompConnection(config(peer, 0));
                try {
                    AtomicInteger delivered = new AtomicInteger();
                    connection.subscribe("/queue/a", SubscriptionOptions.builder().ackMode("client-individual")
                            .headers(Map.of("id", "s")).build(), m -> delivered.incrementAndGet());
                    connection.connect();
                    FakeStompPeer.Connection first = peer.awaitConnection(Duration.ofSeconds(5));
                    first.awaitFrame("SUBSCRIBE", Duration.ofSeconds(5));
                    peer.autoReceipts(false);
                    CompletableFuture<StompFrame> pending = connection.sendWithReceipt("/queue/b", ascii("x"),
                            Map.of());
                    first.awaitFrame("SEND", Duration.ofSeconds(5));
                    peer.autoReceipts(true);
                    hostility.act(first);
                    Throwable failure = failureOf(pending);
                    assertThat(failure).isInstanceOf(StompConnectionError.class).hasMessageContaining(expected);
                    error[0] = failure.getMessage();
                    // the clean reconnect, with the subscription replayed
                    await().atMost(Duration.ofSeconds(10)).until(() -> connection.epoch() == 2
                                                                       && connection.isConnected());
                    FakeStompPeer.Connection second = peer.awaitConnection(Duration.ofSeconds(5));
                    assertThat(second.awaitFrame("SUBSCRIBE", Duration.ofSeconds(5)).header("id")).isEqualTo("s");
                    connection.sendWithReceipt("/queue/after", ascii("fine"), Map.of()).get(5, TimeUnit.SECONDS);
                    second.sendRaw(ascii("MESSAGE\ndestination:/queue/a\nmessage-id:m1\nack:m1\nsubscription:s\n\n"
                                         + "hello\u0000"));
                    await().atMost(Duration.ofSeconds(5)).until(() -> delivered.get() == 1);
                    assertThat(connection.stats().lastError()).isNotNull();
                } finally {
                    connection.close();
                }
            }
        });
        threads.assertNoLeaks(Duration.ofSeconds(5));
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        Tally.FAULTS.info("hostile-session {}: error=\"{}\" reconnect=ok heapGrowth={}KiB elapsed={}ms", name,
                error[0], heapGrowth / 1024, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(heapGrowth).as("heap kept after the case").isLessThan(64L << 20);
    }

    /** A peer that never answers, with a client that retries forever: close() ends it at once, no thread left. */
    @Test
    void closingAConnectionStuckInItsConnectLoopEndsEveryThread() {
        ThreadLeaks threads = ThreadLeaks.snapshot();
        assertTimeoutPreemptively(CASE_TIMEOUT, () -> {
            try (FakeStompPeer peer = FakeStompPeer.start()) {
                peer.onConnect((connection, connect) -> { });
                StompConnection connection = new StompConnection(config(peer, -1));
                CompletableFuture<Void> connecting = connection.connectAsync();
                await().atMost(Duration.ofSeconds(10)).until(() -> peer.connectionCount() >= 2);
                connection.close();
                assertThatThrownBy(() -> connecting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(StompConnectionError.class);
                assertThat(connection.state()).isEqualTo(StompConnection.State.CLOSED);
            }
        });
        threads.assertNoLeaks(Duration.ofSeconds(5));
    }

    /** Header lines without end: {@code name:v} lines, far more than maxHeaders. */
    private static Hostility manyHeaders(String command) {
        StringBuilder head = new StringBuilder(command);
        for (int i = 0; i < 5000; i++) {
            head.append("h").append(i).append(":v\n");
        }
        return send(head.toString());
    }

    static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the pending receipt did not fail");
    }
}
