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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing needs no JVM to talk to: every command, option and error, with exact messages. */
class CommandLineTest {

    @Test
    void noArgumentsListsLocalJvmsWithDefaults() {
        Invocation i = CommandLine.parse();
        assertThat(i.command()).isEqualTo(Command.LIST);
        assertThat(i.target()).isEqualTo(new Target.LocalJvms());
        assertThat(i.name()).isNull();
        assertThat(i.json()).isFalse();
        assertThat(i.intervalMillis()).isEqualTo(1000);
        assertThat(i.count()).isZero();
        assertThat(i.ansi()).isFalse();
        assertThat(i.timeoutMillis()).isEqualTo(10000);
        assertThat(i.help()).isFalse();
    }

    @Test
    void pidTarget() {
        assertThat(CommandLine.parse("--pid", "4242").target()).isEqualTo(new Target.Pid(4242));
        assertThat(CommandLine.parse("--pid=4242", "list").target()).isEqualTo(new Target.Pid(4242));
    }

    @Test
    void urlTarget() {
        String url = "service:jmx:rmi:///jndi/rmi://db.example:9010/jmxrmi";
        assertThat(CommandLine.parse("--url", url).target()).isEqualTo(new Target.ServiceUrl(url));
        assertThat(CommandLine.parse("--url=" + url).target()).isEqualTo(new Target.ServiceUrl(url));
    }

    @Test
    void hostAndPortBuildTheRmiRegistryUrl() {
        Target t = CommandLine.parse("--host", "broker-1", "--port", "9010").target();
        assertThat(t).isEqualTo(new Target.HostPort("broker-1", 9010));
        assertThat(((Target.HostPort) t).serviceUrl()).isEqualTo("service:jmx:rmi:///jndi/rmi://broker-1:9010/jmxrmi");
    }

    @Test
    void portAloneMeansLocalhost() {
        assertThat(CommandLine.parse("--port", "9010").target()).isEqualTo(new Target.HostPort("localhost", 9010));
    }

    @Test
    void ipv6HostIsBracketed() {
        Target.HostPort t = (Target.HostPort) CommandLine.parse("--host", "::1", "--port", "9010").target();
        assertThat(t.serviceUrl()).isEqualTo("service:jmx:rmi:///jndi/rmi://[::1]:9010/jmxrmi");
    }

    @Test
    void everyCommand() {
        assertThat(CommandLine.parse("--pid", "1", "list").command()).isEqualTo(Command.LIST);
        assertThat(CommandLine.parse("--pid", "1", "watch").command()).isEqualTo(Command.WATCH);
        Invocation show = CommandLine.parse("--pid", "1", "show", "conn-1");
        assertThat(show.command()).isEqualTo(Command.SHOW);
        assertThat(show.name()).isEqualTo("conn-1");
        Invocation reconnect = CommandLine.parse("reconnect", "conn-1", "--pid", "1");
        assertThat(reconnect.command()).isEqualTo(Command.RECONNECT);
        assertThat(reconnect.name()).isEqualTo("conn-1");
        Invocation disconnect = CommandLine.parse("disconnect", "org.stompest:type=Connection,name=c", "--pid", "1");
        assertThat(disconnect.command()).isEqualTo(Command.DISCONNECT);
        assertThat(disconnect.name()).isEqualTo("org.stompest:type=Connection,name=c");
    }

    @Test
    void watchOptions() {
        Invocation i = CommandLine.parse("--pid", "1", "watch", "--interval", "250", "--count=3", "--ansi", "--json");
        assertThat(i.intervalMillis()).isEqualTo(250);
        assertThat(i.count()).isEqualTo(3);
        assertThat(i.ansi()).isTrue();
        assertThat(i.json()).isTrue();
    }

