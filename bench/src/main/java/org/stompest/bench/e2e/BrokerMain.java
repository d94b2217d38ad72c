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

import java.io.PrintStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.Destination;
import org.apache.activemq.command.ActiveMQQueue;
import org.stompest.bench.shared.LineProtocol;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.client.testing.FreePorts;
import org.stompest.client.testing.RabbitMqProcess;

/**
 * A fresh broker in its own process, controlled over standard input. The first argument says which:
 * <ul>
 * <li>{@code artemis} (the default): embedded Artemis, the stomp-client test fixture (no persistence, no JMX,
 * security off, {@code /queue/} anycast prefix, audit logging at WARN);</li>
 * <li>{@code classic}: embedded ActiveMQ Classic 6.3, not persistent, no JMX, no advisories, its STOMP connector with
 * {@code transport.tcpNoDelay=true} (as the stomp-client fixture);</li>
 * <li>{@code classic-nagle}: the same with Classic's default (Nagle's algorithm on), for the relay figure;</li>
 * <li>{@code rabbitmq}: Debian's RabbitMQ 3.10 with the STOMP plugin, a child process started by the stomp-client
 * test fixture ({@link RabbitMqProcess}); counts and deletes queues through {@code rabbitmqctl}.</li>
 * </ul>
 * <pre>
 * broker:        READY tcp://127.0.0.1:&lt;port&gt; &lt;kind&gt;
 * orchestrator:  count &lt;destination&gt;   -&gt;  COUNT &lt;messages in its queue, -1 when there is none&gt;
 * orchestrator:  purge &lt;destination&gt;   -&gt;  OK   (destroys the queue and what it holds)
 * orchestrator:  drop &lt;destination&gt;    -&gt;  COUNT &lt;what it held&gt;, then destroys it (one rabbitmqctl call)
 * orchestrator:  quit
 * </pre>
 */
public final class BrokerMain {
    private static final Pattern DELETED = Pattern.compile("deleted with (\\d+) ready message");

    private BrokerMain() {
    }

    /** What the orchestrator needs of a broker: its URI, a queue's depth, and removing a queue. */
    private interface Broker extends AutoCloseable {
        String uri();

        long count(String queue) throws Exception;

        void purge(String queue) throws Exception;

        /** What the queue held (-1: no such queue), and destroys it; one round trip where the broker allows. */
        default long drop(String queue) throws Exception {
            long count = count(queue);
            purge(queue);
            return count;
        }

        @Override
        void close() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        String kind = args.length > 0 ? args[0] : "artemis";
        try (Broker broker = start(kind)) {
            protocol.println("READY " + broker.uri() + " " + kind);
            protocol.flush();
            LineProtocol.serve(protocol, words -> {
                String queue = queueName(words[1]);
                switch (words[0]) {
                    case "count":
                        return "COUNT " + broker.count(queue);
                    case "purge":
                        broker.purge(queue);
                        return "OK";
                    case "drop":
                        return "COUNT " + broker.drop(queue);
                    default:
                        return "FAIL unknown command: " + words[0];
                }
            });
        }
        System.exit(0);
    }

    private static Broker start(String kind) throws Exception {
        switch (kind) {
            case "artemis":
                return artemis();
            case "classic":
                return classic(true);
            case "classic-nagle":
                return classic(false);
            case "rabbitmq":
                return rabbitMq();
            default:
                throw new IllegalArgumentException("Unknown broker kind: " + kind
                        + " [known=artemis, classic, classic-nagle, rabbitmq]");
        }
    }

    private static Broker artemis() {
        EmbeddedArtemis artemis = EmbeddedArtemis.builder().build().start();
        return new Broker() {
            @Override
            public String uri() {
                return artemis.stompUri();
            }

            @Override
            public long count(String queue) {
                Queue q = artemis.server().locateQueue(SimpleString.of(queue));
                return q == null ? -1 : q.getMessageCount();
            }

            @Override
            public void purge(String queue) throws Exception {
                SimpleString name = SimpleString.of(queue);
                if (artemis.server().locateQueue(name) != null) {
                    artemis.server().destroyQueue(name, null, false, true, true);
                }
            }

            @Override
            public void close() {
                artemis.close();
            }
        };
    }

    private static Broker classic(boolean tcpNoDelay) throws Exception {
        int port = FreePorts.find();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("stompest-bench-classic-");
        BrokerService service = new BrokerService();
        service.setBrokerName("bench-classic-" + port);
        service.setPersistent(false);
        service.setUseJmx(false);
        service.setAdvisorySupport(false);
        service.setUseShutdownHook(false);
        service.setSchedulerSupport(false);
        service.setDataDirectoryFile(dir.resolve("data").toFile());
        service.setTmpDataDirectory(dir.resolve("tmp").toFile());
        service.addConnector("stomp://127.0.0.1:" + port + (tcpNoDelay ? "?transport.tcpNoDelay=true" : ""));
        service.start();
        if (!service.waitUntilStarted()) {
            throw new IllegalStateException("ActiveMQ Classic did not start on port " + port);
        }
        return new Broker() {
            @Override
            public String uri() {
                return "tcp://127.0.0.1:" + port;
            }

            @Override
            public long count(String queue) throws Exception {
                Destination d = service.getDestination(new ActiveMQQueue(queue));
                return d == null ? -1 : d.getDestinationStatistics().getMessages().getCount();
            }

            @Override
            public void purge(String queue) throws Exception {
                service.removeDestination(new ActiveMQQueue(queue));
            }

            @Override
            public void close() throws Exception {
                service.stop();
                service.waitUntilStopped();
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).map(java.nio.file.Path::toFile)
                            .forEach(java.io.File::delete);
                }
            }
        };
    }

    private static Broker rabbitMq() {
        RabbitMqProcess rabbit = new RabbitMqProcess().start();
        return new Broker() {
            @Override
            public String uri() {
                return rabbit.stompUri();
            }

            @Override
            public long count(String queue) {
                for (String row : rabbit.ctl("list_queues", "-q", "--no-table-headers", "name", "messages")
                        .split("\n")) {
                    String[] cells = row.trim().split("\\s+");
                    if (cells.length == 2 && cells[0].equals(queue)) {
                        return Long.parseLong(cells[1]);
                    }
                }
                return -1;
            }

            @Override
            public void purge(String queue) {
                drop(queue);
            }

            /** rabbitmqctl delete_queue says "Queue was successfully deleted with N ready messages". */
            @Override
            public long drop(String queue) {
                try {
                    return deletedMessages(rabbit.ctl("delete_queue", queue));
                } catch (IllegalStateException e) { // no such queue
                    return -1;
                }
            }

            @Override
            public void close() {
                rabbit.close();
            }
        };
    }

    /** The ready messages {@code rabbitmqctl delete_queue} says it deleted, or -1 when it does not say. */
    static long deletedMessages(String ctlOutput) {
        Matcher held = DELETED.matcher(ctlOutput);
        return held.find() ? Long.parseLong(held.group(1)) : -1;
    }

    /** {@code /queue/x} is queue {@code x} on every broker here (Artemis' acceptor strips the anycast prefix). */
    static String queueName(String destination) {
        return destination.startsWith("/queue/") ? destination.substring("/queue/".length()) : destination;
    }
}
