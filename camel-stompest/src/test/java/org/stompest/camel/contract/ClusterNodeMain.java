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
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The child JVM of {@link ClusterNode}: one persistent Artemis 2.55.0 node of a two-node topology, with one acceptor
 * on 127.0.0.1 for STOMP and the core protocol (the cluster connection and replication), a cluster connection over a
 * static connector to its peer, and its data in a given directory.
 * <pre>java ... ClusterNodeMain primary|backup|node PORT PEER_PORT DATA_DIR</pre>
 * <ul>
 * <li>{@code primary}: replicated primary that checks for an active backup when it starts, so a restarted primary
 * syncs from the backup and takes over again (fail-back); ready once it is active.</li>
 * <li>{@code backup}: replica of the primary with fail-back allowed; ready once its journal is in sync (its
 * acceptor opens only when it takes over).</li>
 * <li>{@code node}: a node of a symmetric cluster, messages load-balanced ON_DEMAND and redistributed at once
 * (redistribution-delay 0) from a queue without consumers; ready once it is active.</li>
 * </ul>
 * Prints {@value ChildJvm#READY} when ready, then runs until killed (or until its parent is gone).
 */
public final class ClusterNodeMain {
    private static final long ACTIVATION_SECONDS = 60;

    private ClusterNodeMain() {
    }

    public static void main(String[] args) {
        ChildJvm.runChild(args, 4, "ClusterNodeMain primary|backup|node PORT PEER_PORT DATA_DIR",
                ClusterNodeMain::start);
    }

    private static void start(String[] args) throws Exception {
        String role = args[0];
        int port = Integer.parseInt(args[1]);
        int peerPort = Integer.parseInt(args[2]);
        Path data = Files.createDirectories(Path.of(args[3]));
        // as BrokerMain: journal syncs batched for 200 us rather than 3.33 ms
        System.setProperty("brokerconfig.journalBufferTimeout_NIO", "200000");
        Configuration configuration = configuration(role, port, peerPort, data);
        ActiveMQServer server = ActiveMQServers.newActiveMQServer(configuration, true);
        server.start();
        if (role.equals("backup")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ACTIVATION_SECONDS);
            while (!server.isReplicaSync()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("backup on port " + port + " not in sync with the primary on "
                                                    + peerPort + " within " + ACTIVATION_SECONDS + " s");
                }
                Thread.sleep(20); // Artemis offers no wait for the replica's sync
            }
            return;
        }
        if (!server.waitForActivation(ACTIVATION_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(role + " on port " + port + " did not activate within "
                                            + ACTIVATION_SECONDS + " s");
        }
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            // a broker whose acceptor could not bind may still call itself active
        }
    }

    private static Configuration configuration(String role, int port, int peerPort, Path data) throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setName(role + "-" + port)
                .setPersistenceEnabled(true)
                .setJMXManagementEnabled(false)
                .setSecurityEnabled(false)
                .setCriticalAnalyzer(false)
                .setMaxDiskUsage(-1)
                .setClusterUser("cluster")
                .setClusterPassword("cluster-test-only")
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setJournalDirectory(data.resolve("journal").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(data.resolve("lock").toString());
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                .setRedistributionDelay(0)
                // With auto-deleted queues a restarted node dropped what the peer's store-and-forward queue still
                // held for it (AMQ222196 "Could not find binding with id=.. on routeFromCluster"; most likely its
                // queue had been deleted and created again with a new id): 4 of 8 runs lost messages, 0 of 7 since.
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false));
        configuration.addAcceptorConfiguration("stomp-and-core", "tcp://127.0.0.1:" + port
                + "?protocols=STOMP,CORE;anycastPrefix=/queue/;multicastPrefix=/topic/");
        configuration.addConnectorConfiguration("self", "tcp://127.0.0.1:" + port);
        configuration.addConnectorConfiguration("peer", "tcp://127.0.0.1:" + peerPort);
        configuration.addClusterConfiguration(new ClusterConnectionConfiguration()
                .setName("stompest-cluster")
                .setConnectorName("self")
                .setStaticConnectors(List.of("peer"))
                .setMessageLoadBalancingType(MessageLoadBalancingType.ON_DEMAND)
                // reconnect to a node that was killed and restarted, and notice a dead one within a second
                .setRetryInterval(100)
                .setMaxRetryInterval(1000)
                .setReconnectAttempts(-1)
                .setClientFailureCheckPeriod(500)
                .setConnectionTTL(2000));
        switch (role) {
            case "primary" -> configuration.setHAPolicyConfiguration(new ReplicatedPolicyConfiguration()
                    .setCheckForActiveServer(true));
            case "backup" -> configuration.setHAPolicyConfiguration(new ReplicaPolicyConfiguration()
                    .setAllowFailBack(true));
            case "node" -> {
                // no HA policy: a symmetric cluster of two primaries
            }
            default -> throw new IllegalArgumentException("expected primary, backup or node, got " + role);
        }
        return configuration;
    }
}
