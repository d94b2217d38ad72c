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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestConstants;
import org.stompest.camel.StompestEndpoint;

/** Bodies, headers, destinations and selectors through a real broker; run for Artemis and ActiveMQ Classic. */
abstract class AbstractRoundTripIT extends StompestITSupport {
    private static final byte[] BINARY = { 0, 'a', 0, 0, (byte) 0xfe, 'b', 0 };

    private String from(String queue, String options) throws Exception {
        return from(queue, options, "mock:" + queue);
    }

    private String from(String queue, String options, String endpoint) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue + (options.isEmpty() ? "" : "?" + options)).to(endpoint);
            }
        });
        return endpoint;
    }

    @Test
    void aStringBodyArrivesAsUtf8TextWithItsHeaders() throws Exception {
        String queue = unique("text");
        MockEndpoint mock = getMockEndpoint(from(queue, ""));
        mock.expectedMessageCount(1);

        template.sendBodyAndHeaders("stompest:queue:/" + queue, "grüße, STOMP",
                Map.of("x-app", "yes", "priority", 7, "CamelSecret", "never sent"));

        mock.assertIsSatisfied();
        Message received = mock.getExchanges().get(0).getMessage();
        assertThat(received.getBody()).isInstanceOf(byte[].class);
        assertThat(received.getBody(String.class)).isEqualTo("grüße, STOMP");
        assertThat(received.getHeader(StompestConstants.CONTENT_TYPE)).isEqualTo("text/plain;charset=UTF-8");
        assertThat(received.getHeader("x-app")).isEqualTo("yes");
        assertThat(received.getHeader("CamelSecret")).isNull();
        assertThat(received.getHeader(StompestConstants.DESTINATION)).isEqualTo("/queue/" + queue);
        assertThat(received.getHeader(StompestConstants.MESSAGE_ID, String.class)).isNotBlank();
        assertThat(received.getHeader(StompestConstants.ACK_ID, String.class)).isNotBlank();
        assertThat(received.getHeader(StompestConstants.SUBSCRIPTION, String.class)).isNotBlank();
        assertThat(received.getHeader(StompestConstants.REDELIVERED)).isEqualTo(false);
    }

    @Test
    void aBinaryBodyWithNulBytesSurvives() throws Exception {
        String queue = unique("binary");
        MockEndpoint mock = getMockEndpoint(from(queue, ""));
        mock.expectedMessageCount(2);

        template.sendBody("stompest:queue:" + queue, BINARY);
        template.sendBody("stompest:queue:" + queue, new ByteArrayInputStream(BINARY));

        mock.assertIsSatisfied();
        for (Exchange exchange : mock.getExchanges()) {
            assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(BINARY);
        }
    }

    @Test
    void theCharsetOfTheContentTypeIsHonouredBothWays() throws Exception {
        String queue = unique("latin1");
        MockEndpoint mock = getMockEndpoint(from(queue, ""));
        mock.expectedMessageCount(1);

        template.sendBodyAndHeader("stompest:queue:" + queue, "café", StompestConstants.CONTENT_TYPE,
                "text/plain;charset=ISO-8859-1");

        mock.assertIsSatisfied();
        Message received = mock.getExchanges().get(0).getMessage();
        assertThat(received.getBody(byte[].class)).isEqualTo("café".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(received.getBody(String.class)).isEqualTo("café");
    }

    @Test
    void allQueueSpellingsReachTheSameQueue() throws Exception {
        String queue = unique("spelling");
        MockEndpoint mock = getMockEndpoint(from(queue, ""));
        mock.expectedBodiesReceivedInAnyOrder("a", "b", "c");

        template.sendBody("stompest:queue:" + queue, "a");
        template.sendBody("stompest:queue:/" + queue, "b");
        template.sendBody("stompest:/queue/" + queue, "c");

        mock.assertIsSatisfied();
    }

    @Test
    void everySubscriberOfATopicGetsEachMessage() throws Exception {
        String topic = unique("topic");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:topic:" + topic).routeId("t1").to("mock:t1");
                from("stompest:topic:/" + topic).routeId("t2").to("mock:t2");
            }
        });
        getMockEndpoint("mock:t1").expectedBodiesReceived("news");
        getMockEndpoint("mock:t2").expectedBodiesReceived("news");
        awaitSubscribed("t1", "t2");

        template.sendBody("stompest:topic:" + topic, "news");

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void aSelectorFiltersOnTheBroker() throws Exception {
        String queue = unique("selector");
        MockEndpoint mock = getMockEndpoint(from(queue, "selector=RAW(color = 'red')"));
        mock.expectedBodiesReceived("red one");

        template.sendBodyAndHeader("stompest:queue:" + queue, "blue one", "color", "blue");
        template.sendBodyAndHeader("stompest:queue:" + queue, "red one", "color", "red");

        mock.assertIsSatisfied();
        mock.setResultMinimumWaitTime(300);
        mock.assertIsSatisfied();
    }

    @Test
    void clientAcksConsumeEverything() throws Exception {
        String queue = unique("client-ack");
        MockEndpoint mock = getMockEndpoint(from(queue, "ackMode=client"));
        mock.expectedMessageCount(20);

        for (int i = 0; i < 20; i++) {
            template.sendBody("stompest:queue:" + queue, "m" + i);
        }

        mock.assertIsSatisfied();
        context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());
        MockEndpoint again = getMockEndpoint(from(queue, "ackMode=client", "mock:again"));
        again.setAssertPeriod(500);
        again.expectedMessageCount(0);
        again.assertIsSatisfied();
    }

    @Test
    void olderVersionsCanBeChosen() throws Exception {
        for (String version : List.of("1.0", "1.1")) {
            String queue = unique("v" + version);
            String options = "version=" + version + "&heartBeats=0,0";
            MockEndpoint mock = getMockEndpoint(from(queue, options));
            mock.expectedBodiesReceived("hello " + version);

            template.sendBody("stompest:queue:" + queue + "?" + options, "hello " + version);

            mock.assertIsSatisfied();
            StompestEndpoint endpoint = context.getEndpoint("stompest:queue:" + queue + "?" + options,
                    StompestEndpoint.class);
            assertThat(connectionOf(endpoint).version()).isEqualTo(version);
        }
    }

    @Test
    void sendHeadersAreAddedToEverySend() throws Exception {
        String queue = unique("send-headers");
        MockEndpoint mock = getMockEndpoint(from(queue, ""));
        mock.expectedMessageCount(2);

        template.sendBody("stompest:queue:" + queue + "?sendHeaders.x-origin=camel", "a");
        template.sendBodyAndHeader("stompest:queue:" + queue + "?sendHeaders.x-origin=camel", "b",
                "x-origin", "message wins");

        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getMessage().getHeader("x-origin")).isEqualTo("camel");
        assertThat(mock.getExchanges().get(1).getMessage().getHeader("x-origin")).isEqualTo("message wins");
    }

    @Test
    void fireAndForgetSendsArriveToo() throws Exception {
        String queue = unique("no-receipt");
        MockEndpoint mock = getMockEndpoint(from(queue, ""));
        mock.expectedMessageCount(50);

        for (int i = 0; i < 50; i++) {
            template.sendBody("stompest:queue:" + queue + "?receipt=false", "m" + i);
        }

        mock.assertIsSatisfied();
    }

    @Test
    void aFailedExchangeComesBackUntilItSucceeds() throws Exception {
        String queue = unique("again");
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue).process(exchange -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new IllegalStateException("attempt " + attempts.get() + " fails");
                    }
                }).to("mock:again");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:again");
        mock.expectedBodiesReceived("persevere");
        mock.setAssertPeriod(300);

        template.sendBody("stompest:queue:" + queue, "persevere");

        mock.assertIsSatisfied();
        assertThat(attempts).hasValue(3);
    }

    /** Waits until the routes' subscriptions are registered with the broker (their connection is up). */
    protected void awaitSubscribed(String... routeIds) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String routeId : routeIds) {
                StompestEndpoint endpoint = (StompestEndpoint) context.getRoute(routeId).getEndpoint();
                assertThat(endpoint.getConnectionState()).isEqualTo("CONNECTED");
            }
        });
        // the SUBSCRIBE frames follow CONNECTED at once; a topic message must not overtake them
        template.sendBody("stompest:queue:" + unique("barrier"), "barrier");
    }

    protected static org.stompest.client.StompConnection connectionOf(StompestEndpoint endpoint) {
        return endpoint.connection();
    }
}
