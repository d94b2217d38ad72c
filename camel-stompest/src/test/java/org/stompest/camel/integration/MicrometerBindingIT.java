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
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

/** With camel-micrometer's registry in the Camel registry, the component binds the stompest meters to it. */
class MicrometerBindingIT extends StompestITSupport {
    private final String queue = unique("metrics");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        registry.bind("metricsRegistry", meters); // the name camel-micrometer uses
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue + "?ackMode=client-individual").routeId("metrics-in").to("mock:in");
                from("direct:metrics").routeId("metrics-out").to("stompest:queue:" + queue);
            }
        };
    }

    private double count(String name) {
        return meters.find(name).tag("camelContext", context.getName()).functionCounters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Test
    void theComponentsConnectionsReportToTheCamelMicrometerRegistry() throws Exception {
        getMockEndpoint("mock:in").expectedMessageCount(3);
        for (int i = 0; i < 3; i++) {
            template.sendBody("direct:metrics", "m" + i);
        }
        getMockEndpoint("mock:in").assertIsSatisfied();

        await().atMost(Duration.ofSeconds(10)).until(() -> count("stompest.acked") == 3);
        assertThat(count("stompest.published")).isEqualTo(3);
        assertThat(count("stompest.published.confirmed")).isEqualTo(3);
        assertThat(count("stompest.consumed")).isEqualTo(3);
        assertThat(meters.get("stompest.connection.state").tag("state", "CONNECTED").gauge().value()).isEqualTo(1);
        assertThat(meters.get("stompest.receipt.latency").timer().count()).isEqualTo(3);

        context.stop();
        assertThat(meters.find("stompest.published").meters()).as("unbound with the component").isEmpty();
    }
}
