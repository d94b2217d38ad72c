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

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apache.camel.ExchangePattern;
import org.junit.jupiter.api.Test;
import org.stompest.client.faults.Tally;

/**
 * Issue 15, Artemis symmetric cluster: two clustered nodes ({@link ClusterNodeMain} {@code node}: ON_DEMAND load
 * balancing, redistribution-delay 0), each in a child JVM. A Camel producer route in this JVM sends a paced stream
 * on node 1 ({@code failover:(tcp://node1,tcp://node2)?randomize=false}); three competing {@code stompest:}
 * consumers, each in a JVM of its own ({@link ConsumerMain}), share the queue: one on node 1, two on node 2 (their
 * failover URIs list node 2 first, node 1 as the fallback). Node 2 is killed with SIGKILL mid-stream: its consumers
 * move to node 1; node 2 is started again, and what its journal held is redistributed to the consumers on node 1.
 * Every confirmed message must be consumed at least once; duplicates (deliveries not acknowledged when node 2 died)
 * are counted. The {@code faults} line carries {@code killToConfirmedMs}, {@code killToReceivedMs},
 * {@code restartToDrainedMs} (from node 2 accepting again to the last confirmed message consumed) and how many
 * messages each consumer took.
 */
class ArtemisClusterIT extends ArtemisTopologySupport {
    private static final String QUEUE = "stompest:queue:cluster.competing";
    private static final String MISSING = "a reconnect tries every broker of the failover URI and resubscribes; the "
                                          + "cluster redistributes what a restarted node holds";

    ArtemisClusterIT() {
        super("node", "node");
    }

    /** The producer on node 1 while it runs. */
    @Override
    String failoverUri() {
        return failover(first, second);
    }

    /** Connects to {@code preferred} while it runs, else to {@code other}. */
    private static String failover(ClusterNode preferred, ClusterNode other) {
        return "failover:(" + preferred.stompUri() + "," + other.stompUri() + ")?randomize=false";
    }

    @Test
    void competingConsumersInThreeJvmsGetEveryConfirmedMessageWhenANodeIsKilled() throws Exception {
        begin("cluster competing-consumers node-kill");
        List<ConsumerProcess> consumers = List.of(
                startConsumerJvm("consumer-a", failover(first, second), QUEUE, MISSING),
                startConsumerJvm("consumer-b", failover(second, first), QUEUE, MISSING),
                startConsumerJvm("consumer-c", failover(second, first), QUEUE, MISSING));
        AtomicLongArray taken = new AtomicLongArray(consumers.size());
        refresh = () -> {
            for (int i = 0; i < consumers.size(); i++) {
                int before = tally.receivedCount();
                taken.addAndGet(i, consumers.get(i).poll(tally));
                for (long seq = tally.sentCount() - 1; before != tally.receivedCount() && seq >= 0; seq--) {
                    if (tally.wasReceived(seq)) {
                        takeover.received(seq); // the consumers are elsewhere: mark the highest number received
                        break;
                    }
                }
            }
        };
        startContext(rb -> producerRoute(rb, ExchangePattern.InOnly, QUEUE));
        AtomicLong end = startPacedStream();

        awaitStep(PER_PHASE + " consumed before the node kill", () -> tally.receivedCount() >= PER_PHASE, MISSING);
        tally.extra("confirmedAtKill", tally.confirmedCount());
        fault();
        long killed = System.nanoTime();
        refresh.run();
        long takenByB = taken.get(1);
        long takenByC = taken.get(2);
        second.kill();
        awaitStep("the consumers of node 2 consuming again (on node 1)",
                () -> taken.get(1) > takenByB && taken.get(2) > takenByC, MISSING);
        tally.extra("killToMovedConsumersMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        awaitTakeover("the node kill", MISSING);
        awaitMoreConfirmed(PER_PHASE, "with node 2 down", MISSING);
        refresh.run();
        tally.extra("unconsumedBeforeRestart", tally.lost().size()); // held by node 2, or in flight
        long accepting = second.launch();
        awaitMoreConfirmed(PER_PHASE, "after node 2 is back", MISSING);
        end.set(0);
        awaitSendersDone(MISSING);
        if (awaitWhileMoving(QUIET_DELIVERING, () -> tally.lost().isEmpty())) {
            tally.extra("restartToDrainedMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accepting));
        }
        tally.extra("takenByConsumers", taken.toString());
        if (!tally.lost().isEmpty()) {
            Tally.FAULTS.warn("{}: the nodes' last output\n== node 1\n{}\n== node 2\n{}", tally.name(), first.tail(),
                    second.tail());
        }
        verdict(tally.sentCount(), MISSING);
    }
}
