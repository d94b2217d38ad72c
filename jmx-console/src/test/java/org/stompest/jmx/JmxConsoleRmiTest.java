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

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole console against a private MBean server behind a real RMI connector on a loopback port. */
class JmxConsoleRmiTest {
    static RmiJmxServer server;
    static String url;
    FakeConnection test1;
    FakeConnection test2;

    @BeforeAll
    static void startServer() throws Exception {
        server = RmiJmxServer.start();
        url = server.url();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void registerConnections() throws Exception {
        MBeanServer mbs = server.mbeanServer();
        for (ObjectName name : mbs.queryNames(StompestMBeans.PATTERN, null)) {
            mbs.unregisterMBean(name);
        }
        test1 = new FakeConnection("test-1");
        test1.register(mbs);
        test2 = new FakeConnection("test-2");
        test2.register(mbs);
    }

    @Test
    void listPrintsATableSortedByName() {
        ConsoleRun run = ConsoleRun.of("--url", url, "list");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                NAME    STATE      BROKER           BEATS   LAST-RX  RECONN  NEXT  SUBS
                test-1  CONNECTED  127.0.0.1:61000  10s/5s     1.5s       0     -     2
                test-2  CONNECTED  127.0.0.1:61000  10s/5s     1.5s       0     -     2
                """);
    }

    @Test
    void listIsTheDefaultCommandAndHostPortWorksToo() {
        ConsoleRun run = ConsoleRun.of("--host", "127.0.0.1", "--port", String.valueOf(server.port()));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("NAME    STATE").contains("\ntest-2  CONNECTED");
    }

    @Test
    void listJson() {
        ConsoleRun run = ConsoleRun.of("--url", url, "list", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("{\n  \"connections\": [\n    {\n      \"name\": \"test-1\",\n"
                        + "      \"objectName\": \"org.stompest:type=Connection,name=test-1\",\n"
                        + "      \"attributes\": {\n        \"State\": \"CONNECTED\",\n")
                .contains("\"ClientHeartBeatMillis\": 10000,")
                .contains("\"LastError\": null,")
                .contains("\"AttemptsPerBroker\": {\n          \"tcp://127.0.0.1:61000\": 2,\n"
                        + "          \"tcp://127.0.0.1:61001\": 1\n        },")
                .contains("\"SubscriptionDestinations\": [\n          \"/queue/orders\",\n          \"/topic/prices\"\n")
                .contains("\"name\": \"test-2\"")
                .endsWith("\"Login\": \"guest\"\n      }\n    }\n  ]\n}\n");
    }

    @Test
    void showPrintsEveryAttribute() {
        ConsoleRun run = ConsoleRun.of("--url", url, "show", "test-1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                org.stompest:type=Connection,name=test-1
                  State                     CONNECTED
                  Version                   1.2
                  SessionId                 session-test-1
                  Server                    ActiveMQ-Artemis/2.55.0
                  CurrentBroker             tcp://127.0.0.1:61000
                  ConnectedSince            2024-05-01T11:59:59Z
                  ClientHeartBeatMillis     10000
                  ServerHeartBeatMillis     5000
                  LastSent                  2024-05-01T12:00:00Z
                  LastReceived              2024-05-01T12:00:01Z
                  LastReceivedAgoMillis     1500
                  LongestReceiveGapMillis   5100
                  HeartBeatsSent            7
                  HeartBeatsReceived        11
                  MissedHeartBeats          0
                  ConnectAttempts           5
                  FailoverAttempts          3
                  ConsecutiveFailures       0
                  Reconnects                0
                  Failovers                 1
                  LastFailoverTime          2024-05-01T11:59:59Z
                  LastError                 -
                  LastErrorTime             -
                  LastAttemptTime           2024-05-01T11:59:58Z
                  LastAttemptError          Connection refused
                  NextDelayMillis           0
                  AttemptsPerBroker         tcp://127.0.0.1:61000=2, tcp://127.0.0.1:61001=1
                  Subscriptions             2
                  SubscriptionDestinations  /queue/orders, /topic/prices
                  FramesSent                42
                  FramesReceived            40
                  BytesSent                 4096
                  BytesReceived             8192
                  MessagesSent              30
                  SendsConfirmed            29
                  SendsFailed               1
                  MessagesReceived          25
                  Redelivered               2
                  Acked                     24
                  Nacked                    1
                  SentPerSecond             2.5
                  ReceivedPerSecond         2.0
                  PendingReceipts           1
                  LeaseHolders              StompestConsumer, StompestProducer
                  Failover                  failover:(tcp://127.0.0.1:61000,tcp://127.0.0.1:61001)
                  Login                     guest
                """);
    }

