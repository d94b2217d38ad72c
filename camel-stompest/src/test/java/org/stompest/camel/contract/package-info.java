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
/**
 * The delivery contract suite of issue 11: with the component's default options (only the failover URI set, plus
 * {@code durableSubscriptionName}/{@code clientId} for the durable topic), a message whose Camel send completed is
 * never lost. {@link org.stompest.camel.contract.DeliveryContractCases} holds the matrix of route shapes and faults;
 * {@link org.stompest.camel.contract.ArtemisDeliveryContractIT} and
 * {@link org.stompest.camel.contract.ClassicDeliveryContractIT} run it on Artemis 2.55.0 and ActiveMQ Classic 6.3.1,
 * {@link org.stompest.camel.contract.RabbitMqDeliveryContractIT} on RabbitMQ 3.10.
 * Each broker runs persistent in a process of its own ({@link org.stompest.camel.contract.ContractBroker}: Artemis
 * and Classic in a child JVM, {@link org.stompest.camel.contract.BrokerProcess} and
 * {@link org.stompest.camel.contract.BrokerMain}; RabbitMQ as its Erlang node) so a case can kill it with SIGKILL and
 * restart it on the same ports and data; the consumer-JVM case does the same to a Camel consumer
 * ({@link org.stompest.camel.contract.ConsumerProcess}, {@link org.stompest.camel.contract.ConsumerMain}).
 *
 * <p>Issue 15 runs the same promise on the brokers' own clustering ({@link org.stompest.camel.contract.TopologySupport}:
 * a paced stream, a node killed with SIGKILL mid-stream, the {@link org.stompest.camel.contract.Takeover} clock):
 * {@link org.stompest.camel.contract.ArtemisHaPairIT} (replicated primary and backup, fail-back),
 * {@link org.stompest.camel.contract.ArtemisClusterIT} (two clustered nodes, three competing consumer JVMs), both on
 * {@link org.stompest.camel.contract.ClusterNode}/{@link org.stompest.camel.contract.ClusterNodeMain}, and
 * {@link org.stompest.camel.contract.RabbitMqClusterIT} (two RabbitMQ nodes, a quorum queue). Run:
 * {@code mvn -B -ntp -pl camel-stompest -am verify -Dtest='ArtemisHaPairIT,ArtemisClusterIT,RabbitMqClusterIT'
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>Each case logs one {@link org.stompest.client.faults.Tally} line on the logger {@code faults}:
 * <pre>artemis queue-queue broker-kill: sent=1000 confirmed=1000 received=1000 duplicates=2 lost=0 recovery=395ms ...</pre>
 * Run: {@code mvn -B -ntp -pl camel-stompest -am verify -Dtest='*DeliveryContractIT'
 * -Dsurefire.failIfNoSpecifiedTests=false} (about 1.5 minutes on 2 cores), then
 * {@code grep -h "faults -" camel-stompest/target/surefire-reports/org.stompest.camel.contract.*-output.txt}.
 */
package org.stompest.camel.contract;
