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
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stompest.camel.StompestEndpoint;
import org.stompest.client.StompConnection;
import org.stompest.client.faults.Bodies;
import org.stompest.client.faults.Tally;
import org.stompest.client.faults.TcpProxy;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * Case 2, a failover pair: brokers A and B (both persistent), each behind a {@link TcpProxy}; producer and consumer
 * routes use {@code failover:(A,B)?randomize=false}, so they start on A. Mid-stream A dies abruptly: its proxy stalls
 * every open link (no FIN, no RST: the clients must notice by heart-beats, 500 ms, tolerance 2), refuses new
 * connections, and A itself crashes. Producers and consumers carry on with B. Just before, the consumer route is held
 * up until A has a backlog of 500 messages, so that there is something to strand.
 *
 * <p>Messages stored on A but not yet consumed when it died are stranded there (the routes stay on B). What this case
 * does about them: A is persistent; after the failover it is restarted (same port) and a drain route that consumes
 * from A directly is started, so that every message ever confirmed is consumed. The summary shows how many came from
 * the drain ({@code stranded=}).
 */
@Tag("faults")
class FailoverPairFaultTest extends CamelTestSupport {
    private static final int MESSAGES = Integer.getInteger("faults.failover.messages", 6_000);
    private static final int SENDERS = 4;
    private static final String QUEUE = "faults.failover";

    @TempDir
    Path journals;

    private EmbeddedArtemis a;
    private EmbeddedArtemis b;
    private TcpProxy proxyA;
    private TcpProxy proxyB;
    private final Tally tally = new Tally("failover-pair");
    private final LongAdder stranded = new LongAdder();
    private final LongAdder onB = new LongAdder();
    private final Object gate = new Object();
    private volatile boolean paused;

    private void brokers() {
        if (a == null) {
            a = EmbeddedArtemis.builder().journal(journals.resolve("a")).build().start();
            b = EmbeddedArtemis.builder().journal(journals.resolve("b")).build().start();
            proxyA = TcpProxy.start(a.port());
            proxyB = TcpProxy.start(b.port());
        }
    }

    @AfterEach
    void stopBrokers() {
        context.stop(); // routes first, so that they do not reconnect to brokers going away
        for (AutoCloseable closeable : new AutoCloseable[] {proxyA, proxyB, a, b}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private String failover(String heartBeats) {
        brokers();
        return "failover=failover:(" + proxyA.uri() + "," + proxyB.uri() + ")?randomize=false,"
               + "initialReconnectDelay=20,maxReconnectDelay=200,useExponentialBackOff=false,maxReconnectAttempts=-1"
               + "&heartBeats=" + heartBeats + "&heartBeatTolerance=2&receiptTimeout=5000&connectTimeout=1000";
    }

    private Processor record(boolean drain) {
        return exchange -> {
            long seq = Bodies.verify(exchange.getMessage().getBody(byte[].class));
            if (seq == Bodies.CORRUPT) {
                tally.corrupted();
                return;
            }
            if (tally.received(seq) && drain) {
                stranded.increment();
            }
        };
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // producer and consumer differ in their heart-beats: two pooled connections that fail over apart
                from("direct:produce").routeId("failover-producer")
                        .onException(Exception.class).maximumRedeliveries(1000).redeliveryDelay(50)
                            .retryAttemptedLogLevel(LoggingLevel.DEBUG).end()
                        .to("stompest:queue:" + QUEUE + "?sendHeaders.persistent=true&" + failover("600,600"));
                from("stompest:queue:" + QUEUE + "?concurrentConsumers=2&" + failover("500,500"))
                        .routeId("failover-consumer")
                        .process(exchange -> {
                            synchronized (gate) {
                                while (paused) {
                                    gate.wait(100);
                                }
                            }
                        })
                        .process(record(false))
                        .process(exchange -> {
                            StompConnection connection = consumerConnection();
                            if (connection != null && String.valueOf(connection.currentBroker())
                                    .endsWith(":" + proxyB.port())) {
                                onB.increment();
                            }
                        });
                from("stompest:queue:" + QUEUE + "?failover=tcp://127.0.0.1:" + a.port()).routeId("drain-a")
                        .autoStartup(false)
                        .process(record(true));
            }
        };
    }

