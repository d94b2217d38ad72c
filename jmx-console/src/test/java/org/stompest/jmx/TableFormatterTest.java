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
                NAME      STATE         BROKER                 VERSION  HEART-BEATS     LAST-RECEIVED  ATTEMPTS  RECONNECTS  SUBS
                orders-1  CONNECTED     tcp://127.0.0.1:61613  1.2      10000/10000 ms          850ms         1           0     2
                b         RECONNECTING  -                      -        -                           -        12           3     -
                """);
    }

    @Test
    void emptyTableSaysSo() {
        assertThat(TableFormatter.connections(List.of())).isEqualTo("""
                NAME  STATE  BROKER  VERSION  HEART-BEATS  LAST-RECEIVED  ATTEMPTS  RECONNECTS  SUBS
                (no stompest connections)
                """);
    }

    @Test
    void longValuesWidenTheirColumnOnly() {
        ConnectionView longName = ConnectionView.of("a-very-long-connection-name", Map.of("State", "FAILED"));
        String table = TableFormatter.connections(List.of(longName));
        assertThat(table.lines().toList()).containsExactly(
                "NAME                         STATE   BROKER  VERSION  HEART-BEATS  LAST-RECEIVED  ATTEMPTS  RECONNECTS  SUBS",
                "a-very-long-connection-name  FAILED  -       -        -                        -         -           -     -");
    }

    @Test
    void heartBeatsShowAMissingSideAsDash() {
        assertThat(TableFormatter.heartBeats(ConnectionView.of("x", Map.of("ClientHeartBeat", 0))))
                .isEqualTo("0/- ms");
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
                  ClientHeartBeat           -
                  ServerHeartBeat           -
                  LastSent                  2024-05-01T12:00:00Z
                  LastReceived              -
                  LastReceivedAgoMillis     -
                  LongestReceiveGapMillis   -
                  HeartBeatsSent            -
                  HeartBeatsReceived        -
                  MissedHeartBeats          -
                  FailoverAttempts          -
                  ConsecutiveFailures       -
                  Reconnects                -
                  LastError                 line one line two
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
                  PendingReceipts           -
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
