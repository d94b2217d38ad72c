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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console against a JVM whose JDK agent requires a password and TLS on both the RMI registry and the connector
 * ({@link SecureJmxAgent}): the right credentials list its connection; wrong or missing ones, and a plain (non-TLS)
 * connection, each fail with one line on stderr, their own exit code, and never a password.
 */
class JmxConsoleSecureRmiTest {
    private static final String PASSWORD = "s3cret-jmx-pw";
    private static final String WRONG = "not-the-pw-42";

    @TempDir
    static Path dir;
    static SecureJmxAgent agent;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = SecureJmxAgent.start(dir, PASSWORD, "secure-1");
    }

    @AfterAll
    static void stopAgent() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void listConnectsWithTheRightCredentialsOverTls() throws Exception {
        ConsoleRun run = console(true, "--user", SecureJmxAgent.USER,
                "--password-file", agent.passwordFile("right.password", PASSWORD).toString(), "list");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("NAME      STATE").contains("\nsecure-1  CONNECTED");
    }

    @Test
    void aWrongPasswordIsOneLineAndItsOwnExitCode() throws Exception {
        ConsoleRun run = console(true, "--user", SecureJmxAgent.USER,
                "--password-file", agent.passwordFile("wrong.password", WRONG).toString(), "list");

        assertThat(run.exitCode()).isEqualTo(ExitCode.AUTHENTICATION_FAILED.code()).isEqualTo(7);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("jmx-console: authentication failed for service:jmx:rmi:///jndi/rmi://"
                + "127.0.0.1:" + agent.port() + "/jmxrmi [").endsWith("]\n").hasLineCount(1)
                .doesNotContain(WRONG).doesNotContain(PASSWORD);
    }

    @Test
    void noCredentialsAtAllIsAnAuthenticationFailureToo() {
        ConsoleRun run = console(true, "list");

        assertThat(run.exitCode()).isEqualTo(ExitCode.AUTHENTICATION_FAILED.code());
        assertThat(run.err()).startsWith("jmx-console: authentication failed for ").hasLineCount(1);
    }

    @Test
    void withoutSslTheConsoleCannotConnect() throws Exception {
        ConsoleRun run = console(false, "--user", SecureJmxAgent.USER,
                "--password-file", agent.passwordFile("right.password", PASSWORD).toString(), "list");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_CONNECT.code());
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("jmx-console: cannot connect to service:jmx:rmi:///jndi/rmi://127.0.0.1:"
                + agent.port() + "/jmxrmi [").hasLineCount(1).doesNotContain(PASSWORD);
    }

    @Test
    void aUserWithoutPasswordFileNeedsATerminal() {
        // surefire's JVM has no console, so there is nobody to ask
        ConsoleRun run = console(true, "--user", SecureJmxAgent.USER, "list");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).isEqualTo("jmx-console: --user needs a password and there is no terminal to ask on "
                + "[give --password-file PATH] (see jmx-console --help)\n");
    }

    /** Runs the console against the agent by host and port, with or without --ssl and its truststore. */
    private static ConsoleRun console(boolean ssl, String... more) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(agent.port()),
                "--timeout", "20000"));
        if (ssl) {
            args.addAll(List.of("--ssl", "--truststore", agent.truststore().toString(),
                    "--truststore-password-file", agent.truststorePasswordFile().toString()));
        }
        args.addAll(List.of(more));
        return ConsoleRun.of(args.toArray(String[]::new));
    }
}