    @Test
    void showAcceptsTheFullObjectName() {
        ConsoleRun run = ConsoleRun.of("--url", url, "show", "org.stompest:name=test-2,type=Connection", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{\n  \"name\": \"test-2\",\n"
                + "  \"objectName\": \"org.stompest:type=Connection,name=test-2\",\n  \"attributes\": {\n");
    }

    @Test
    void showRendersMissingAttributesAsDashAndListsExtras() throws Exception {
        server.mbeanServer().registerMBean(new PartialConnection(), StompestMBeans.objectName("partial"));
        ConsoleRun show = ConsoleRun.of("--url", url, "show", "partial");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out())
                .contains("\n  State                     CONNECTING\n")
                .contains("\n  Version                   -\n")
                .contains("\n  Reconnects                9\n")
                .endsWith("\n  Login                     -\n  Flavour                   partial\n");
        assertThat(ConsoleRun.of("--url", url).out())
                .contains("\npartial  CONNECTING  -                -             -       9     -     -\n");
    }

    @Test
    void showFindsQuotedNames() throws Exception {
        new FakeConnection("app:orders,1").register(server.mbeanServer());
        ConsoleRun run = ConsoleRun.of("--url", url, "show", "app:orders,1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("org.stompest:type=Connection,name=\"app:orders,1\"\n");
    }

    @Test
    void reconnectInvokesTheOperation() {
        ConsoleRun run = ConsoleRun.of("--url", url, "reconnect", "test-1");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("reconnect() invoked on test-1\n");
        assertThat(test1.reconnectCalls).hasValue(1);
        assertThat(test2.reconnectCalls).hasValue(0);
        assertThat(ConsoleRun.of("--url", url, "show", "test-1").out()).contains("\n  Reconnects                1\n");
    }

