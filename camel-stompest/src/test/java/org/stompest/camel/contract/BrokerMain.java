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
package org.stompest.camel.contract;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * The child JVM of {@link BrokerProcess}: one persistent broker with a STOMP acceptor on 127.0.0.1, its data in a
 * given directory, so that a broker killed with SIGKILL comes back with what it had stored.
 * <pre>java ... BrokerMain artemis|classic PORT DATA_DIR</pre>
 * Prints {@value ChildJvm#READY} once the broker accepts connections, then runs until killed (or until its parent
 * is gone).
 * <ul>
 * <li>Artemis 2.55.0: {@link EmbeddedArtemis} with its journal in the data dir (security and JMX management off,
 * acceptor prefixes {@code anycastPrefix=/queue/;multicastPrefix=/topic/}; the test log configuration keeps the
 * audit loggers at WARN).</li>
 * <li>ActiveMQ Classic 6.3.1: persistent, KahaDB in the data dir, no JMX, no advisories.</li>
 * </ul>
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) {
        ChildJvm.runChild(args, 3, "BrokerMain artemis|classic PORT DATA_DIR", BrokerMain::start);
    }

    private static void start(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        Path data = Files.createDirectories(Path.of(args[2]));
        switch (args[0]) {
            case "artemis" -> {
                // Artemis batches journal syncs for up to journal-buffer-timeout; the NIO default of 3.33 ms caps a
                // relay that waits for each persistent SEND's RECEIPT at ~300 msg/s (275 measured). `artemis create`
                // replaces it by a value measured on the disk: 200 us is that figure here (a 4 KiB dsync write takes
                // ~0.17 ms). Syncs still happen: what a RECEIPT means is unchanged. (Applied as a broker property.)
                System.setProperty("brokerconfig.journalBufferTimeout_NIO", "200000");
                EmbeddedArtemis.builder().port(port).journal(data).build().start();
            }
            case "classic" -> startClassic(port, data);
            default -> throw new IllegalArgumentException("expected artemis or classic, got " + args[0]);
        }
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            // a broker whose acceptor could not bind may still call itself started
        }
    }

    private static void startClassic(int port, Path data) throws Exception {
        BrokerService broker = new BrokerService();
        broker.setBrokerName("contract-classic-" + port);
        broker.setPersistent(true);
        KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
        kahaDb.setDirectory(data.resolve("kahadb").toFile());
        broker.setPersistenceAdapter(kahaDb);
        broker.setDataDirectoryFile(data.resolve("data").toFile());
        broker.setTmpDataDirectory(data.resolve("tmp").toFile());
        broker.setUseJmx(false);
        broker.setAdvisorySupport(false);
        broker.setSchedulerSupport(false);
        broker.setUseShutdownHook(false);
        // Nagle is on in Classic's STOMP connector unless asked: a consume-then-send relay crawls at ~100 msg/s
        broker.addConnector("stomp://127.0.0.1:" + port + "?transport.tcpNoDelay=true");
        broker.start();
        if (!broker.waitUntilStarted()) {
            throw new IllegalStateException("ActiveMQ Classic did not start on port " + port);
        }
    }
}
