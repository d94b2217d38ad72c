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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.StompConnection.State;
import org.stompest.client.testing.BrokerExtension;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * Artemis closes a STOMP connection that sends nothing for its connection TTL (60 s by default, even with
 * {@code heart-beat:0,0}); with client heart-beats the connection lives on. Instead of waiting 60 s the acceptor
 * gets {@code connectionTtl=2000}: without heart-beats the connection dies within a few seconds (and the client
 * reconnects by itself); beating every 500 ms it survives well past the TTL.
 */
class ArtemisHeartBeatIT {
    private static final long TTL = 2000;
    @RegisterExtension
    static final BrokerExtension<EmbeddedArtemis> artemis = BrokerExtension.of(
            () -> EmbeddedArtemis.builder().connectionTtl(TTL).build().start());

    private static StompConnection connect(int clientMs, int serverMs) {
        StompConnection connection = new StompConnection(StompConfig.builder()
                .failover("failover:(" + artemis.get().stompUri() + ")?initialReconnectDelay=10")
                .heartBeats(clientMs, serverMs).build());
        connection.connect();
        return connection;
    }

    @Test
    void idleConnectionSurvivesPastTheTtlBecauseTheClientBeats() {
        try (StompConnection connection = connect(500, 500)) {
            assertThat(connection.clientHeartBeat()).isEqualTo(500);
            await().during(Duration.ofMillis(3 * TTL)).atMost(Duration.ofSeconds(20))
                    .until(() -> connection.state() == State.CONNECTED && connection.epoch() == 1);
            assertThat(connection.stats().heartBeatsSent()).isGreaterThanOrEqualTo(3 * TTL / 500 - 2);
            assertThat(connection.stats().missedHeartBeats()).isZero();
        }
    }

    @Test
    void idleConnectionWithoutHeartBeatsIsClosedByTheTtlAndTheClientReconnects() {
        try (StompConnection connection = connect(0, 0)) {
            assertThat(connection.clientHeartBeat()).isZero();
            await().atMost(Duration.ofSeconds(20)).until(() -> connection.epoch() == 2);
            assertThat(connection.stats().reconnects()).isEqualTo(1);
        }
    }
}
