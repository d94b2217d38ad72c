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

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestConsumer;
import org.stompest.client.faults.LogCapture;

/**
 * {@code transacted=true}: the ACK and the route's sends through {@code stompest:} producers on the same connection
 * commit together, or are aborted together (and the message comes back).
 */
class TransactionIT extends StompestITSupport {

    /** Whether the broker ignores the transaction of an ACK (Artemis, the default broker of the ITs). */
    protected boolean ignoresAckInTransaction() {
        return true;
    }

    private void route(String in, String out, boolean transacted, AtomicInteger attempts) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + in + "?transacted=" + transacted)
                        .process(exchange -> exchange.getMessage().setHeader("attempt", attempts.incrementAndGet()))
                        .to("stompest:queue:" + out)
                        .process(exchange -> {
                            if (exchange.getMessage().getHeader("attempt", Integer.class) == 1) {
                                throw new IllegalStateException("the first attempt fails after sending");
                            }
                        });
                from("stompest:queue:" + out).to("mock:out");
            }
        });
    }

    @Test
    void aCommittedExchangeSendsAndAcknowledges() throws Exception {
        String in = unique("tx-in");
        String out = unique("tx-out");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + in + "?transacted=true").transform(simple("${body} processed"))
                        .to("stompest:queue:" + out).to("mock:done");
                from("stompest:queue:" + out).to("mock:out");
            }
        });
        MockEndpoint result = getMockEndpoint("mock:out");
        result.expectedBodiesReceived("a processed", "b processed");
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(2);
        done.setAssertPeriod(300);

        template.sendBody("stompest:queue:" + in, "a");
        template.sendBody("stompest:queue:" + in, "b");

        MockEndpoint.assertIsSatisfied(context);
        assertThat(done.getExchanges().get(0).getProperty("CamelStompestTransaction", String.class)).isNotBlank();
    }

    @Test
    void anAbortedExchangeTakesBackItsSendsAndTheMessageComesBack() throws Exception {
        String in = unique("tx-in");
        String out = unique("tx-out");
        AtomicInteger attempts = new AtomicInteger();
        route(in, out, true, attempts);
        MockEndpoint result = getMockEndpoint("mock:out");
        result.expectedMessageCount(1);
        result.expectedHeaderReceived("attempt", "2");
        result.setAssertPeriod(500);

        template.sendBody("stompest:queue:" + in, "work");

        result.assertIsSatisfied();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void withoutTransactionTheSendOfTheFailedAttemptStays() throws Exception {
        String in = unique("plain-in");
        String out = unique("plain-out");
        AtomicInteger attempts = new AtomicInteger();
        route(in, out, false, attempts);
        MockEndpoint result = getMockEndpoint("mock:out");
        result.expectedMessageCount(2);

        template.sendBody("stompest:queue:" + in, "work");

        result.assertIsSatisfied();
        assertThat(attempts).hasValue(2);
    }

    /**
     * Artemis ignores the transaction of an ACK, so there a transacted consumer ACKs after the COMMIT: the route says
     * so once, at WARN, when its connection connects; a route without a transaction does not, nor any route on a
     * broker that honours the transaction of an ACK.
     */
    @Test
    void aTransactedRouteSaysAtStartWhenTheBrokerIgnoresTheTransactionOfAnAck() throws Exception {
        String transacted = unique("tx-notice");
        String plain = unique("plain-notice");
        try (LogCapture logs = LogCapture.start(Level.WARN, StompestConsumer.class.getName())) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stompest:queue:" + transacted + "?transacted=true").to("mock:tx");
                    from("stompest:queue:" + plain).to("mock:plain");
                }
            });
            getMockEndpoint("mock:tx").expectedMessageCount(1);
            getMockEndpoint("mock:plain").expectedMessageCount(1);
            template.sendBody("stompest:queue:" + transacted, "t");
            template.sendBody("stompest:queue:" + plain, "p");
            MockEndpoint.assertIsSatisfied(context);

            assertThat(logs.lines()).as("said once, naming the route's destination and the profile")
                    .filteredOn(line -> line.contains("ignores the transaction of an ACK"))
                    .hasSize(ignoresAckInTransaction() ? 1 : 0)
                    .allMatch(line -> line.contains(transacted) && line.contains("ARTEMIS"));
            assertThat(logs.lines()).noneMatch(line -> line.contains(plain));
        }
    }
}
