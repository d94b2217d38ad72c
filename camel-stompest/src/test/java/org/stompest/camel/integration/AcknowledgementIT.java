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
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestConstants;
import org.stompest.camel.StompestHeaderFilterStrategy;

/** What happens to a message whose exchange fails, per ack mode, and consumer-side errors. */
class AcknowledgementIT extends StompestITSupport {

    /** On Artemis (this class) and Classic the consumer never NACKs: it subscribes anew and the broker redelivers. */
    @Test
    void aFailedExchangeIsNotNackedButResubscribedSoTheBrokerRedeliversItUntilItSucceeds() throws Exception {
        String queue = unique("retry");
        AtomicInteger attempts = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue).process(exchange -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new IllegalStateException("attempt " + attempts.get() + " fails");
                    }
                }).to("mock:done");
            }
        });
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedBodiesReceived("important");

        template.sendBody("stompest:queue:" + queue, "important");

        done.assertIsSatisfied();
        assertThat(attempts).hasValue(3);
        done.setAssertPeriod(300);
        done.assertIsSatisfied();
    }

    @Test
    void rollbackOnlyAlsoBringsTheMessageBack() throws Exception {
        String queue = unique("rollback");
        AtomicInteger attempts = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue).process(exchange -> {
                    if (attempts.incrementAndGet() == 1) {
                        exchange.setRollbackOnly(true);
                    }
                }).to("mock:done");
            }
        });
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);
        done.setAssertPeriod(300);

        template.sendBody("stompest:queue:" + queue, "once more");

        done.assertIsSatisfied();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void withAutoAckAFailedMessageIsGone() throws Exception {
        String queue = unique("auto");
        AtomicInteger attempts = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue + "?ackMode=auto").process(exchange -> {
                    attempts.incrementAndGet();
                    if ("fail".equals(exchange.getMessage().getBody(String.class))) {
                        throw new IllegalStateException("fails");
                    }
                }).to("mock:done");
            }
        });
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedBodiesReceived("next");

        template.sendBody("stompest:queue:" + queue, "fail");
        template.sendBody("stompest:queue:" + queue, "next");

        done.assertIsSatisfied();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> attempts.get() == 2);
    }

    @Test
    void aHandledExceptionCountsAsSuccess() throws Exception {
        String queue = unique("handled");
        AtomicInteger attempts = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(IllegalStateException.class).handled(true).to("mock:dead");
                from("stompest:queue:" + queue).process(exchange -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("poison");
                });
            }
        });
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        dead.setAssertPeriod(300);

        template.sendBody("stompest:queue:" + queue, "poison");

        dead.assertIsSatisfied();
        assertThat(attempts).hasValue(1);
    }

    /** A header filter that cannot cope with one header: the message cannot become an exchange. */
    public static class PoisonFilter extends StompestHeaderFilterStrategy {
        @Override
        public boolean applyFilterToExternalHeaders(String name, Object value, Exchange exchange) {
            if ("poison".equals(name)) {
                throw new IllegalStateException("cannot map header poison=" + value);
            }
            return "x-secret".equals(name) || super.applyFilterToExternalHeaders(name, value, exchange);
        }
    }

    @Test
    void theHeaderFilterStrategyDecidesWhichHeadersArrive() throws Exception {
        String queue = unique("filter");
        context.getRegistry().bind("poisonFilter", new PoisonFilter());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue + "?headerFilterStrategy=#poisonFilter").to("mock:done");
            }
        });
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);

        template.sendBodyAndHeader("stompest:queue:" + queue, "x", "x-secret", "hidden");

        done.assertIsSatisfied();
        assertThat(done.getExchanges().get(0).getMessage().getHeaders()).doesNotContainKey("x-secret")
                .containsKey(StompestConstants.MESSAGE_ID);
    }

    @Test
    void bridgeErrorHandlerRoutesConsumerErrorsToTheErrorHandler() throws Exception {
        String queue = unique("bridge");
        context.getRegistry().bind("poisonFilter", new PoisonFilter());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(IllegalStateException.class).handled(true).to("mock:bridged");
                from("stompest:queue:" + queue + "?headerFilterStrategy=#poisonFilter&bridgeErrorHandler=true")
                        .to("mock:done");
            }
        });
        MockEndpoint bridged = getMockEndpoint("mock:bridged");
        bridged.expectedMessageCount(1);
        bridged.setAssertPeriod(300);
        getMockEndpoint("mock:done").expectedBodiesReceived("fine");

        template.sendBodyAndHeader("stompest:queue:" + queue, "bad", "poison", "1");
        template.sendBody("stompest:queue:" + queue, "fine");

        bridged.assertIsSatisfied();
        getMockEndpoint("mock:done").assertIsSatisfied();
        assertThat(bridged.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .hasMessage("cannot map header poison=1");
    }
}
