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
package org.stompest.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stompest.client.testing.FakeStompPeer;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * The transacted consumer's frames on the wire, per broker profile (a fake peer that says which broker it is):
 * where the broker honours the transaction of an ACK, the ACK goes inside it before the COMMIT; Artemis ignores it,
 * so there the COMMIT comes first and the ACK after, outside the transaction.
 */
class TransactedAckOrderTest extends CamelTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private FakeStompPeer peer;

    @AfterEach
    void stopPeer() {
        if (peer != null) {
            peer.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ActiveMQ-Artemis/2.55.0 | SUBSCRIBE,BEGIN,COMMIT,ACK | false",
            "ActiveMQ/6.3.1 | SUBSCRIBE,BEGIN,ACK,COMMIT | true",
            "RabbitMQ/3.10.8 | SUBSCRIBE,BEGIN,ACK,COMMIT | true" })
    void theAckFollowsTheBrokersTransactionRule(String server, String order, boolean ackInTransaction)
            throws Exception {
        peer = FakeStompPeer.start();
        peer.connectedHeaders(Map.of("version", "1.2", "server", server));
        // answered on the peer's reader thread: the MESSAGE may overtake the client's CONNECTED state
        peer.onFrame((connection, frame) -> {
            if (StompSpec.SUBSCRIBE.equals(frame.command())) {
                connection.sendRaw(FakeStompPeer.frame(StompSpec.MESSAGE, Map.of("destination", "/queue/in",
                        "message-id", "m-1", "ack", "a-1", "subscription", frame.header(StompSpec.ID_HEADER)),
                        "hello"));
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:in?transacted=true&heartBeats=0,0&failover=" + peer.uri()).to("mock:done");
            }
        });
        FakeStompPeer.Connection wire = peer.awaitConnection(WAIT);
        await().atMost(WAIT).until(() -> commands(wire).containsAll(List.of("ACK", "COMMIT")));

        assertThat(String.join(",", commands(wire))).isEqualTo(order);
        StompFrame ack = wire.frames().stream().filter(f -> StompSpec.ACK.equals(f.command())).findFirst()
                .orElseThrow();
        assertThat(ack.header(StompSpec.ID_HEADER)).isEqualTo("a-1");
        assertThat(ack.header(StompSpec.TRANSACTION_HEADER) != null).as("ACK inside the transaction")
                .isEqualTo(ackInTransaction);
    }

    private static List<String> commands(FakeStompPeer.Connection wire) {
        return wire.frames().stream().map(StompFrame::command)
                .filter(c -> !StompSpec.CONNECT.equals(c) && !StompSpec.STOMP.equals(c)).collect(Collectors.toList());
    }
}
