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
package org.stompest.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stompest.jmx.JmxConsole;

/**
 * Runs {@link OrdersExample} in its own JVM exactly as the README's run command does, and watches it from outside
 * with jmx-console, by pid (Attach API) and by a remote JMX URL, as an operator would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersExampleIT {
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    private ExampleProcess example;
    private int jmxPort;
    private long started;

    @BeforeAll
    void startExample() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            jmxPort = socket.getLocalPort();
        }
        started = System.nanoTime();
        example = ExampleProcess.start(List.of(
                        "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                        "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                        "-Dcom.sun.management.jmxremote.authenticate=false",
                        "-Dcom.sun.management.jmxremote.ssl=false",
                        "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                        "-Djava.rmi.server.hostname=127.0.0.1"),
                OrdersExample.class, "--duration=25", "--period=100");
    }

    @AfterAll
    void stopExample() throws Exception {
        example.close();
    }

    @Test
    void messagesFlowWithinTwentySecondsAndTheExampleStopsByItself() throws Exception {
        await("orders received").atMost(Duration.ofSeconds(20))
                .until(() -> example.count("received order #") >= 3 || !example.isAlive());
        await("watch hint").atMost(Duration.ofSeconds(20))
                .until(() -> example.output().contains("jmx-console/bin/jmx-console --pid " + example.pid()));
        String output = example.output();
        assertThat(output).contains("STOMP broker: tcp://127.0.0.1:", "(embedded Artemis)");
        Matcher connected = java.util.regex.Pattern.compile("Connected \\S+ to tcp://").matcher(output);
        assertThat(connected.find()).as("the client logs its connect: %s", output).isTrue();
        assertThat(output.indexOf("jmx-console/bin/jmx-console --pid " + example.pid()))
                .as("the watch command comes once a connection is up: %s", output)
                .isGreaterThan(connected.start());
        assertThat(example.count("received order #")).as(example.output()).isGreaterThanOrEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));

        // jmx-console against the running example, by pid and by URL
        ConsoleOutput list = jmxConsole("--pid", Long.toString(example.pid()), "list", "--json");
        assertThat(list.code).as(list.err).isZero();
        assertThat(list.out).contains("org.stompest:type=Connection")
                .containsPattern(json("State", "\"CONNECTED\""))
                .containsPattern(json("Version", "\"1\\.2\""))
                .containsPattern(json("ClientHeartBeatMillis", "[1-9]\\d*"))
                .containsPattern(json("ServerHeartBeatMillis", "\\d+"))
                .containsPattern(json("ConnectAttempts", "[1-9]\\d*"))
                .containsPattern(json("FailoverAttempts", "0"))
                .containsPattern(json("Reconnects", "0"))
                .containsPattern(json("Subscriptions", "1"));
        Matcher name = NAME.matcher(list.out);
        assertThat(name.find()).as(list.out).isTrue();

        ConsoleOutput show = jmxConsole("--url", "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi",
                "show", name.group(1));
        assertThat(show.code).as(show.err).isZero();
        assertThat(show.out).contains("State", "CONNECTED", "ServerHeartBeatMillis", "FailoverAttempts",
                "CurrentBroker", "tcp://127.0.0.1:");

        ConsoleOutput table = jmxConsole("--host", "127.0.0.1", "--port", Integer.toString(jmxPort), "list");
        assertThat(table.code).as(table.err).isZero();
        assertThat(table.out).contains("NAME", "STATE", "CONNECTED", name.group(1));

        int exit = example.waitFor(Duration.ofSeconds(60));
        assertThat(exit).as(example.output()).isZero();
        assertThat(example.output()).containsPattern("Orders: confirmed \\d+, received \\d+");
    }

    private static String json(String attribute, String valuePattern) {
        return "\"" + attribute + "\"\\s*:\\s*" + valuePattern + "\\s*[,}]";
    }

    private static ConsoleOutput jmxConsole(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = JmxConsole.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new ConsoleOutput(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record ConsoleOutput(int code, String out, String err) {
    }
}
