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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stompest.client.StompConnection;
import org.stompest.client.faults.Bodies;
import org.stompest.client.faults.Tally;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * Case 1, broker crash and restart: a persistent embedded Artemis ({@code EmbeddedArtemis.builder().journal(dir)})
 * is crashed
 * ({@code ActiveMQServer.fail(false)}: no graceful shutdown, clients see their sockets die) and restarted on the same
 * port twice while a producer route sends 20,000 persistent messages with receipts and a consumer route (4
 * concurrent consumers, client-individual acks) takes them.
 * <ul>
 * <li>Producer: {@code direct:produce -> stompest:queue:faults.crash?sendHeaders.persistent=true} (receipt=true, the
 * default); the route's error handler redelivers a failed SEND (receipt failed, connection lost, no connection
 * within receiptTimeout) up to 1,000 times, 50 ms apart. A message is confirmed when its exchange completed without
 * an exception. Eight test threads drive the route.</li>
 * <li>Consumer: checks each body's checksum and records its sequence number.</li>
 * </ul>
 * Before each crash the consumer is held up until the broker holds at least 1,000 messages (so the journal, not the
 * consumer's speed, has to keep them).
 * Asserts: every confirmed message is received (lost=0), nothing corrupted; duplicates (receipts lost in the crash,
 * acks lost in the crash) are counted. Recovery = broker started again to the first exchange confirmed after it.
 * {@code -Dfaults.crash.messages=N} changes the count (default 20,000).
 */
@Tag("faults")
class CrashRestartFaultTest extends CamelTestSupport {
    private static final int MESSAGES = Integer.getInteger("faults.crash.messages", 20_000);
    private static final int SENDERS = 8;

    @TempDir
    Path journal;

    private EmbeddedArtemis broker;
    private final Tally tally = new Tally("crash-restart");
    private final LongAdder redeliveries = new LongAdder();
    private final Object gate = new Object();
    private volatile boolean paused;

    private EmbeddedArtemis broker() {
        if (broker == null) {
            broker = EmbeddedArtemis.builder().journal(journal.resolve("artemis")).build().start();
            assertThat(broker.server().getConfiguration().isPersistenceEnabled()).as("persistent broker").isTrue();
        }
        return broker;
    }

    @AfterEach
    void stopBroker() {
        context.stop(); // routes first, so that they do not reconnect to a broker going away
        if (broker != null) {
            broker.close();
        }
    }

    private String options() {
        return "failover=failover:(" + broker().stompUri() + ")?initialReconnectDelay=20,maxReconnectDelay=200,"
               + "maxReconnectAttempts=-1&heartBeats=1000,1000&receiptTimeout=5000&connectTimeout=2000";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:produce").routeId("crash-producer")
                        .onException(Exception.class).maximumRedeliveries(1000).redeliveryDelay(50)
                            .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.DEBUG)
                            .logExhausted(true).end()
                        .to("stompest:queue:faults.crash?sendHeaders.persistent=true&" + options());
                from("stompest:queue:faults.crash?concurrentConsumers=4&" + options()).routeId("crash-consumer")
                        .process(exchange -> {
                            synchronized (gate) {
                                while (paused) {
                                    gate.wait(100);
                                }
                            }
                        })
                        .process(exchange -> {
                            long seq = Bodies.verify(exchange.getMessage().getBody(byte[].class));
                            if (seq == Bodies.CORRUPT) {
                                tally.corrupted();
                            } else {
                                tally.received(seq);
                            }
                        });
            }
        };
    }

    @Test
    void everyConfirmedMessageSurvivesTwoCrashesAndRestarts() throws Exception {
        long started = System.nanoTime();
        AtomicLong next = new AtomicLong();
        List<Long> backlog = new ArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            Thread sender = new Thread(() -> {
                for (long seq = next.getAndIncrement(); seq < MESSAGES; seq = next.getAndIncrement()) {
                    long s = seq;
                    tally.sent(s);
                    Exchange done = template.send("direct:produce",
                            e -> e.getMessage().setBody(Bodies.make(s, (int) (s % 512))));
                    Integer counter = done.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
                    if (counter != null) {
                        redeliveries.add(counter);
                    }
                    if (done.getException() == null) {
                        tally.confirmed(s);
                    }
                }
            }, "faults-crash-sender-" + i);
            senders.add(sender);
            sender.start();
        }
        for (int crash = 1; crash <= 2; crash++) {
            int threshold = crash * MESSAGES / 3;
            await("confirmed before crash " + crash).atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(10)).until(() -> tally.confirmedCount() >= threshold);
            // the consumer is held up until the journal holds a backlog: that is what the crash must not lose
            paused = true;
            await("backlog before crash " + crash).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> FaultSupport.messageCount(broker, "faults.crash") >= 1000);
            backlog.add(FaultSupport.messageCount(broker, "faults.crash"));
            FaultSupport.crash(broker); // abrupt: no graceful shutdown
            // it stays down until both clients noticed, then comes back on the same port
            await("clients noticed crash " + crash).atMost(Duration.ofSeconds(30))
                    .until(() -> FaultSupport.connections(context).stream().noneMatch(StompConnection::isConnected));
            int confirmedBefore = tally.confirmedCount();
            int receivedBefore = tally.receivedCount();
            broker.start();
            long restarted = System.nanoTime();
            synchronized (gate) {
                paused = false;
                gate.notifyAll();
            }
            await("traffic after restart " + crash).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> (tally.confirmedCount() > confirmedBefore || tally.confirmedCount() == MESSAGES)
                                 && tally.receivedCount() > receivedBefore);
            tally.recovery(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));
        }
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(180));
            assertThat(sender.isAlive()).as(sender.getName() + " finished").isFalse();
        }
        boolean complete = FaultSupport.awaitQuietly(Duration.ofSeconds(60), () -> tally.lost().isEmpty());
        tally.extra("redeliveries", redeliveries.sum());
        tally.extra("queuedAtCrash", backlog);
        tally.report(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (!complete) {
            FaultSupport.diagnose(tally, context, broker.server(), "faults.crash");
        }

        assertThat(tally.sentCount()).isEqualTo(MESSAGES);
        assertThat(tally.corruptedCount()).as("corrupted").isZero();
        assertThat(tally.unexpected()).as("received but never sent").isEmpty();
        assertThat(tally.lost()).as("lost").isEmpty();
        assertThat(tally.confirmedCount()).as("confirmed (every exchange completed)").isEqualTo(MESSAGES);
    }
}