    @Test
    void jsonAndTimeout() {
        Invocation i = CommandLine.parse("--json", "--timeout", "500", "--pid", "1", "show", "x");
        assertThat(i.json()).isTrue();
        assertThat(i.timeoutMillis()).isEqualTo(500);
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertThat(CommandLine.parse("--help").help()).isTrue();
        assertThat(CommandLine.parse("-h").help()).isTrue();
        assertThat(CommandLine.parse("show", "--bogus", "-h").help()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--bogus                                | unknown option: --bogus",
        "-x                                     | unknown option: -x",
        "--json --json                          | --json given twice",
        "--json=yes                             | --json takes no value",
        "--pid                                  | --pid needs a value (PID)",
        "--pid abc                              | --pid must be a positive number, was: abc",
        "--pid 0                                | --pid must be a positive number, was: 0",
        "--pid 1 --url service:jmx:rmi://h      | choose one target: --pid, --url or --host/--port",
        "--pid 1 --port 9010                    | choose one target: --pid, --url or --host/--port",
        "--host h                               | --host needs --port",
        "--host= --port 1                       | --host must not be empty",
        "--port 70000                           | --port must be a number from 1 to 65535, was: 70000",
        "--port x                               | --port must be a number from 1 to 65535, was: x",
        "--url http://h/                        | --url is not a JMX service URL: http://h/",
        "--pid 1 frobnicate                     | unknown command: frobnicate (expected list, watch, show, reconnect or disconnect)",
        "--pid 1 show                           | show needs a connection NAME",
        "--pid 1 reconnect                      | reconnect needs a connection NAME",
        "--pid 1 disconnect                     | disconnect needs a connection NAME",
        "--pid 1 list extra                     | unexpected argument: extra",
        "--pid 1 show a b                       | unexpected argument: b",
        "--pid 1 watch --interval 0             | --interval must be a positive number, was: 0",
        "--pid 1 watch --count -1               | --count must be a number >= 0, was: -1",
        "--pid 1 watch --interval               | --interval needs a value (MS)",
        "--pid 1 --timeout 0                    | --timeout must be a positive number, was: 0",
        "--pid 1 list --interval 5              | --interval only applies to watch",
        "--pid 1 --count 2                      | --count only applies to watch",
        "--pid 1 show x --ansi                  | --ansi only applies to watch",
        "watch                                  | watch needs a target: --pid, --url or --host/--port",
        "show x                                 | show needs a target: --pid, --url or --host/--port",
        "reconnect x                            | reconnect needs a target: --pid, --url or --host/--port",
    })
    void badCommandLines(String args, String message) {
        assertThatThrownBy(() -> CommandLine.parse(args.trim().split("\\s+")))
                .isInstanceOfSatisfying(ConsoleException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                });
    }

    @Test
    void badUrlErrorNeverShowsItsCredentials() {
        assertThatThrownBy(() -> CommandLine.parse("--url", "http://admin:s3cret@h/"))
                .hasMessage("--url is not a JMX service URL: http://***@h/");
    }

    @Test
    void remoteOptionsDescribeCredentialsAndTlsWithoutReadingAnything() {
        Invocation i = CommandLine.parse("--host", "db-1", "--port", "9010", "--user", "monitor",
                "--password-file", "/no/such/file", "--ssl", "--truststore", "trust.p12",
                "--truststore-password-file", "trust.pw");

        assertThat(i.security()).isEqualTo(new RemoteSecurity("monitor", Path.of("/no/such/file"), true,
                Path.of("trust.p12"), Path.of("trust.pw")));
        assertThat(CommandLine.parse("--port", "9010").security()).isEqualTo(RemoteSecurity.NONE);
        assertThat(CommandLine.parse("--url", "service:jmx:rmi:///jndi/rmi://h:1/jmxrmi", "--ssl").security().ssl())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--password s3cret --user u --port 1 | --password is not accepted: other users can read a command line (ps) "
            + "[use --password-file PATH, or type it when asked]",
        "--password=s3cret --user u --port 1 | --password is not accepted: other users can read a command line (ps) "
            + "[use --password-file PATH, or type it when asked]",
        "--pid 1 --user u                     | --user only applies to --url or --host/--port",
        "--ssl                                | --ssl only applies to --url or --host/--port",
        "--port 1 --password-file pw          | --password-file needs --user",
        "--port 1 --truststore t.p12          | --truststore needs --ssl",
        "--port 1 --ssl --truststore-password-file pw | --truststore-password-file needs --truststore",
        "--port 1 --user=                     | --user must not be empty",
    })
    void remoteOptionErrorsNameTheOptionAndNeverAPassword(String args, String message) {
        assertThatThrownBy(() -> CommandLine.parse(args.split(" ")))
                .isInstanceOf(ConsoleException.class).hasMessage(message)
                .satisfies(e -> assertThat(((ConsoleException) e).exitCode()).isEqualTo(ExitCode.USAGE))
                .message().doesNotContain("s3cret");
    }

    @Test
    void usageErrorIsOneLineOnStderrWithExitCode2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = JmxConsole.run(new String[] {"--pid", "1", "show"}, print(out), print(err), false);
        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("jmx-console: show needs a connection NAME (see jmx-console --help)\n");
    }

    @Test
    void helpGoesToStdoutWithExitCode0() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = JmxConsole.run(new String[] {"--help"}, print(out), print(err), false);
        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(CommandLine.usage());
    }

    @Test
    void usageListsEveryCommandOptionDefaultAndExitCode() {
        String usage = CommandLine.usage();
        assertThat(usage).startsWith("Usage: jmx-console [TARGET] [COMMAND] [OPTIONS]\n");
        for (Command c : Command.values()) {
            assertThat(usage).contains("  " + c.word() + (c.needsName() ? " " + c.argument() : "") + " ");
        }
        for (Option o : Option.values()) {
            assertThat(usage).contains(o.flag()).contains(o.help());
            if (o.defaultValue() != null) {
                assertThat(usage).contains(o.help() + " (default: " + o.defaultValue() + ")");
            }
        }
        for (ExitCode e : ExitCode.values()) {
            assertThat(usage).contains("  " + e.code() + " ").contains(e.meaning());
        }
        assertThat(usage.lines()).allSatisfy(l -> assertThat(l).doesNotEndWith(" "));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
