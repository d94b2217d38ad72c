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
package org.stompest.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

/** The fixtures themselves work: each broker answers a raw CONNECT, the fake peer answers and records. */
class FixturesTest {
    private static final byte[] CONNECT =
            "CONNECT\naccept-version:1.2\nhost:/\nlogin:u\npasscode:p\n\n\0".getBytes(StandardCharsets.UTF_8);

    private static String exchange(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(CONNECT);
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        int b;
        while ((b = in.read()) > 0) {
            answer.append((char) b);
        }
        return answer.toString();
    }

    @Test
    void artemisAnswersConnectAndKeepsItsPortAcrossRestart() throws IOException {
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().build().start()) {
            int port = broker.port();
            assertThat(broker.stompUri()).isEqualTo("tcp://127.0.0.1:" + port);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(exchange(socket)).startsWith("CONNECTED\n").contains("version:1.2");
            }
            broker.stop();
            broker.start();
            assertThat(broker.port()).isEqualTo(port);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(exchange(socket)).startsWith("CONNECTED\n");
            }
        }
    }

    @Test
    void artemisWithUsersRefusesAWrongPasscode() throws IOException {
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().users(Map.of("u", "other")).build().start();
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), broker.port())) {
            assertThat(exchange(socket)).startsWith("ERROR\n");
        }
    }

    @Test
    void artemisWithTlsAnswersOverTls() throws IOException {
        TestTls tls = TestTls.generate();
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().tls(tls).build().start();
             SSLSocket socket = (SSLSocket) tls.clientSslContext().getSocketFactory()
                     .createSocket("localhost", broker.port())) {
            assertThat(broker.stompUri()).isEqualTo("ssl://localhost:" + broker.port());
            assertThat(exchange(socket)).startsWith("CONNECTED\n");
        }
    }

    @Test
    void activeMqAnswersConnect() throws IOException {
        try (EmbeddedActiveMq broker = EmbeddedActiveMq.builder().build().start();
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), broker.port())) {
            assertThat(exchange(socket)).startsWith("CONNECTED\n").contains("version:1.2");
        }
    }

    @Test
    void activeMqWithUsersRefusesAWrongPasscode() throws IOException {
        try (EmbeddedActiveMq broker = EmbeddedActiveMq.builder().users(Map.of("u", "other")).build().start();
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), broker.port())) {
            assertThat(exchange(socket)).startsWith("ERROR\n");
        }
    }

    @Test
    void fakePeerAnswersConnectRecordsFramesAndCountsBeats() throws Exception {
        try (FakeStompPeer peer = FakeStompPeer.start()) {
            peer.connectedHeaders(Map.of("version", "1.1", "heart-beat", "0,500"));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), peer.port())) {
                assertThat(exchange(socket)).startsWith("CONNECTED\n").contains("version:1.1", "heart-beat:0,500");
                FakeStompPeer.Connection connection = peer.awaitConnection(Duration.ofSeconds(5));
                socket.getOutputStream().write(("\n\nSEND\ndestination:/q\nreceipt:r1\ncontent-length:3\n\na\0b\0")
                        .getBytes(StandardCharsets.UTF_8));
                assertThat(connection.awaitFrame("SEND", Duration.ofSeconds(5)).body())
                        .isEqualTo(new byte[] {'a', 0, 'b'});
                assertThat(connection.heartBeatsReceived()).isEqualTo(2);
                StringBuilder receipt = new StringBuilder();
                int b;
                while ((b = socket.getInputStream().read()) > 0) {
                    receipt.append((char) b);
                }
                assertThat(receipt.toString()).isEqualTo("RECEIPT\nreceipt-id:r1\n\n");
                connection.close();
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }
        }
    }
}
