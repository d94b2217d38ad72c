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

/**
 * The delivery contract cases on RabbitMQ 3.10 (Debian's package, its own Erlang process with Mnesia under
 * {@code target/}), with the component's default options (virtual host {@code /}). The broker kill is SIGKILL to
 * the Erlang VM and its children; the restart uses the same node name, Mnesia directory and ports. The queues of the
 * broker-kill cases are declared when the node starts ({@link ContractBroker.RabbitMq#KILLED_WITH}): RabbitMQ 3.10
 * may lose a queue declared moments before a SIGKILL, with what it confirmed. A durable topic
 * subscription becomes {@code durable:true}, {@code auto-delete:false} and the subscription id
 * {@code durableSubscriptionName} on RabbitMQ.
 */
class RabbitMqDeliveryContractIT extends DeliveryContractCases {
    @Override
    ContractBroker.Flavour flavour() {
        return ContractBroker.Flavour.RABBITMQ;
    }
}
