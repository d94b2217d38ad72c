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
package org.stompest.bench.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * A fresh embedded Artemis in its own JVM (the stomp-client test fixture: no persistence, no JMX, security off,
 * {@code /queue/} anycast prefix, audit logging at WARN), controlled over standard input:
 * <pre>
 * broker:        READY tcp://127.0.0.1:&lt;port&gt;
 * orchestrator:  count &lt;destination&gt;   ->  COUNT &lt;messages in its queue, -1 when there is none&gt;
 * orchestrator:  purge &lt;destination&gt;   ->  OK   (destroys the queue and what it holds)
 * orchestrator:  quit
 * </pre>
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        EmbeddedArtemis broker = EmbeddedArtemis.builder().build().start();
        protocol.println("READY " + broker.stompUri());
        protocol.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = commands.readLine()) != null && !line.equals("quit")) {
            String[] words = line.trim().split(" ");
            try {
                SimpleString name = SimpleString.of(queueName(words[1]));
                Queue queue = broker.server().locateQueue(name);
                switch (words[0]) {
                    case "count":
                        protocol.println("COUNT " + (queue == null ? -1 : queue.getMessageCount()));
                        break;
                    case "purge":
                        if (queue != null) {
                            broker.server().destroyQueue(name, null, false, true, true);
                        }
                        protocol.println("OK");
                        break;
                    default:
                        protocol.println("FAIL unknown command: " + words[0]);
                }
            } catch (Exception e) {
                e.printStackTrace();
                protocol.println("FAIL " + String.valueOf(e).replace('\n', ' '));
            }
            protocol.flush();
        }
        broker.close();
        System.exit(0);
    }

    /** {@code /queue/x} is queue {@code x}: the acceptor strips the anycast prefix. */
    static String queueName(String destination) {
        return destination.startsWith("/queue/") ? destination.substring("/queue/".length()) : destination;
    }
}
