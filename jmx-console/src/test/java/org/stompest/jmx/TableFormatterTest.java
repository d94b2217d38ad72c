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
package org.stompest.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableFormatterTest {
    static final ConnectionView ORDERS = ConnectionView.of("orders-1", Map.of(
            "State", "CONNECTED",
            "CurrentBroker", "tcp://127.0.0.1:61613",
            "Version", "1.2",
            "ClientHeartBeat", 10000,
            "ServerHeartBeat", 10000,
            "LastReceivedAgoMillis", 850L,
            "FailoverAttempts", 1L,
            "Reconnects", 0L,
            "Subscriptions", 2));
    /** Most attributes missing: they render as "-". */
    static final ConnectionView SPARSE = ConnectionView.of("b", Map.of(
            "State", "RECONNECTING",
            "FailoverAttempts", 12L,
            "Reconnects", 3L));

    @Test
    void listTableColumnsAreAsWideAsTheirWidestCell() {
        assertThat(TableFormatter.connections(List.of(ORDERS, SPARSE))).isEqualTo("""
                NAME      STATE         BROKER           BEATS    LAST-RX  RECONN  NEXT  SUBS
                orders-1  CONNECTED     127.0.0.1:61613  10s/10s    850ms       0     -     2
                b         RECONNECTING  -                -              -       3     -     -
                """);
    }

    @Test
    void emptyTableSaysSo() {
        assertThat(TableFormatter.connections(List.of())).isEqualTo("""
                NAME  STATE  BROKER  BEATS  LAST-RX  RECONN  NEXT  SUBS
                (no stompest connections)
                """);
    }

    /** A failover in progress: no heart-beats (not "0/0"), the delay before the next attempt, the last error. */
    @Test
    void reconnectingShowsDashForHeartBeatsTheNextDelayAndTheLastError() {
        ConnectionView reconnecting = ConnectionView.of("orders-1", Map.of(
                "State", "RECONNECTING",
                "ClientHeartBeatMillis", 0,
                "ServerHeartBeatMillis", 0,
                "NextDelayMillis", 250L,
                "Reconnects", 1L,
                "LastError", "tcp://127.0.0.1:61613: StompConnectionError: Could not establish connection"
                        + " [java.net.ConnectException: Connection refused]",
                "LastErrorTime", "2024-05-01T12:00:03Z"));
        assertThat(TableFormatter.connections(List.of(reconnecting), java.time.ZoneOffset.UTC)).isEqualTo("""
                NAME      STATE         BROKER  BEATS  LAST-RX  RECONN   NEXT  SUBS
                orders-1  RECONNECTING  -       -            -       1  250ms     -
                LAST ERROR
                orders-1  12:00:03  127.0.0.1:61613: Could not establish connection
                                    [ConnectException: Connection refused]
                """)
                .doesNotContain("0/0");
    }

    /** Whatever the names and brokers, {@code list} and {@code watch} fit an 80-column terminal. */
    @Test
    void theTableFitsEightyColumns() {
        ConnectionView wide = ConnectionView.of("camel-orders-route-with-a-long-name-17", Map.of(
                "State", "RECONNECTING",
                "CurrentBroker", "ssl://broker-primary.messaging.example.internal:61614",
                "ClientHeartBeatMillis", 10000,
                "ServerHeartBeatMillis", 10000,
                "LastReceivedAgoMillis", 3_599_000L,
                "Reconnects", 12345L,
                "NextDelayMillis", 30_000L,
                "Subscriptions", 120,
                "LastError", "x".repeat(300),
                "LastErrorTime", "2024-05-01T12:00:03Z"));
        String table = TableFormatter.connections(List.of(ORDERS, SPARSE, wide));
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).as(line)
                .isLessThanOrEqualTo(TableFormatter.WIDTH));
        assertThat(table.lines().mapToInt(String::length).max().orElseThrow()).isEqualTo(TableFormatter.WIDTH);
        assertThat(table).contains("camel-order~").contains("ssl://broker~").contains("30.0s");
    }

    @Test
    void longErrorsWrapOnTwoLinesThenAreCut() {
        assertThat(TableFormatter.wrap("one two three four five six", 9, 2)).containsExactly("one two", "three fo~");
        assertThat(TableFormatter.wrap("short", 9, 2)).containsExactly("short");
        assertThat(TableFormatter.compact("tcp://h:1: StompConnectionError: Could not [java.net.ConnectException: x]"))
                .isEqualTo("h:1: Could not [ConnectException: x]");
    }

    @Test
    void heartBeatsShowAMissingSideAsDashAndReadTheOldNames() {
        assertThat(TableFormatter.heartBeats(ConnectionView.of("x", Map.of("ClientHeartBeat", 0))))
                .isEqualTo("0/-");
        assertThat(TableFormatter.heartBeats(ConnectionView.of("x", Map.of("ClientHeartBeatMillis", 1500,
                "ServerHeartBeatMillis", 250, "State", "CONNECTED")))).isEqualTo("1.5s/250ms");
        assertThat(TableFormatter.heartBeats(ConnectionView.of("x", Map.of()))).isEqualTo("-");
    }

    @Test
    void showListsEveryContractAttributeThenExtras() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("State", "CONNECTED");
        values.put("LastSent", 1714564800000L);
        values.put("LastReceived", 0L);
        values.put("NextDelayMillis", -1L);
        values.put("AttemptsPerBroker", Map.of("tcp://a:1", 2L));
        values.put("SubscriptionDestinations", List.of("/queue/a", "/topic/b"));
        values.put("LastError", "line one\nline two");
        values.put("Extra", true);
        String details = TableFormatter.details(ConnectionView.of("c-1", values));
        assertThat(details).isEqualTo("""
                org.stompest:type=Connection,name=c-1
                  State                     CONNECTED
                  Version                   -
                  SessionId                 -
                  Server                    -
                  CurrentBroker             -
                  ConnectedSince            -
                  ClientHeartBeatMillis     -
                  ServerHeartBeatMillis     -
                  LastSent                  2024-05-01T12:00:00Z
                  LastReceived              -
                  LastReceivedAgoMillis     -
                  LongestReceiveGapMillis   -
                  HeartBeatsSent            -
                  HeartBeatsReceived        -
                  MissedHeartBeats          -
                  ConnectAttempts           -
                  FailoverAttempts          -
                  ConsecutiveFailures       -
                  Reconnects                -
                  Failovers                 -
                  LastFailoverTime          -
                  LastError                 line one line two
                  LastErrorTime             -
                  LastAttemptTime           -
                  LastAttemptError          -
                  NextDelayMillis           -
                  AttemptsPerBroker         tcp://a:1=2
                  Subscriptions             -
                  SubscriptionDestinations  /queue/a, /topic/b
                  FramesSent                -
                  FramesReceived            -
                  BytesSent                 -
                  BytesReceived             -
                  MessagesSent              -
                  SendsConfirmed            -
                  SendsFailed               -
                  MessagesReceived          -
                  Redelivered               -
                  Acked                     -
                  Nacked                    -
                  SentPerSecond             -
                  ReceivedPerSecond         -
                  PendingReceipts           -
                  LeaseHolders              -
                  Failover                  -
                  Login                     -
                  Extra                     true
                """);
    }

    @Test
    void showQuotesNothingAndKeepsTheObjectNameOfQuotedNames() {
        ConnectionView v = ConnectionView.of("app:orders,1", Map.of());
        assertThat(v.objectName()).isEqualTo("org.stompest:type=Connection,name=\"app:orders,1\"");
        assertThat(TableFormatter.details(v)).startsWith("org.stompest:type=Connection,name=\"app:orders,1\"\n");
    }

    @Test
    void jvmTable() {
        assertThat(TableFormatter.jvms(List.of(
                new LocalJvms.Jvm(812, "org.stompest.examples.OrderApp", List.of("orders-1", "orders-2")),
                new LocalJvms.Jvm(77, "", List.of("x"))))).isEqualTo("""
                PID  CONNECTIONS         MAIN
                812  orders-1, orders-2  org.stompest.examples.OrderApp
                 77  x                   -
                """);
    }
}
