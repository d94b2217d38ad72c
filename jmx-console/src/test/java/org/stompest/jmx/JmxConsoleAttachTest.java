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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console against a separate JVM ({@link FakeJvmMain}): by pid through the Attach API, and by the service URL
 * of its {@code com.sun.management.jmxremote.port} agent.
 */
class JmxConsoleAttachTest {
    static ChildJvm child;
    static int jmxPort;
    static String url;

    @BeforeAll
    static void startChild() throws Exception {
        jmxPort = RmiJmxServer.freePort();
        child = ChildJvm.start(List.of(
                "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Xshare:auto", "-XX:TieredStopAtLevel=1"),
                FakeJvmMain.class, "test-1", "orders-9");
        url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi";
    }

    @AfterAll
    static void stopChild() throws Exception {
        if (child != null) {
            child.close();
        }
    }

    private static String pid() {
        return String.valueOf(child.pid());
    }

    @Test
    void listJsonByPid() {
        ConsoleRun run = ConsoleRun.of("--pid", pid(), "list", "--json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{\n  \"connections\": [\n    {\n      \"name\": \"orders-9\",\n")
                .contains("\"name\": \"test-1\"")
                .contains("\"State\": \"CONNECTED\"")
                .contains("\"ServerHeartBeatMillis\": 5000,");
    }

    @Test
    void showByPid() {
        ConsoleRun run = ConsoleRun.of("--pid", pid(), "show", "test-1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("org.stompest:type=Connection,name=test-1\n  State                     CONNECTED\n")
                .contains("\n  SubscriptionDestinations  /queue/orders, /topic/prices\n");
    }

    @Test
    void listJsonByUrl() {
        ConsoleRun run = ConsoleRun.of("--url", url, "list", "--json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"name\": \"orders-9\"").contains("\"name\": \"test-1\"");
    }

    @Test
    void showByUrlAndByHostPort() {
        ConsoleRun byUrl = ConsoleRun.of("--url", url, "show", "orders-9");
        assertThat(byUrl.exitCode()).isZero();
        assertThat(byUrl.out()).startsWith("org.stompest:type=Connection,name=orders-9\n")
                .contains("\n  SessionId                 session-orders-9\n");
        ConsoleRun byPort = ConsoleRun.of("--host", "127.0.0.1", "--port", String.valueOf(jmxPort), "show", "orders-9");
        assertThat(byPort.out()).isEqualTo(byUrl.out());
    }

    @Test
    void reconnectByPidReachesTheOtherJvm() {
        ConsoleRun run = ConsoleRun.of("--pid", pid(), "reconnect", "orders-9");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("reconnect() invoked on orders-9\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> child.lines().contains("reconnect orders-9"));
    }

    @Test
    void discoveryFindsTheJvmAndItsConnections() {
        List<LocalJvms.Jvm> jvms = LocalJvms.discover(p -> p == child.pid(), 10_000);
        assertThat(jvms).hasSize(1);
        assertThat(jvms.get(0).pid()).isEqualTo(child.pid());
        assertThat(jvms.get(0).displayName()).startsWith(FakeJvmMain.class.getName());
        assertThat(jvms.get(0).connections()).containsExactly("orders-9", "test-1");
    }

    @Test
    void aJvmWithoutStompestConnectionsExits4() throws Exception {
        try (ChildJvm empty = ChildJvm.start(List.of("-XX:TieredStopAtLevel=1"), FakeJvmMain.class, "--none")) {
            ConsoleRun run = ConsoleRun.of("--pid", String.valueOf(empty.pid()), "list");
            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.err()).isEqualTo(
                    "jmx-console: no stompest connections [no MBean matches org.stompest:type=Connection,*]\n");
        }
    }

    @Test
    void aProcessThatIsNotAJvmIsRefusedAndLeftAlive() throws Exception {
        assertRefusedAndAlive(new ProcessBuilder("sleep", "30").start());
    }

    /** nginx and gunicorn catch SIGQUIT to shut down: catching it does not make a process a JVM. */
    @Test
    void aProcessThatCatchesSigquitToStopIsRefusedAndLeftAlive() throws Exception {
        Process stopsOnQuit = new ProcessBuilder("bash", "-c", "trap 'exit 9' QUIT; sleep 30 & wait").start();
        await().atMost(Duration.ofSeconds(5)).until(() -> sigquitCaught(stopsOnQuit.pid()));
        assertRefusedAndAlive(stopsOnQuit);
    }

    private static void assertRefusedAndAlive(Process process) throws Exception {
        try {
            ConsoleRun run = ConsoleRun.of("--pid", String.valueOf(process.pid()), "list");
            assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_CONNECT.code());
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("jmx-console: cannot connect to pid " + process.pid() + " ["
                    + AttachGuard.NOT_A_JVM + "]\n");
            assertThat(process.waitFor(500, TimeUnit.MILLISECONDS)).as("exited after the console ran").isFalse();
            assertThat(process.isAlive()).as("no signal may reach a process that is not a listed JVM").isTrue();
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static boolean sigquitCaught(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("SigCgt:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 2)) != 0;
            }
        }
        return false;
    }


    @Test
    void aPidThatIsNoJvmExits3() throws Exception {
        Process gone = new ProcessBuilder(ChildJvm.javaBinary(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        ConsoleRun run = ConsoleRun.of("--pid", String.valueOf(gone.pid()), "list");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("jmx-console: cannot connect to pid " + gone.pid() + " [No such process]\n");
    }
}
