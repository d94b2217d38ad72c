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
import java.util.Map;

import org.stompest.client.testing.RabbitMqProcess;

/**
 * A persistent broker of the contract suite that a case kills with SIGKILL and restarts on the same port and data:
 * Artemis and Classic in a child JVM ({@link BrokerProcess}), RabbitMQ as its own Erlang process
 * ({@link RabbitMqProcess}: the node and its children are killed, then started with the same node name, Mnesia
 * directory and ports).
 */
interface ContractBroker extends AutoCloseable {
    /** The brokers of the suite. */
    enum Flavour {
        ARTEMIS("artemis"), CLASSIC("classic"), RABBITMQ("rabbitmq");

        private final String arg;

        Flavour(String arg) {
            this.arg = arg;
        }

        @Override
        public String toString() {
            return arg;
        }
    }

    /** Starts a broker of {@code flavour} on free loopback ports; Artemis and Classic keep their data under {@code dir}. */
    static ContractBroker start(Flavour flavour, Path dir) {
        if (flavour == Flavour.RABBITMQ) {
            return new RabbitMq(new RabbitMqProcess().start().declareDurably(Map.of(), RabbitMq.KILLED_WITH));
        }
        return BrokerProcess.start(flavour, dir);
    }

    /** {@code tcp://127.0.0.1:<port>}, the failover URI of every endpoint of the suite. */
    String stompUri();

    /** SIGKILL: no shutdown of any kind; peers see their sockets reset. */
    void kill();

    /** Starts the broker again on the same port and data; returns when it accepted connections (nanoTime). */
    long restart();

    @Override
    void close();

    /** RabbitMQ: it is a separate process already. */
    record RabbitMq(RabbitMqProcess process) implements ContractBroker {
        @Override
        public String stompUri() {
            return process.stompUri();
        }

        /**
         * The queues of the broker-kill cases, declared before any case runs and written out by a clean restart
         * ({@link RabbitMqProcess#declareDurably}): RabbitMQ 3.10 may come back from a SIGKILL without a queue declared
         * moments before, and with it every message it had confirmed (README, RabbitMQ notes; the reproduction is
         * {@code RabbitMqKillFaultTest}). A queue declared in time keeps what it confirmed.
         */
        static final String[] KILLED_WITH = {"/queue/contract.qq.a", "/queue/contract.qq.b", "/queue/contract.tx.a",
                "/queue/contract.tx.b"};

        /** SIGKILL to the Erlang VM and its children. */
        @Override
        public void kill() {
            process.kill();
        }

        @Override
        public long restart() {
            return process.restart();
        }

        @Override
        public void close() {
            process.close();
        }
    }

    /**
     * The brokers of a topology (an HA pair, a cluster) as the broker of a test class: {@code stompUri} is the
     * failover URI over all of them, {@link #kill()} and {@link #restart()} act on the first, {@link #close()} closes
     * them all, the last first.
     */
    record Topology(String stompUri, List<? extends ContractBroker> nodes) implements ContractBroker {
        @Override
        public void kill() {
            nodes.get(0).kill();
        }

        @Override
        public long restart() {
            return nodes.get(0).restart();
        }

        @Override
        public void close() {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                nodes.get(i).close();
            }
        }
    }
}
