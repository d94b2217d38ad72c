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
package org.stompest.camel.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.LambdaRouteBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.stompest.camel.StompestComponent;
import org.stompest.camel.StompestConfiguration;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.faults.Bodies;
import org.stompest.client.faults.Tally;

/**
 * The machinery of the delivery contract cases ({@link DeliveryContractCases}): one persistent broker in a child JVM
 * per test class, one CamelContext per case whose stompest component has the default options except the failover
 * URI, sender threads that drive {@code direct:produce} and count what was sent and confirmed, and the verdict.
 *
 * <p>A message is <em>confirmed</em> when its exchange completed without an exception; it is <em>lost</em> when it
 * was confirmed and never received. The producer route retries a failed send as a user would
 * ({@code maximumRedeliveries(-1)}, 50 ms apart), bounded by the case's deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveryContractSupport {
    /** Messages per case ({@code -Dcontract.messages=N}). */
    static final int MESSAGES = Integer.getInteger("contract.messages", 1000);
    /** Messages waiting in the relay throughput case ({@code -Dcontract.relay.messages=N}). */
    static final int RELAY_MESSAGES = Integer.getInteger("contract.relay.messages", 20_000);
    /** How long a case may wait for one step (sending, delivering, recovering). */
    static final Duration DEADLINE = Duration.ofSeconds(Integer.getInteger("contract.deadline.seconds", 60));
    /** How long nothing may move before a wait for sends gives up (above the 20 s requestTimeout of InOut). */
    static final Duration QUIET_SENDING = Duration.ofSeconds(25);
    /** How long nothing may arrive before a wait for deliveries gives up. */
    static final Duration QUIET_DELIVERING = Duration.ofSeconds(10);
    private static final int SENDERS = 4;
    private static final int PAYLOAD = 200;

    Path dir;
    ContractBroker broker;
    Tally tally;
    ProducerTemplate template;
    /** Planned failures: sequence numbers a failing processor threw for. */
    final Set<Long> failed = ConcurrentHashMap.newKeySet();
    /** Called before each look at the tally (a child consumer's record file is read here). */
    Runnable refresh = () -> { };
    private CamelContext context;
    private ExecutorService senders;
    private final List<ConsumerProcess> consumers = new ArrayList<>();
    private long started;

    abstract ContractBroker.Flavour flavour();

    @BeforeAll
    void startBroker() throws IOException {
        dir = Files.createTempDirectory("contract-" + flavour() + "-");
        broker = startBroker(dir.resolve("broker"));
    }

    /** The broker of the class; a cluster case returns its topology, whose {@code stompUri()} is a failover URI. */
    ContractBroker startBroker(Path brokerDir) {
        return ContractBroker.start(flavour(), brokerDir);
    }

    @AfterAll
    void stopBroker() {
        try {
            if (broker != null) {
                broker.close();
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    @AfterEach
    void stopCase() throws Exception {
        try {
            consumers.forEach(ConsumerProcess::kill);
            consumers.clear();
            if (senders != null) {
                senders.shutdownNow();
            }
            if (context != null) {
                context.stop();
            }
        } finally {
            context = null;
            if (senders != null && !senders.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("sender threads still running 10 s after the case");
            }
            senders = null;
        }
    }

    /** Starts a case: a fresh tally named after the broker and the case. */
    void begin(String name) {
        tally = new Tally(flavour() + " " + name);
        failed.clear();
        refresh = () -> { };
        started = System.nanoTime();
    }

    /** Starts a CamelContext with these routes; its stompest component has default options but the failover URI. */
    void startContext(LambdaRouteBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        context.getComponent("stompest", StompestComponent.class).getConfiguration().setFailover(broker.stompUri());
        context.getShutdownStrategy().setTimeout(5);
        RouteBuilder.addRoutes(context, routes);
        context.start();
        template = context.createProducerTemplate();
    }

    void startRoute(String routeId) throws Exception {
        context.getRouteController().startRoute(routeId);
    }

    /** {@code direct:produce} to {@code uri}, retrying a failed send until the case ends, as a user would. */
    static void producerRoute(RouteBuilder rb, ExchangePattern pattern, String uri) {
        rb.from("direct:produce").routeId("producer")
                .errorHandler(rb.defaultErrorHandler().maximumRedeliveries(-1).redeliveryDelay(50))
                .to(pattern, uri);
    }

    /** Records each body's sequence number in the tally; a ping sets {@code pinged}. */
    Processor record(AtomicBoolean pinged) {
        return exchange -> {
            byte[] body = exchange.getMessage().getBody(byte[].class);
            if (Pings.isPing(body)) {
                pinged.set(true);
                return;
            }
            long seq = Bodies.verify(body);
            if (seq == Bodies.CORRUPT) {
                tally.corrupted();
            } else {
                tally.received(seq);
            }
        };
    }

    /** Throws for every 10th message the first time it sees it. */
    Processor failEvery10thOnce() {
        return exchange -> {
            long seq = Bodies.verify(exchange.getMessage().getBody(byte[].class));
            if (seq >= 0 && seq % 10 == 0 && failed.add(seq)) {
                throw new PlannedFailure(seq);
            }
        };
    }

    /** Takes 2 ms per message. */
    static Processor slow() {
        return exchange -> Thread.sleep(2);
    }

    /** Sends {@code count} messages on {@code direct:produce} from several threads in the background. */
    void startSending(int count) {
        startSending(count, (seq, done) -> done.getException() == null);
    }

    /** Like {@link #startSending(int)}; {@code confirms} decides whether a finished exchange confirmed its message. */
    void startSending(int count, BiPredicate<Long, Exchange> confirms) {
        startSending(new AtomicLong(count), 0, confirms);
    }

    /**
     * Sends sequence numbers from 0 up to {@code end} in the background, {@code end} read before each send (lower it
     * to stop the stream); each sender thread pauses {@code pauseMillis} before each send (a paced stream that is
     * still flowing when a fault comes).
     */
    void startSending(AtomicLong end, long pauseMillis, BiPredicate<Long, Exchange> confirms) {
        AtomicLong next = new AtomicLong();
        senders = Executors.newFixedThreadPool(SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            senders.execute(() -> {
                for (long seq = next.getAndIncrement(); seq < end.get() && !Thread.currentThread().isInterrupted();
                     seq = next.getAndIncrement()) {
                    long s = seq;
                    if (pauseMillis > 0 && !pause(pauseMillis)) {
                        return;
                    }
                    tally.sent(s);
                    Exchange done = template.send("direct:produce",
                            e -> e.getMessage().setBody(Bodies.make(s, PAYLOAD)));
                    if (confirms.test(s, done)) {
                        tally.confirmed(s);
                    }
                }
            });
        }
    }

    /** Waits (bounded) until the sender threads ended: every send they took on completed (once its end is lowered). */
    void awaitSendersDone(String missing) throws InterruptedException {
        senders.shutdown();
        if (!senders.awaitTermination(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            report();
            throw new AssertionError(tally.name() + ": the senders did not finish within " + DEADLINE.toSeconds()
                                     + " s (" + missing + "); " + tally.summary());
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis); // pacing the stream, not waiting for a condition
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A consumer route in a child JVM, killed after the case; its record feeds the tally on each refresh. */
    ConsumerProcess startConsumerJvm(String name, String endpointUri, String missing) {
        return startConsumerJvm(name, broker.stompUri(), endpointUri, missing);
    }

    /**
     * A consumer route in a child JVM on {@code failover}, killed after the case; the records of every consumer JVM
     * of the case feed the tally on each refresh.
     */
    ConsumerProcess startConsumerJvm(String name, String failover, String endpointUri, String missing) {
        ConsumerProcess consumer;
        try {
            consumer = ConsumerProcess.start(flavour() + "-" + name, dir.resolve(name), failover, endpointUri);
        } catch (IllegalStateException e) {
            throw new AssertionError(tally.name() + ": the consumer JVM did not start (" + missing + "): "
                                     + e.getMessage(), e);
        }
        consumers.add(consumer);
        List<ConsumerProcess> polled = List.copyOf(consumers);
        refresh = () -> polled.forEach(c -> c.poll(tally));
        return consumer;
    }

    /** Pings {@code endpointUri} until {@code pinged}: the subscription behind it is live before counting starts. */
    void awaitLive(String endpointUri, AtomicBoolean pinged, String missing) {
        if (!Pings.awaitLive(template, endpointUri, pinged::get)) {
            throw new AssertionError(tally.name() + ": no ping sent to " + endpointUri + " reached its consumer in 10 s ("
                                     + missing + ")");
        }
    }

    /**
     * Puts {@code count} messages into {@code destination} with a plain stomp-client producer ({@code persistent:true},
     * a receipt every 500 messages); a message counts as confirmed once a receipt after it came back.
     */
    void prefill(String destination, int count) throws Exception {
        // host / as the component's default: RabbitMQ's virtual host, ignored by the others
        StompConnection connection = new StompConnection(StompConfig.builder().failover(broker.stompUri())
                .host(StompestConfiguration.DEFAULT_HOST).build());
        connection.connect();
        try {
            int confirmedUpTo = 0;
            for (int seq = 0; seq < count; seq++) {
                tally.sent(seq);
                Map<String, String> headers = new HashMap<>();
                headers.put("persistent", "true");
                byte[] body = Bodies.make(seq, PAYLOAD);
                if (seq % 500 == 499 || seq == count - 1) {
                    connection.sendWithReceipt(destination, body, headers).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                    for (; confirmedUpTo <= seq; confirmedUpTo++) {
                        tally.confirmed(confirmedUpTo);
                    }
                } else {
                    connection.send(destination, body, headers);
                }
            }
        } finally {
            connection.disconnect();
        }
    }

    /** Awaits the condition (refreshing the tally first); false when it did not hold within {@code atMost}. */
    boolean awaitQuietly(Duration atMost, BooleanSupplier condition) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(10)).until(() -> {
                refresh.run();
                return condition.getAsBoolean();
            });
            return true;
        } catch (ConditionTimeoutException | Stalled e) {
            return false;
        }
    }

    /** Awaits a step of the case; fails with the tally so far, naming the step and what is missing. */
    void awaitStep(String step, BooleanSupplier condition, String missing) {
        if (!awaitQuietly(DEADLINE, condition)) {
            throw new AssertionError(tally.name() + ": " + step + " did not happen within " + DEADLINE.toSeconds()
                                     + " s (" + missing + "); so far " + tally.summary());
        }
    }

    /**
     * Kills the broker with SIGKILL once {@code confirmed} messages were confirmed, restarts it at once on the same
     * port and data, and records the time from its accepting connections to the next confirmed send.
     */
    void killBrokerAfter(int confirmed, int count, String missing) {
        awaitStep(confirmed + " confirmed before the broker kill", () -> tally.confirmedCount() >= confirmed, missing);
        broker.kill();
        int before = tally.confirmedCount();
        tally.extra("confirmedAtKill", before);
        long accepting = broker.restart();
        if (awaitQuietly(DEADLINE, () -> tally.confirmedCount() > before || tally.confirmedCount() >= count)) {
            tally.recovery(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accepting));
        } else {
            tally.extra("recovery", "none-within-" + DEADLINE.toSeconds() + "s");
        }
    }

    /**
     * Awaits the condition (refreshing the tally first) while messages keep moving: false when it did not hold
     * within {@link #DEADLINE}, or when no send was confirmed and nothing delivered for {@code quiet}.
     */
    boolean awaitWhileMoving(Duration quiet, BooleanSupplier condition) {
        return awaitWhileMoving(DEADLINE, quiet, () -> tally.confirmedCount() + tally.deliveries(), condition);
    }

    /** Like {@link #awaitWhileMoving(Duration, BooleanSupplier)}, with its own measure of progress and deadline. */
    boolean awaitWhileMoving(Duration atMost, Duration quiet, LongSupplier moved, BooleanSupplier condition) {
        long[] last = {-1, System.nanoTime()}; // progress seen, when it last changed
        return awaitQuietly(atMost, () -> {
            if (condition.getAsBoolean()) {
                return true;
            }
            long progress = moved.getAsLong();
            if (progress != last[0]) {
                last[0] = progress;
                last[1] = System.nanoTime();
            }
            if (System.nanoTime() - last[1] > quiet.toNanos()) {
                throw new Stalled();
            }
            return false;
        });
    }

    /** Awaits every send; fails (after reporting) naming the stall. */
    void awaitConfirmed(int count, String missing) {
        if (!awaitWhileMoving(QUIET_SENDING, () -> tally.confirmedCount() >= count)) {
            report();
            throw new AssertionError(tally.name() + ": only " + tally.confirmedCount() + " of " + count
                                     + " sends completed; the route stalled (nothing moved for "
                                     + QUIET_SENDING.toSeconds() + " s, or " + DEADLINE.toSeconds() + " s passed) ("
                                     + missing + "); " + tally.summary());
        }
    }

    /**
     * The verdict of a case with the full promise: waits until every confirmed message arrived (bounded), reports
     * the one line and asserts nothing confirmed was lost and every one of {@code count} sends completed.
     */
    void verdict(int count, String missing) {
        awaitWhileMoving(QUIET_DELIVERING, () -> tally.confirmedCount() >= count && tally.lost().isEmpty());
        report();
        assertThat(tally.corruptedCount()).as(tally.name() + ": corrupted bodies").isZero();
        assertThat(tally.unexpected()).as(tally.name() + ": received but never sent").isEmpty();
        Set<Long> lost = tally.lost();
        if (!lost.isEmpty()) {
            throw new AssertionError(lostMessage("", lost, missing));
        }
        assertThat(tally.confirmedCount())
                .as(tally.name() + ": sends completed (" + missing + "); " + tally.summary()).isEqualTo(count);
    }

    String lostMessage(String which, Set<Long> lost, String missing) {
        return tally.name() + ": lost " + lost.size() + which + " of " + tally.confirmedCount()
               + " confirmed messages, first " + first(lost, 10) + "; missing behaviour: " + missing + "; "
               + tally.summary();
    }

    void report() {
        if (!failed.isEmpty()) {
            tally.extra("plannedFailures", failed.size());
        }
        tally.report(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    static List<Long> first(Set<Long> numbers, int n) {
        return new TreeSet<>(numbers).stream().limit(n).toList();
    }

    /** Thrown inside an await: nothing moved for too long. */
    private static final class Stalled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stalled() {
            super(null, null, false, false);
        }
    }

    /** A planned failure of a processor (no stack trace: there are many of them). */
    static final class PlannedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PlannedFailure(long seq) {
            super("planned failure of message " + seq, null, false, false);
        }
    }

    private static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temp dir left behind is harmless
        }
    }
}
