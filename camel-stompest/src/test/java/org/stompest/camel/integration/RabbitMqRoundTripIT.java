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

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** The round trips on RabbitMQ (a process started once per test JVM; the component's default virtual host /). */
class RabbitMqRoundTripIT extends AbstractRoundTripIT {

    @Override
    protected String brokerUri() {
        return SharedBrokers.rabbitMq().stompUri();
    }


    /** RabbitMQ has no message selectors: it ignores the header and delivers every message (README broker table). */
    @Test
    @Override
    void aSelectorFiltersOnTheBroker() throws Exception {
        String queue = unique("selector");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue + "?selector=RAW(color = 'red')").to("mock:" + queue);
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:" + queue);
        mock.expectedBodiesReceived("blue one", "red one");

        template.sendBodyAndHeader("stompest:queue:" + queue, "blue one", "color", "blue");
        template.sendBodyAndHeader("stompest:queue:" + queue, "red one", "color", "red");

        mock.assertIsSatisfied();
    }
}
