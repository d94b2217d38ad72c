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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code watch} run as its own process: in place under a real (pseudo-)terminal, plain tables into a pipe. */
class WatchTerminalTest {
    static RmiJmxServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RmiJmxServer.start();
        new FakeConnection("test-1").register(server.mbeanServer());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static List<String> console(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                ChildJvm.javaBinary(), "-XX:TieredStopAtLevel=1", "-cp", ChildJvm.classPath(),
                JmxConsole.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void watchRedrawsInPlaceInARealTerminal() throws Exception {
        String tool = PseudoTerminal.available();
        // .ci/run installs bsdutils (script) where it is missing: this test must run, not skip
        assertThat(tool).as("script (bsdutils) or tmux, to run watch under a pseudo-terminal").isNotNull();
        PseudoTerminal.Result result = PseudoTerminal.run(
                console("--url", server.url(), "watch", "--interval", "200", "--count", "2"), 30);
        assertThat(result.exitCode()).as(tool + " output: %s", result.output()).isZero();
        String out = result.output();
        assertThat(out.split("\u001b\\[H\u001b\\[2J", -1)).as(out).hasSize(3);
        assertThat(out.split("jmx-console watch  ", -1)).hasSize(3);
        assertThat(out.split("\ntest-1  CONNECTED", -1)).hasSize(3);
        assertThat(out).contains("(Ctrl-C to quit)");
        assertThat(out.indexOf(LiveView.ENTER_ALTERNATE_SCREEN)).as("alternate screen before the first frame")
                .isGreaterThanOrEqualTo(0).isLessThan(out.indexOf(LiveView.HOME_AND_CLEAR));
        assertThat(out.lastIndexOf(LiveView.LEAVE_ALTERNATE_SCREEN)).as("and left after the last")
                .isGreaterThan(out.lastIndexOf("test-1  CONNECTED"));
    }

    /**
     * Ctrl-C (SIGINT) or SIGTERM ends the JVM in the middle of the loop: the shutdown hook still restores the screen.
     * The test sends SIGTERM, because a background job of a non-interactive shell (as under CI) ignores SIGINT.
     */
    @Test
    void watchRestoresTheScreenWhenInterrupted() throws Exception {
        Process p = new ProcessBuilder(console("--url", server.url(), "watch", "--interval", "100", "--ansi"))
                .redirectErrorStream(true).start();
        java.io.InputStream in = p.getInputStream();
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!seen.toString().contains("test-1  CONNECTED")) {
            int n = in.read(buffer);
            assertThat(n).as("output so far: %s", seen).isPositive();
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor()).isZero();
        seen.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen.toString()).startsWith(LiveView.ENTER_ALTERNATE_SCREEN)
                .endsWith(LiveView.LEAVE_ALTERNATE_SCREEN);
    }

    @Test
    void watchIntoAPipePrintsPlainTables() throws Exception {
        Process p = new ProcessBuilder(console("--url", server.url(), "watch", "--interval", "100", "--count", "2"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("\u001b");
        assertThat(out.split("jmx-console watch  ", -1)).hasSize(3);
        assertThat(out.split("\ntest-1  CONNECTED", -1)).hasSize(3);
    }
}
