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
import org.stompest.client.StompBrokerError;
import org.stompest.client.StompConnection;
import org.stompest.client.Subscription;

/**
 * Readiness of a {@code stompest:} consumer: UP while its connection is connected and its subscription active,
 * DOWN otherwise (for example while the broker is down at startup and the connection keeps trying, or after the
 * broker refused the subscription with an ERROR, until a message arrives). Id: {@code consumer:stompest-<route id>}.
 */
public class StompestConsumerHealthCheck extends AbstractHealthCheck {
    private final StompestConsumer consumer;
    private final String routeId;

    public StompestConsumerHealthCheck(StompestConsumer consumer, String routeId) {
        super("camel", "consumer:stompest-" + routeId);
        this.consumer = consumer;
        this.routeId = routeId;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StompConnection connection = consumer.connection();
        Subscription subscription = consumer.subscription();
        StompestEndpoint endpoint = consumer.getEndpoint();
        builder.detail("route.id", routeId);
        builder.detail("destination", endpoint.getStompDestination());
        builder.detail("failover", endpoint.getConfiguration().getFailover());
        if (connection == null) {
            builder.down().message("Consumer is not started");
            return;
        }
        builder.detail("connection", connection.id());
        builder.detail("connection.state", connection.state().name());
        if (!connection.isConnected()) {
            builder.down().message("STOMP connection is " + connection.state()
                    + StompestExchanges.lastBrokerError(connection));
        } else if (consumer.subscriptionError() != null) {
            builder.down().message("Broker refused the subscription to " + endpoint.getStompDestination() + ": "
                    + StompBrokerError.summary(consumer.subscriptionError()));
        } else if (subscription == null || !subscription.isActive()) {
            builder.down().message("Subscription to " + endpoint.getStompDestination() + " is not active");
        } else {
            builder.detail("broker", connection.currentBroker());
            builder.up();
        }
    }
}
