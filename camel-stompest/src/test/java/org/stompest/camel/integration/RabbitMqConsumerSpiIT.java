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
package org.stompest.camel.integration;

/**
 * The Camel SPIs on RabbitMQ; it has no selectors, but refuses a SUBSCRIBE to an /amq/queue/ that does not exist.
 * RabbitMQ keeps the messages a stopped consumer had buffered (delivered, never acknowledged) with the connection
 * until it closes, and refuses a NACK after the UNSUBSCRIBE: they come back once the CamelContext closes its pool.
 */
class RabbitMqConsumerSpiIT extends AbstractConsumerSpiIT {

    @Override
    protected String brokerUri() {
        return SharedBrokers.rabbitMq().stompUri();
    }

    /** An unknown virtual host (RabbitMQ's default user may log in, but not there). */
    @Override
    protected String refusedConnectUri(String queue) {
        return "stompest:queue:" + queue + "?bridgeErrorHandler=true&host=no-such-vhost";
    }

    @Override
    protected String refusedConnectMessage() {
        return "no-such-vhost";
    }

    @Override
    protected String refusedSubscriptionUri(String queue) {
        return "stompest:/amq/queue/" + queue + "?bridgeErrorHandler=true";
    }

    /** RabbitMQ keeps what a stopped subscription had been sent with the connection until that closes. */
    @Override
    protected void assertComeBack(String queue, String... bodies) {
        assertComeBackAfterTheConnectionsClose(queue, bodies);
    }
}
