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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.ExchangePattern;
import org.junit.jupiter.api.Test;
import org.stompest.client.faults.Bodies;
import org.stompest.client.testing.RabbitMqProcess;

/**
 * Issue 15, RabbitMQ cluster: two RabbitMQ 3.10 nodes on this machine ({@link RabbitMqProcess#cluster(int)}: node
 * names, ports and data of their own, one epmd and one Erlang cookie), joined with {@code rabbitmqctl join_cluster},
 * and a quorum queue (declared by the consumer's SUBSCRIBE, {@code x-queue-type:quorum}). A Camel producer route and
 * consumer route in this JVM use {@code failover:(tcp://node-a,tcp://node-b)?randomize=false}, so both are on node a;
 * node a is killed with SIGKILL mid-stream, the client moves to node b, and node a is started again.
 *
 * <p>A quorum queue needs a majority of its members: with two nodes, one node down leaves it without one, so sends
 * are not confirmed (and nothing is delivered) until node a is back, which the case starts again at once; with
 * {@code -Dcluster.rabbitmq.nodes=3} two of three remain and the queue goes on (node a is started again after the
 * takeover). Nothing confirmed may be lost. The
 * {@code faults} line carries {@code killToConfirmedMs}/{@code killToReceivedMs} (from the SIGKILL to the first
 * confirmed send and delivery of a message sent after it) and {@code restartMs} (how long node a took to answer
 * STOMP again).
 */
class RabbitMqClusterIT extends TopologySupport {
    /** Nodes in the cluster ({@code -Dcluster.rabbitmq.nodes=3} for a queue that keeps a majority). */
    private static final int NODES = Integer.getInteger("cluster.rabbitmq.nodes", 2);
    private static final String QUEUE = "stompest:queue:cluster.quorum";
    private static final String MISSING = "a reconnect tries every broker of the failover URI and resubscribes; a "
                                          + "RECEIPT of a persistent SEND to a quorum queue means a majority stored it";

    private List<RabbitMqProcess> nodes;

    @Override
    ContractBroker.Flavour flavour() {
        return ContractBroker.Flavour.RABBITMQ;
    }

    @Override
    ContractBroker startBroker(Path brokerDir) {
        nodes = RabbitMqProcess.cluster(NODES);
        String uris = String.join(",", nodes.stream().map(RabbitMqProcess::stompUri).toList());
        ContractBroker.Topology cluster = new ContractBroker.Topology("failover:(" + uris + ")?randomize=false",
                nodes.stream().map(ContractBroker.RabbitMq::new).toList());
        try {
            nodes.get(0).start();
            for (RabbitMqProcess node : nodes.subList(1, NODES)) {
                node.start().joinCluster(nodes.get(0));
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    @Test
    void quorumQueueKeepsEveryConfirmedMessageWhenANodeIsKilled() throws Exception {
        begin(NODES + "-node-cluster quorum-queue node-kill");
        AtomicBoolean pinged = new AtomicBoolean();
        startContext(rb -> {
            producerRoute(rb, ExchangePattern.InOnly, QUEUE);
            rb.from(QUEUE + "?subscribeHeaders.x-queue-type=quorum").routeId("receiver").process(record(pinged))
                    .process(exchange -> {
                        long seq = Bodies.verify(exchange.getMessage().getBody(byte[].class));
                        if (seq >= 0) {
                            takeover.received(seq);
                        }
                    });
        });
        awaitLive(QUEUE, pinged, MISSING); // the SUBSCRIBE declared the quorum queue before the first SEND
        tally.extra("queueType", nodes.get(0).ctl("list_queues", "-q", "--no-table-headers", "name", "type").strip().replaceAll("\\s+", " "));
        AtomicLong end = startPacedStream();

        awaitStep(PER_PHASE + " confirmed before the node kill", () -> tally.confirmedCount() >= PER_PHASE, MISSING);
        tally.extra("confirmedAtKill", tally.confirmedCount());
        fault();
        nodes.get(0).kill();
        if (NODES == 2) {
            restartKilledNode(); // the queue has no majority until it is back
            awaitTakeover("the node kill", MISSING);
        } else {
            awaitTakeover("the node kill", MISSING); // a majority is left: no restart needed
            restartKilledNode();
        }
        awaitMoreConfirmed(PER_PHASE, "after the node kill", MISSING);

        end.set(0);
        awaitSendersDone(MISSING);
        verdict(tally.sentCount(), MISSING);
    }

    private void restartKilledNode() {
        long restartStart = System.nanoTime();
        long accepting = nodes.get(0).restart();
        tally.extra("restartMs", TimeUnit.NANOSECONDS.toMillis(accepting - restartStart));
    }
}
