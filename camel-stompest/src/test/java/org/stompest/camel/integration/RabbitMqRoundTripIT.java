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
