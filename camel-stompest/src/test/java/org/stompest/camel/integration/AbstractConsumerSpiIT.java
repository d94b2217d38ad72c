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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestConnectionRefusedException;
import org.stompest.camel.StompestConstants;
import org.stompest.camel.StompestConsumer;
import org.stompest.camel.StompestEndpoint;
import org.stompest.camel.StompestSubscriptionException;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.SubscriptionOptions;

/**
 * The Camel SPIs route authors rely on: suspend and resume, pollEnrich, toD, graceful shutdown, and broker ERRORs
 * refusing a subscription or a CONNECT reaching the route's error handling and the health check. One subclass per
 * broker.
 */
abstract class AbstractConsumerSpiIT extends StompestITSupport {

    /** A consumer URI (with bridgeErrorHandler=true) whose SUBSCRIBE the broker refuses with an ERROR frame. */
    protected abstract String refusedSubscriptionUri(String queue);

    /**
     * A consumer URI (with bridgeErrorHandler=true) whose CONNECT the broker refuses with an ERROR frame, the
     * passcode (if any) being {@value #WRONG_PASSCODE}.
     */
    protected abstract String refusedConnectUri(String queue);

    /** Part of the broker's message when it refuses {@link #refusedConnectUri}. */
    protected abstract String refusedConnectMessage();

    protected static final String WRONG_PASSCODE = "wrong-passcode";
    private static AutoCloseable refusingBroker;

    /** A consumer URI logging in to {@code broker} (closed after the class) with {@value #WRONG_PASSCODE}. */
    protected static String wrongPasscodeUri(String queue, AutoCloseable broker, String stompUri) {
        refusingBroker = broker;
        return "stompest:queue:" + queue + "?bridgeErrorHandler=true&failover=" + stompUri + "&login=app&passcode="
               + WRONG_PASSCODE;
    }

    @AfterAll
    static void closeRefusingBroker() throws Exception {
        if (refusingBroker != null) {
            refusingBroker.close();
            refusingBroker = null;
        }
    }