    private StompConnection consumerConnection() {
        return ((StompestEndpoint) context.getRoute("failover-consumer").getEndpoint()).connection();
    }

    /** The producer's pooled connection: the one offering heart-beats every 600 ms. */
    private StompConnection producerConnection() {
        return FaultSupport.connections(context).stream().filter(c -> c.config().clientHeartBeat() == 600)
                .findFirst().orElseThrow();
    }

    @Test
    void producersAndConsumersCarryOnWithTheSurvivorAndEveryConfirmedMessageIsConsumed() throws Exception {
        long started = System.nanoTime();
        AtomicLong next = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            Thread sender = new Thread(() -> {
                for (long seq = next.getAndIncrement(); seq < MESSAGES; seq = next.getAndIncrement()) {
                    long s = seq;
                    tally.sent(s);
                    Exchange done = template.send("direct:produce",
                            e -> e.getMessage().setBody(Bodies.make(s, (int) (s % 1024))));
                    if (done.getException() == null) {
                        tally.confirmed(s);
                    }
                }
            }, "faults-failover-sender-" + i);
            senders.add(sender);
            sender.start();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> tally.confirmedCount() >= MESSAGES / 3 && tally.receivedCount() >= 100);
        StompConnection producer = producerConnection();
        StompConnection consumer = consumerConnection();
        assertThat(producer.currentBroker()).as("producer starts on A").endsWith(":" + proxyA.port());
        assertThat(consumer.currentBroker()).as("consumer starts on A").endsWith(":" + proxyA.port());

        // the consumer stalls for a while, so that A holds a backlog when it dies
        paused = true;
        await("backlog on A").atMost(Duration.ofSeconds(30)).until(() -> FaultSupport.messageCount(a, QUEUE) >= 500);

        // A dies abruptly: open links go silent (no FIN, no RST), new connections are refused, the broker crashes
        long queuedOnA = FaultSupport.messageCount(a, QUEUE);
        long killed = System.nanoTime();
        proxyA.refuse(true);
        proxyA.stall();
        FaultSupport.crash(a);
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
        int confirmedAtKill = tally.confirmedCount();
        await("both on B").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> producer.isConnected() && consumer.isConnected()
                             && producer.currentBroker().endsWith(":" + proxyB.port())
                             && consumer.currentBroker().endsWith(":" + proxyB.port()));
        long receivedOnB = onB.sum();
        await("traffic on B").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> tally.confirmedCount() > confirmedAtKill && onB.sum() > receivedOnB);
        tally.recovery(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));

        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(120));
            assertThat(sender.isAlive()).as(sender.getName() + " finished").isFalse();
        }
        // B's share is consumed on B; then A comes back and the drain route takes what A still held
        await("B drained").atMost(Duration.ofSeconds(60)).until(() -> FaultSupport.messageCount(b, QUEUE) == 0);
        a.start();
        context.getRouteController().startRoute("drain-a");
        boolean complete = FaultSupport.awaitQuietly(Duration.ofSeconds(60), () -> tally.lost().isEmpty());
        tally.extra("queuedOnAAtKill", queuedOnA);
        tally.extra("stranded", stranded.sum());
        tally.extra("consumedOnB", onB.sum());
        tally.extra("producerMissedHeartBeats", producer.stats().missedHeartBeats());
        tally.extra("consumerMissedHeartBeats", consumer.stats().missedHeartBeats());
        tally.report(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (!complete) {
            FaultSupport.diagnose(tally, context, b.server(), QUEUE);
            FaultSupport.diagnose(tally, context, a.server(), QUEUE);
        }
        assertThat(tally.corruptedCount()).as("corrupted").isZero();
        assertThat(tally.unexpected()).as("received but never sent").isEmpty();
        assertThat(tally.lost()).as("lost").isEmpty();
        assertThat(tally.confirmedCount()).as("confirmed").isEqualTo(MESSAGES);
        assertThat(producer.stats().missedHeartBeats() + consumer.stats().missedHeartBeats())
                .as("the half-open links were noticed by heart-beats").isPositive();
    }
}
