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

import java.nio.file.Path;
import java.util.List;

import org.stompest.client.testing.FreePorts;

/**
 * The issue 15 cases on two Artemis nodes ({@link ClusterNode}, each in a child JVM), started once per class as its
 * broker; {@code broker.stompUri()} is the failover URI over both.
 */
abstract class ArtemisTopologySupport extends TopologySupport {
    /** The nodes, started in this order. */
    ClusterNode first;
    ClusterNode second;
    private final String firstRole;
    private final String secondRole;

    /** The roles of the two nodes ({@link ClusterNodeMain}). */
    ArtemisTopologySupport(String firstRole, String secondRole) {
        this.firstRole = firstRole;
        this.secondRole = secondRole;
    }

    /** The failover URI of the producer (and of consumers in this JVM). */
    String failoverUri() {
        return "failover:(" + first.stompUri() + "," + second.stompUri() + ")";
    }

    @Override
    ContractBroker.Flavour flavour() {
        return ContractBroker.Flavour.ARTEMIS;
    }

    @Override
    ContractBroker startBroker(Path brokerDir) {
        int firstPort = FreePorts.find();
        int secondPort = FreePorts.find();
        first = new ClusterNode(firstRole, firstPort, secondPort, brokerDir.resolve("first"));
        second = new ClusterNode(secondRole, secondPort, firstPort, brokerDir.resolve("second"));
        ContractBroker.Topology topology = new ContractBroker.Topology(failoverUri(), List.of(first, second));
        try {
            first.launch();
            second.launch();
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        }
        return topology;
    }
}
