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
package org.stompest.camel;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.stompest.client.StompConnection;

/** Readiness of a {@code stompest:} producer: UP while its connection is connected. */
public class StompestProducerHealthCheck extends AbstractHealthCheck {
    private final StompestProducer producer;

    public StompestProducerHealthCheck(StompestProducer producer, String endpointId) {
        super("camel", "producer:stompest-" + endpointId);
        this.producer = producer;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StompConnection connection = producer.connection();
        StompestEndpoint endpoint = producer.getEndpoint();
        builder.detail("destination", endpoint.getStompDestination());
        builder.detail("failover", endpoint.getConfiguration().getFailover());
        if (connection == null) {
            builder.down().message("Producer is not started");
        } else if (!connection.isConnected()) {
            builder.detail("connection", connection.id());
            builder.down().message("STOMP connection is " + connection.state()
                    + StompestExchanges.lastBrokerError(connection));
        } else {
            builder.detail("connection", connection.id());
            builder.detail("broker", connection.currentBroker());
            builder.up();
        }
    }
}
