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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestEndpoint;
import org.stompest.client.testing.EmbeddedArtemis;

/** A route whose broker is down at startup starts anyway, reports DOWN, connects in the background, then UP. */
class BrokerDownAtStartupIT extends CamelTestSupport {
    private final EmbeddedArtemis broker = EmbeddedArtemis.builder().build(); // not started yet

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    private String uri() {
        return "stompest:queue:late?failover=tcp://127.0.0.1:" + broker.port(); // nothing else: the default
    }

    /** A connection that gives up at once: the producer leases a fresh one on its next message. */
    private String limitedUri() {
        return "stompest:queue:limited?failover=failover:(tcp://127.0.0.1:" + broker.port()
               + ")?startupMaxReconnectAttempts=0,maxReconnectAttempts=0&receiptTimeout=5000";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri()).routeId("late").to("mock:late");
                from("direct:send").routeId("sender").to(uri());
                from("direct:limited").routeId("limited").to(limitedUri());
            }
        };
    }

    private Optional<HealthCheck.Result> check(String id) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().equals(id)).findFirst();
    }

    @Test
    void theRouteStartsDownAndComesUpWhenTheBrokerDoes() throws Exception {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.setExposureLevel("full"); // list UP checks too
        registry.register(registry.resolveById("consumers"));
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true);
        registry.register(producers);

        assertThat(context.getRouteController().getRouteStatus("late")).isEqualTo(ServiceStatus.Started);
        assertThat(check("consumer:late")).hasValueSatisfying(result -> {
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("STOMP connection is"));
        });
        StompestEndpoint endpoint = (StompestEndpoint) context.getRoute("late").getEndpoint();
        assertThat(endpoint.getConnectionState()).isIn("CONNECTING", "RECONNECTING");
        HealthCheck.Result producerDown = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().startsWith("producer:stompest-")
                                  && "/queue/late".equals(result.getDetails().get("destination")))
                .findFirst().orElseThrow();
        assertThat(producerDown.getState()).isEqualTo(HealthCheck.State.DOWN);

        broker.start();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(check("consumer:late"))
                .hasValueSatisfying(result -> assertThat(result.getState()).isEqualTo(HealthCheck.State.UP)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(HealthCheckHelper.invokeReadiness(context))
                .filteredOn(result -> "/queue/late".equals(result.getDetails().get("destination")))
                .hasSize(2).allSatisfy(result -> assertThat(result.getState()).as(result.getCheck().getId())
                        .isEqualTo(HealthCheck.State.UP)));
        MockEndpoint mock = getMockEndpoint("mock:late");
        mock.expectedBodiesReceived("finally");
        template.sendBody("direct:send", "finally");
        mock.assertIsSatisfied();
    }

    @Test
    void aProducerWhoseConnectionGaveUpTakesAFreshOneOnTheNextMessage() throws Exception {
        StompestEndpoint endpoint = context.getEndpoint(limitedUri(), StompestEndpoint.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(endpoint.getConnectionState()));

        assertThatThrownBy(() -> template.sendBody("direct:limited", "too early"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().hasMessageStartingWith("SEND to /queue/limited failed: cannot connect: Reconnect timeout");

        broker.start();
        template.sendBody("direct:limited", "now");

        assertThat(endpoint.getConnectionState()).isEqualTo("CONNECTED");
    }
}
