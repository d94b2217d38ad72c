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
package org.stompest.bench.failover;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.stompest.bench.e2e.RawStomp;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * Part 3: milliseconds from stopping the broker a consumer is connected to until the first message reaches it
 * through the other broker. Two embedded Artemis brokers in this JVM (so one clock times both ends); the consumer
 * uses {@code failover:(tcp://A,tcp://B)?randomize=false} with the default {@code initialReconnectDelay}. Each round
 * puts one message on the standby broker, notes the time, stops the active broker and waits for the message; the
 * stopped broker is started again (empty) and becomes the standby of the next round.
 * <pre>
 * RESULT &lt;client&gt; &lt;ms round 1&gt; &lt;ms round 2&gt; ...
 * </pre>
 */
public final class FailoverMain {
    private static final String DESTINATION = "/queue/bench.failover";

    private FailoverMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        int rounds = Integer.parseInt(args[0]);
        List<String> clients = List.of(args[1].split(","));
        EmbeddedArtemis a = EmbeddedArtemis.builder().build().start();
        EmbeddedArtemis b = EmbeddedArtemis.builder().build().start();
        String failover = "failover:(" + a.stompUri() + "," + b.stompUri() + ")?randomize=false";
        protocol.println("INFO uri " + failover);
        try {
            for (String client : clients) {
                if (!a.isStarted()) {
                    a.start();
                }
                if (!b.isStarted()) {
                    b.start();
                }
                List<Double> millis = new ArrayList<>();
                try {
                    millis = run(client, failover, a, b, rounds);
                    protocol.println("RESULT " + client + " " + String.join(" ",
                            millis.stream().map(m -> String.format("%.1f", m)).toList()));
                } catch (Exception e) {
                    e.printStackTrace();
                    protocol.println("FAIL " + client + " " + String.valueOf(e).replace('\n', ' '));
                }
                protocol.flush();
            }
        } finally {
            a.close();
            b.close();
        }
        System.exit(0);
    }

    /** What arrives: the clock of the first delivery after {@link #armedAt}. */
    private static final class Probe implements Consumer<Object> {
        final AtomicLong armedAt = new AtomicLong();
        volatile CountDownLatch arrived = new CountDownLatch(1);
        final AtomicLong arrivedAt = new AtomicLong();

        @Override
        public void accept(Object message) {
            if (armedAt.get() != 0 && arrivedAt.compareAndSet(0, System.nanoTime())) {
                arrived.countDown();
            }
        }

        void arm() {
            arrivedAt.set(0);
            arrived = new CountDownLatch(1);
            armedAt.set(System.nanoTime());
        }
    }

    private static List<Double> run(String client, String failover, EmbeddedArtemis a, EmbeddedArtemis b, int rounds)
            throws Exception {
        Probe probe = new Probe();
        AutoCloseable consumer = start(client, failover, probe);
        try {
            // randomize=false: the consumer is on A
            awaitActive(a);
            EmbeddedArtemis active = a;
            EmbeddedArtemis standby = b;
            List<Double> millis = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                byte[] body = ("failover " + round).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                RawStomp.fill(standby.stompUri(), DESTINATION, body, 1);
                Thread.sleep(300); // the consumer is settled on the active broker
                probe.arm();
                long start = probe.armedAt.get();
                active.stop();
                if (!probe.arrived.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("No message through " + standby + " within 30 s [round="
                            + round + "]");
                }
                millis.add((probe.arrivedAt.get() - start) / 1e6);
                System.err.printf("[failover] %s round %d: %.1f ms%n", client, round, millis.get(round));
                active.start();
                EmbeddedArtemis swap = active;
                active = standby;
                standby = swap;
            }
            return millis;
        } finally {
            consumer.close();
        }
    }

    /** Waits until the active broker has a consumer on the queue (the subscription went through). */
    private static void awaitActive(EmbeddedArtemis broker) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var queue = broker.server() == null ? null : broker.server().locateQueue("bench.failover");
            if (queue != null && queue.getConsumerCount() > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("No consumer on " + broker + " after 6 s");
    }

    private static AutoCloseable start(String client, String failover, Probe probe) throws Exception {
        switch (client) {
            case "stomp-client": {
                StompConnection connection = new StompConnection(StompConfig.builder().failover(failover).build());
                connection.connect();
                connection.subscribe(DESTINATION, SubscriptionOptions.builder().ackMode("auto").build(),
                        probe::accept);
                return connection::close;
            }
            case "camel": {
                CamelContext context = new DefaultCamelContext();
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("stompest:queue:bench.failover?ackMode=auto&failover=RAW(" + failover + ")")
                                .process(exchange -> probe.accept(exchange));
                    }
                });
                context.start();
                return context::stop;
            }
            default:
                throw new IllegalArgumentException("Unknown client for failover: " + client);
        }
    }
}
