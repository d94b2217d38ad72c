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
package org.stompest.camel.integration;

import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.stompest.client.testing.FreePorts;

/**
 * A persistent embedded Artemis that keeps its journal across stop and start, for the failover IT.
 * (EmbeddedArtemis.builder().journal(dir) should do this, but builds its server with persistence off.)
 */
final class PersistentArtemis implements AutoCloseable {
    private final Path dir;
    private final int port = FreePorts.find();
    private ActiveMQServer server;

    PersistentArtemis(Path dir) {
        this.dir = dir;
    }

    synchronized PersistentArtemis start() throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setName("failover-artemis-" + port)
                .setPersistenceEnabled(true)
                .setJMXManagementEnabled(false)
                .setSecurityEnabled(false)
                .setCriticalAnalyzer(false)
                .setMaxDiskUsage(-1)
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setJournalDirectory(dir.resolve("journal").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dir.resolve("lock").toString());
        configuration.addAcceptorConfiguration("stomp", "tcp://127.0.0.1:" + port
                + "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/");
        server = ActiveMQServers.newActiveMQServer(configuration, true);
        server.start();
        if (!server.waitForActivation(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("Artemis did not activate on port " + port);
        }
        return this;
    }

    /** A durable anycast queue (created once: it is in the journal afterwards). */
    void createQueue(String name) throws Exception {
        server.createQueue(QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST)
                .setDurable(true).setAutoCreated(false));
    }

    synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    synchronized ActiveMQServer server() {
        return server;
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
