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

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An in-process Apache Artemis with one STOMP acceptor on loopback and a journal in a temporary folder (kept across
 * {@link #stop()} and {@link #start()}), so the examples need no broker installed.
 * {@code /queue/} and {@code /topic/} prefixes are configured: without them Artemis treats {@code /queue/x} as a
 * multicast address and drops what is sent before anyone subscribes.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final int port;
    private final Path dataDir;
    private EmbeddedActiveMQ server;

    private EmbeddedBroker(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Starts a broker on {@code port}, or on a free port when {@code port} is 0. */
    public static EmbeddedBroker start(int port) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(port == 0 ? freePort() : port,
                Files.createTempDirectory("stompest-example-broker"));
        broker.start();
        return broker;
    }

    /** (Re)starts the broker on its port. */
    public void start() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("stompest-example-" + port)
                // persistent: what a broker confirmed survives its stop and comes back with its restart
                .setPersistenceEnabled(true)
                .setJournalBufferTimeout_NIO(200_000)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large").toString())
                .addAcceptorConfiguration("stomp", "tcp://127.0.0.1:" + port
                        + "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/");
        server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
    }

    public int port() {
        return port;
    }

    public String stompUri() {
        return "tcp://127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return server != null;
    }

    public void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
