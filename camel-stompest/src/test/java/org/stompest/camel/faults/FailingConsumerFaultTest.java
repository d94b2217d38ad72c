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
package org.stompest.camel.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stompest.client.faults.Bodies;
import org.stompest.client.faults.Tally;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * Case 4, failing consumers: a consumer route (client-individual, 2 concurrent consumers) whose processing fails on
 * every 7th delivery while a fault is on, plus one poison message that always fails.
 * <ul>
 * <li>A transient failure is not handled by the route, so the exchange fails and the consumer gives the message back
 * to the broker (NACK or, as the consumer does on Artemis, which treats NACK as ACK, a new subscription) for
 * redelivery.</li>
 * <li>The poison message: Camel's {@code onException(PoisonMessage)} tries it 3 times in the route, then moves it to
 * the dead-letter queue {@code /queue/faults.failing.dlq} (handled, so the original is acknowledged).</li>
 * <li>The fault clears after 1,500 successes; then everything must be processed: every confirmed message processed
 * at least once (lost=0), the poison message in the dead-letter queue, nothing else there.</li>
 * </ul>
 */
@Tag("faults")
class FailingConsumerFaultTest extends CamelTestSupport {
    private static final int MESSAGES = Integer.getInteger("faults.failing.messages", 3_000);
    private static final long POISON = MESSAGES / 2 + 1;
    private static EmbeddedArtemis broker;

    private final Tally tally = new Tally("failing-consumer");
    private final AtomicLong attempts = new AtomicLong();
    private final LongAdder transientFailures = new LongAdder();
    private final LongAdder poisonAttempts = new LongAdder();
    private final Set<Long> deadLetters = ConcurrentHashMap.newKeySet();
    private volatile boolean faulty = true;

    static final class TransientFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TransientFault(String message) {
            super(message);
        }
    }

    static final class PoisonMessage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PoisonMessage(String message) {
            super(message);
        }
    }

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedArtemis.builder().build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String options = "failover=failover:(" + broker.stompUri() + ")?initialReconnectDelay=20&heartBeats=1000,1000";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:produce").routeId("failing-producer")
                        .to("stompest:queue:faults.failing?" + options);
                from("stompest:queue:faults.failing?concurrentConsumers=2&" + options).routeId("failing-consumer")
                        .onException(PoisonMessage.class).maximumRedeliveries(2).redeliveryDelay(0)
                            .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                            .handled(true).useOriginalMessage()
                            .to("stompest:queue:faults.failing.dlq?" + options).end()
                        .process(exchange -> {
                            long seq = Bodies.verify(exchange.getMessage().getBody(byte[].class));
                            if (seq == Bodies.CORRUPT) {
                                tally.corrupted();
                                return;
                            }
                            exchange.setProperty("seq", seq);
                            if (seq == POISON) {
                                poisonAttempts.increment();
                                throw new PoisonMessage("poison " + seq);
                            }
                            if (faulty && attempts.incrementAndGet() % 7 == 0) {
                                transientFailures.increment();
                                throw new TransientFault("failure on delivery " + attempts.get()
                                                         + " [seq=" + seq + "]");
                            }
                            tally.received(seq);
                        });
                from("stompest:queue:faults.failing.dlq?" + options).routeId("dead-letters")
                        .process(exchange -> deadLetters.add(Bodies.verify(exchange.getMessage()
                                .getBody(byte[].class))));
            }
        };
    }

    @Test
    void failedMessagesAreRedeliveredThePoisonGoesToTheDeadLettersAndNothingIsLost() {
        long started = System.nanoTime();
        for (long seq = 0; seq < MESSAGES; seq++) {
            long s = seq;
            tally.sent(s);
            Exchange done = template.send("direct:produce", e -> e.getMessage().setBody(Bodies.make(s, 64)));
            if (done.getException() == null && s != POISON) {
                tally.confirmed(s);
            }
        }
        await("the fault has bitten").atMost(Duration.ofSeconds(60)).until(() -> tally.receivedCount() >= 1500);
        faulty = false;
        boolean complete = FaultSupport.awaitQuietly(Duration.ofSeconds(90),
                () -> tally.lost().isEmpty() && deadLetters.contains(POISON));
        tally.extra("transientFailures", transientFailures.sum());
        tally.extra("poisonAttempts", poisonAttempts.sum());
        tally.extra("deadLetters", deadLetters);
        tally.report(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (!complete) {
            FaultSupport.diagnose(tally, context, broker.server(), "faults.failing", "faults.failing.dlq");
        }
        assertThat(tally.corruptedCount()).isZero();
        assertThat(transientFailures.sum()).as("transient failures").isGreaterThan(100);
        assertThat(tally.lost()).as("lost").isEmpty();
        assertThat(tally.wasReceived(POISON)).as("the poison was never processed").isFalse();
        assertThat(deadLetters).as("dead letters").containsExactly(POISON);
        assertThat(poisonAttempts.sum()).as("attempts at the poison message").isGreaterThanOrEqualTo(3);
        assertThat(tally.confirmedCount()).isEqualTo(MESSAGES - 1);
    }
}
