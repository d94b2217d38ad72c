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
package org.stompest.camel.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.camel.StompestComponent;
import org.stompest.camel.StompestConfiguration;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.faults.LogCapture;
import org.stompest.client.testing.Brokers;
import org.stompest.client.testing.Brokers.Kind;

/**
 * RabbitMQ's own destination forms from Camel, written as RabbitMQ names them, with the component's defaults
 * (virtual host {@code /}); the frames on the wire come from the client's DEBUG log of {@code SocketTransport}.
 */
class RabbitMqDestinationsIT extends CamelTestSupport {
    private static final String WIRE = "org.stompest.client.SocketTransport";
    @RegisterExtension
    static final Brokers brokers = Brokers.only(Kind.RABBITMQ);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.getComponent("stompest", StompestComponent.class).getConfiguration()
                .setFailover(brokers.uri(Kind.RABBITMQ));
        return camelContext;
    }

    private static List<String> sent(LogCapture logs, String command, String destination) {
        return logs.lines().stream().filter(line -> line.contains("Sent " + command + " frame")
                && line.contains("'destination': '" + destination + "'")).toList();
    }

    /**
     * {@code /exchange/amq.topic/<pattern>} on SUBSCRIBE binds a queue of the subscription's own to the exchange with
     * that pattern; {@code /exchange/amq.topic/<key>} on SEND publishes with that routing key: only matching keys
     * arrive.
     */
    @Test
    void anExchangeWithARoutingKeyPatternFromCamel() throws Exception {
        String prefix = "orders-" + UUID.randomUUID();
        try (LogCapture logs = LogCapture.start(Level.DEBUG, WIRE)) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stompest:/exchange/amq.topic/" + prefix + ".*").to("mock:orders");
                }
            });
            MockEndpoint mock = getMockEndpoint("mock:orders");
            mock.expectedBodiesReceived("new order");
            mock.setResultWaitTime(10_000);
            awaitBound(prefix);
            mock.reset();
            mock.expectedBodiesReceived("new order");

            template.sendBody("stompest:/exchange/amq.topic/" + prefix + ".new", "new order");
            template.sendBody("stompest:/exchange/amq.topic/other-" + prefix + ".new", "not mine");

            mock.assertIsSatisfied();
            assertThat(sent(logs, "SUBSCRIBE", "/exchange/amq.topic/" + prefix + ".*")).hasSize(1);
            assertThat(sent(logs, "SEND", "/exchange/amq.topic/" + prefix + ".new")).isNotEmpty();
        }
    }

    /** An exchange subscription is bound only once RABBITMQ got the SUBSCRIBE: probe until one arrives. */
    private void awaitBound(String prefix) throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:orders");
        for (int i = 0; i < 40 && mock.getReceivedCounter() == 0; i++) {
            template.sendBody("stompest:/exchange/amq.topic/" + prefix + ".probe", "probe");
            mock.await(250, TimeUnit.MILLISECONDS);
        }
        assertThat(mock.getReceivedCounter()).as("probe through amq.topic").isPositive();
    }

    /**
     * {@code /amq/queue/<name>} addresses an existing queue without declaring it: here the queue exists because a
     * plain client declared it with a SEND to {@code /queue/<name>} first; what that SEND put in is consumed from
     * Camel through {@code /amq/queue/}, and a Camel SEND to {@code /amq/queue/} lands in the same queue.
     */
    @Test
    void anExistingQueueThroughAmqQueueFromCamel() throws Exception {
        String name = "amq-" + UUID.randomUUID();
        try (StompConnection declare = new StompConnection(StompConfig.builder().failover(brokers.uri(Kind.RABBITMQ))
                .host(StompestConfiguration.DEFAULT_HOST).build())) {
            declare.connect();
            declare.sendWithReceipt("/queue/" + name, "declared by /queue/".getBytes(), Map.of("persistent", "true"))
                    .get(10, TimeUnit.SECONDS);
        }
        try (LogCapture logs = LogCapture.start(Level.DEBUG, WIRE)) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stompest:/amq/queue/" + name).to("mock:amq");
                }
            });
            MockEndpoint mock = getMockEndpoint("mock:amq");
            mock.expectedBodiesReceived("declared by /queue/", "sent to /amq/queue/");
            mock.setResultWaitTime(10_000);

            template.sendBody("stompest:/amq/queue/" + name, "sent to /amq/queue/");

            mock.assertIsSatisfied();
            assertThat(sent(logs, "SUBSCRIBE", "/amq/queue/" + name)).hasSize(1);
            assertThat(brokers.rabbitMq().ctl("list_queues", "-q", "name", "messages"))
                    .containsPattern("(?m)^" + name + "\\s+0\\s*$");
        }
    }
}
