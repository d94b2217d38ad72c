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
package org.stompest.camel.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.awaitility.core.ConditionTimeoutException;
import org.stompest.camel.StompestEndpoint;
import org.stompest.client.StompConnection;
import org.stompest.client.Subscription;
import org.stompest.client.faults.Tally;
import org.stompest.client.testing.EmbeddedArtemis;

/** Helpers of the Camel fault cases: waiting without failing at once, and saying what went wrong when it did. */
final class FaultSupport {
    private FaultSupport() {
    }

    /** Kills the broker without a graceful shutdown ({@code ActiveMQServer.fail(false)}): sockets reset at once. */
    static void crash(EmbeddedArtemis broker) {
        ActiveMQServer server = broker.server();
        if (server != null) {
            try {
                server.fail(false);
            } catch (Exception e) {
                throw new IllegalStateException("Could not crash " + broker, e);
            }
        }
        broker.stop();
    }

    /** Messages in the broker's queue {@code name} ({@code /queue/name}); -1 when there is no such queue or server. */
    static long messageCount(EmbeddedArtemis broker, String name) {
        ActiveMQServer server = broker.server();
        Queue queue = server == null ? null : server.locateQueue(SimpleString.of(name));
        return queue == null ? -1 : queue.getMessageCount();
    }

    /** Awaits the condition; false instead of an exception when it does not hold in time. */
    static boolean awaitQuietly(Duration atMost, Callable<Boolean> condition) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** The STOMP connections of the context's stompest endpoints. */
    static List<StompConnection> connections(CamelContext context) {
        List<StompConnection> connections = new ArrayList<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof StompestEndpoint stompest && stompest.connection() != null
                && !connections.contains(stompest.connection())) {
                connections.add(stompest.connection());
            }
        }
        return connections;
    }

    /** Logs what the client and the broker hold when messages are missing. */
    static void diagnose(Tally tally, CamelContext context, ActiveMQServer server, String... queues) {
        List<Long> lost = new ArrayList<>(tally.lost());
        Tally.FAULTS.warn("{}: {} lost, first {}", tally.name(), lost.size(),
                lost.subList(0, Math.min(20, lost.size())));
        for (StompConnection connection : connections(context)) {
            StringBuilder subs = new StringBuilder();
            for (Subscription s : connection.subscriptions()) {
                subs.append(s.id()).append('@').append(s.destination()).append(" active=").append(s.isActive())
                        .append(" received=").append(s.received()).append("; ");
            }
            Tally.FAULTS.warn("{}: connection {} state={} epoch={} subscriptions=[{}] stats={}", tally.name(),
                    connection.id(), connection.state(), connection.epoch(), subs, connection.stats());
        }
        if (server != null) {
            for (String name : queues) {
                Queue queue = server.locateQueue(SimpleString.of(name));
                if (queue != null) {
                    Tally.FAULTS.warn("{}: broker queue {} messages={} delivering={} consumers={} acked={} added={}",
                            tally.name(), name, queue.getMessageCount(), queue.getDeliveringCount(),
                            queue.getConsumerCount(), queue.getMessagesAcknowledged(), queue.getMessagesAdded());
                }
            }
        }
    }
}