    private void registerConsumerHealthChecks() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.setExposureLevel("full");
        registry.register(registry.resolveById("consumers"));
    }

    @Test
    void suspendStopsDeliveryWithoutLosingTheDurableSubscriptionAndResumeContinues() throws Exception {
        String topic = unique("suspend");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:topic:" + topic + "?durableSubscriptionName=sub&clientId=" + unique("client"))
                        .routeId("durable").to("mock:durable");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:durable");
        // no RECEIPT for SUBSCRIBE: publish until the subscription is in place
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            template.sendBody("stompest:topic:" + topic, "before");
            assertThat(mock.getReceivedCounter()).isPositive();
        });

        context.getRouteController().suspendRoute("durable");
        assertThat(context.getRouteController().getRouteStatus("durable")).isEqualTo(ServiceStatus.Suspended);
        template.sendBody("stompest:topic:" + topic, "while suspended");
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> !bodies(mock).contains("while suspended"));

        context.getRouteController().resumeRoute("durable");
        await().atMost(Duration.ofSeconds(10)).until(() -> bodies(mock).contains("while suspended"));
    }

    private static java.util.List<String> bodies(MockEndpoint mock) {
        return mock.getExchanges().stream().map(e -> e.getMessage().getBody(String.class)).toList();
    }

    @Test
    void pollEnrichHandsOutOneMessageAndAcknowledgesOnlyThatOne() throws Exception {
        String queue = unique("poll");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:enrich").routeId("enrich").pollEnrich("stompest:queue:" + queue, 5000);
            }
        });
        for (String body : new String[] {"a", "b", "c"}) {
            template.sendBody("stompest:queue:" + queue, body);
        }

        assertThat(template.requestBody("direct:enrich", "", String.class)).isEqualTo("a");
        context.getRouteController().stopRoute("enrich");

        // what the polling consumer had been sent but not handed out was never acknowledged: it is on the queue again
        assertComeBack(queue, "b", "c");
    }

    /** Closes the CamelContext (and its connections), then reads the queue with a plain client. */
    protected void assertComeBackAfterTheConnectionsClose(String queue, String... bodies) {
        context.stop();
        StompConnection client = new StompConnection(StompConfig.builder().failover(brokerUri())
                .host(virtualHost()).build());
        try {
            client.connect();
            List<String> received = new CopyOnWriteArrayList<>();
            client.subscribe("/queue/" + queue, SubscriptionOptions.builder().ackMode("client-individual").build(),
                    m -> {
                        received.add(new String(m.body(), StandardCharsets.UTF_8));
                        m.ack();
                    });
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= bodies.length);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> received.size() == bodies.length);
            assertThat(received).containsExactlyInAnyOrder(bodies);
        } finally {
            client.close();
        }
    }

    /** Exactly these messages (in any order) are still on the queue after the consumer of the test stopped. */
    protected void assertComeBack(String queue, String... bodies) throws Exception {
        // expectations first: a mock does not check bodies that arrived before it was told what to expect
        MockEndpoint rest = getMockEndpoint("mock:rest");
        rest.expectedBodiesReceivedInAnyOrder((Object[]) bodies);
        rest.setAssertPeriod(500);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue).to("mock:rest");
            }
        });
        rest.assertIsSatisfied();
    }

    @Test
    void toDSendsToEachComputedDestinationThroughOneEndpoint() throws Exception {
        String one = unique("dyn");
        String two = unique("dyn");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:/queue/" + one).to("mock:one");
                from("stompest:/queue/" + two).to("mock:two");
                from("direct:dynamic").toD("stompest:queue:${header.target}");
            }
        });
        getMockEndpoint("mock:one").expectedBodiesReceived("to one");
        getMockEndpoint("mock:two").expectedBodiesReceived("to two");

        template.sendBodyAndHeader("direct:dynamic", "to one", "target", one);
        template.sendBodyAndHeader("direct:dynamic", "to two", "target", two);

        MockEndpoint.assertIsSatisfied(context);
        assertThat(context.getEndpoints()).noneMatch(e -> e.getEndpointUri().contains("queue:" + one)
                                                         || e.getEndpointUri().contains("queue:" + two));
        assertThat(getMockEndpoint("mock:one").getExchanges().get(0).getMessage()
                .getHeader(StompestConstants.DESTINATION_OVERRIDE)).isNull();
    }

    @Test
    void theDestinationOverrideHeaderWins() throws Exception {
        String queue = unique("override");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue).to("mock:override");
            }
        });
        getMockEndpoint("mock:override").expectedBodiesReceived("redirected");

        template.sendBodyAndHeader("stompest:queue:" + unique("elsewhere"), "redirected",
                StompestConstants.DESTINATION_OVERRIDE, "queue:" + queue);

        getMockEndpoint("mock:override").assertIsSatisfied();
    }

    @Test
    void stoppingFinishesTheExchangeInFlightAndReturnsTheBufferedMessages() throws Exception {
        String queue = unique("graceful");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue).routeId("slow").process(e -> {
                    started.countDown();
                    assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                }).to("mock:slow");
            }
        });
        for (int i = 0; i < 5; i++) {
            template.sendBody("stompest:queue:" + queue, "m" + i);
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                context.getRouteController().stopRoute("slow");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the ShutdownStrategy suspends the consumer first (it is Suspendable), waits for the exchange, then stops it
        StompestConsumer consumer = (StompestConsumer) context.getRoute("slow").getConsumer();
        await().atMost(Duration.ofSeconds(5)).until(consumer::isSuspended); // its gate is closed now
        release.countDown();
        stopping.get(20, TimeUnit.SECONDS);

        assertThat(getMockEndpoint("mock:slow").getReceivedCounter()).isEqualTo(1);
        assertComeBack(queue, "m1", "m2", "m3", "m4");
    }

    @Test
    void aRefusedSubscriptionReachesTheErrorHandlerAndTurnsTheHealthCheckDown() throws Exception {
        String queue = unique("refused");
        registerConsumerHealthChecks();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(StompestSubscriptionException.class).handled(true).to("mock:errors");
                from(refusedSubscriptionUri(queue))
                        .routeId("refused").to("mock:never");
            }
        });

        getMockEndpoint("mock:errors").expectedMinimumMessageCount(1);
        getMockEndpoint("mock:errors").assertIsSatisfied();
        assertThat(getMockEndpoint("mock:errors").getExchanges().get(0).getProperty("CamelExceptionCaught",
                Exception.class)).hasMessageStartingWith("Broker refused the subscription to ")
                .hasMessageContaining(queue);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Optional<HealthCheck.Result> check = HealthCheckHelper.invokeReadiness(context).stream()
                    .filter(result -> result.getCheck().getId().equals("consumer:refused")).findFirst();
            assertThat(check).hasValueSatisfying(result -> {
                assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            });
        });
    }

    @Test
    void aRefusedConnectReachesTheErrorHandlerOnceAndTurnsTheHealthCheckDown() throws Exception {
        String queue = unique("refused-connect");
        registerConsumerHealthChecks();
        String uri = refusedConnectUri(queue);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(StompestConnectionRefusedException.class).handled(true).to("mock:refused");
                from(uri).routeId("refused-connect").to("mock:never");
            }
        });
        MockEndpoint refused = getMockEndpoint("mock:refused");
        StompestEndpoint endpoint = context.getEndpoint(uri, StompestEndpoint.class);

        refused.expectedMinimumMessageCount(1);
        refused.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.connection().stats().connectAttempts() >= 3);
        assertThat(refused.getReceivedCounter()).as("once per distinct refusal, not per attempt").isEqualTo(1);
        assertThat(refused.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(StompestConnectionRefusedException.class)
                .hasMessageStartingWith("Broker refused the connection of the consumer of /queue/" + queue + ": ")
                .hasMessageContaining(refusedConnectMessage()).hasMessageNotContaining(WRONG_PASSCODE);
        HealthCheck.Result check = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().equals("consumer:refused-connect")).findFirst()
                .orElseThrow();
        assertThat(check.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(check.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("last ERROR from the broker: ").contains(refusedConnectMessage())
                .doesNotContain(WRONG_PASSCODE));
        assertThat(getMockEndpoint("mock:never").getReceivedCounter()).isZero();
    }
}
