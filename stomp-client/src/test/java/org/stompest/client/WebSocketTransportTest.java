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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.stompest.client.testing.FakeWebSocketPeer;
import org.stompest.error.StompConnectionError;
import org.stompest.protocol.StompBroker;
import org.stompest.protocol.StompFailoverUri;
import org.stompest.protocol.StompHeartBeat;
import org.stompest.protocol.StompItem;

/** The WebSocket transport on its own: its reader thread ends and reports once, whatever closes it. */
class WebSocketTransportTest {

    /** Records what the reader reports. */
    private static final class Recorder implements Transport.Handler {
        final BlockingQueue<Throwable> closed = new LinkedBlockingQueue<>();

        @Override
        public void bytesRead(Transport transport, int n, long nowNanos) {
        }

        @Override
        public void itemReceived(Transport transport, StompItem item) {
        }

        @Override
        public void wrote(Transport transport, long nowNanos) {
        }

        @Override
        public void closed(Transport transport, Throwable cause) {
            closed.add(cause);
        }
    }

    @Test
    void aLocalCloseWithoutACauseEndsTheReaderAndIsReportedOnce() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        try (FakeWebSocketPeer peer = FakeWebSocketPeer.start();
             ClientRuntime runtime = ClientRuntime.builder().threadFactory(task -> {
                 Thread thread = new Thread(task);
                 thread.setDaemon(true);
                 threads.add(thread);
                 return thread;
             }).build()) {
            StompConfig config = StompConfig.builder().failover(peer.uri()).build();
            StompBroker broker = new StompFailoverUri(peer.uri()).brokers().get(0);
            Recorder recorder = new Recorder();
            WebSocketTransport transport = WebSocketTransport.open(broker, config, recorder, new ConnectionStats(),
                    runtime, "ws-test-reader", WebSocketSetup.client(config, runtime));
            transport.start();
            transport.write(StompHeartBeat.INSTANCE);
            assertThat(peer.awaitConnection(Duration.ofSeconds(5)).awaitMessage(
                    Duration.ofSeconds(5)).payload()).containsExactly('\n');

            transport.close(null);

            assertThat(recorder.closed.poll(5, TimeUnit.SECONDS)).isInstanceOf(StompConnectionError.class)
                    .hasMessage("Connection closed [" + peer.uri() + " closed locally]");
            Thread reader = threads.stream().filter(t -> t.getName().equals("ws-test-reader")).findFirst()
                    .orElseThrow();
            reader.join(5000);
            assertThat(reader.isAlive()).as("reader thread ended").isFalse();
            assertThat(recorder.closed).as("reported once").isEmpty();
            assertThat(transport.isClosed()).isTrue();
            assertThatThrownBy(() -> transport.write(StompHeartBeat.INSTANCE))
                    .isInstanceOf(StompConnectionError.class).hasMessage("Not connected [" + peer.uri() + " closed]");
        }
    }
}