    @Test
    void disconnectInvokesTheOperationAndPrintsJson() {
        ConsoleRun run = ConsoleRun.of("--url", url, "--json", "disconnect", "test-2");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                {
                  "name": "test-2",
                  "objectName": "org.stompest:type=Connection,name=test-2",
                  "operation": "disconnect",
                  "result": "ok"
                }
                """);
        assertThat(test2.disconnectCalls).hasValue(1);
        assertThat(test1.disconnectCalls).hasValue(0);
    }

    @Test
    void aFailingOperationExits6() {
        test1.failOperationsWith = "broker gone";
        ConsoleRun run = ConsoleRun.of("--url", url, "reconnect", "test-1");
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("jmx-console: reconnect() failed on test-1 [broker gone]\n");
    }

    @Test
    void unknownNameExits5AndNamesTheConnections() {
        ConsoleRun run = ConsoleRun.of("--url", url, "show", "nope");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("jmx-console: no such connection: nope [connections: test-1, test-2]\n");
        assertThat(ConsoleRun.of("--url", url, "reconnect", "org.stompest:type=Connection,name=nope").exitCode())
                .isEqualTo(5);
    }

    @Test
    void aJvmWithoutStompestConnectionsExits4() throws Exception {
        try (RmiJmxServer empty = RmiJmxServer.start()) {
            for (String command : List.of("list", "watch", "show x", "reconnect x")) {
                List<String> args = new java.util.ArrayList<>(List.of("--url", empty.url()));
                args.addAll(List.of(command.split(" ")));
                ConsoleRun run = ConsoleRun.of(args.toArray(String[]::new));
                assertThat(run.exitCode()).as(command).isEqualTo(4);
                assertThat(run.err()).as(command).startsWith("jmx-console: no stompest connections").endsWith("\n");
                assertThat(run.err().lines()).as(command).hasSize(1);
            }
            assertThat(ConsoleRun.of("--url", empty.url()).err()).isEqualTo(
                    "jmx-console: no stompest connections [no MBean matches org.stompest:type=Connection,*]\n");
        }
    }

    /** A script asking for JSON gets an empty list, not nothing: {@code jq '.connections | length'} says 0. */
    @Test
    void listJsonWithNoConnectionsPrintsAnEmptyList() throws Exception {
        try (RmiJmxServer empty = RmiJmxServer.start()) {
            ConsoleRun run = ConsoleRun.of("--url", empty.url(), "list", "--json");
            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEqualTo("{\n  \"connections\": []\n}\n");
        }
    }

    @Test
    void anUnreachableJvmExits3WithOneLine() throws Exception {
        int port = RmiJmxServer.freePort();
        ConsoleRun run = ConsoleRun.of("--host", "127.0.0.1", "--port", String.valueOf(port));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("jmx-console: cannot connect to service:jmx:rmi:///jndi/rmi://127.0.0.1:"
                + port + "/jmxrmi [Connection refused]\n");
    }

    @Test
    void credentialsInTheUrlAreNeverPrinted() throws Exception {
        int port = RmiJmxServer.freePort();
        ConsoleRun run = ConsoleRun.of("--url",
                "service:jmx:rmi:///jndi/rmi://admin:s3cret@127.0.0.1:" + port + "/jmxrmi;password=s3cret");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("jmx-console: cannot connect to service:jmx:rmi:///jndi/rmi://***@127.0.0.1:")
                .doesNotContain("s3cret").doesNotContain("admin");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void watchWithoutATerminalPrintsOneTablePerTick() {
        ConsoleRun run = ConsoleRun.of("--url", url, "watch", "--interval", "50", "--count", "3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("\u001b");
        assertThat(run.out().split("jmx-console watch  ", -1)).hasSize(4);
        assertThat(run.out().split("\ntest-1  CONNECTED", -1)).hasSize(4);
        assertThat(run.out()).startsWith("jmx-console watch  " + url + "  every 50 ms  ");
    }

    @Test
    void watchWithAnsiRedrawsInPlace() {
        ConsoleRun run = ConsoleRun.of("--url", url, "watch", "--interval", "50", "--count", "2", "--ansi");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().split("\u001b\\[H\u001b\\[2J", -1)).hasSize(3);
        assertThat(run.out()).as("the alternate screen, left on exit")
                .startsWith(LiveView.ENTER_ALTERNATE_SCREEN + LiveView.HOME_AND_CLEAR)
                .endsWith(LiveView.LEAVE_ALTERNATE_SCREEN);
    }

    @Test
    void watchJsonPrintsOneLinePerTick() {
        ConsoleRun run = ConsoleRun.of("--url", url, "watch", "--interval", "50", "--count", "2", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(2)
                .allSatisfy(l -> assertThat(l).startsWith("{\"time\":\"").contains("\"name\":\"test-2\""));
    }

    @Test
    void watchSeesChangesBetweenTicks() throws Exception {
        Thread t = new Thread(() -> {
            // after the first tick has read the state
            await().atMost(Duration.ofSeconds(10)).until(() -> test2.stateReads.get() >= 1);
            test2.disconnect();
        });
        t.start();
        ConsoleRun run = ConsoleRun.of("--url", url, "watch", "--interval", "200", "--count", "3");
        t.join();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\ntest-2  CONNECTED").contains("\ntest-2  CLOSED");
    }

    @Test
    void watchExits3WhenTheJvmGoesAway() throws Exception {
        RmiJmxServer doomed = RmiJmxServer.start();
        FakeConnection connection = new FakeConnection("doomed-1");
        connection.register(doomed.mbeanServer());
        Thread killer = new Thread(() -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> connection.stateReads.get() >= 1);
            try {
                doomed.close();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        ConsoleRun run = ConsoleRun.of("--url", doomed.url(), "watch", "--interval", "100", "--count", "100");
        killer.join();
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("\ndoomed-1  CONNECTED");
        assertThat(run.err()).startsWith("jmx-console: lost connection to " + doomed.url() + " [");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void ownPidReadsThisJvmWithoutAttaching() throws Exception {
        MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new FakeConnection("self-1").register(platform);
        try {
            ConsoleRun run = ConsoleRun.of("--pid", String.valueOf(ProcessHandle.current().pid()), "list");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("\nself-1  CONNECTED");
        } finally {
            platform.unregisterMBean(name);
        }
    }
}
