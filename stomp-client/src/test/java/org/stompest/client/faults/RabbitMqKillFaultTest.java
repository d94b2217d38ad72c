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
package org.stompest.client.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.testing.RabbitMqProcess;

/**
 * The reproduction behind the README's RabbitMQ durability note, in the configuration that holds: a plain producer
 * sends persistent messages ({@code persistent:true}, a receipt per SEND, 20 in flight) to a queue declared
 * beforehand ({@link RabbitMqProcess#declareDurably}), RabbitMQ is killed with SIGKILL mid-stream, restarted on the
 * same data, and a plain consumer drains the queue: every message whose RECEIPT came is there, on a classic and on a
 * quorum queue (one producer each, in parallel, one kill).
 * <p>What does not hold (seen on RabbitMQ 3.10.8, not asserted: it does not happen every time): when the queue is
 * declared by the stream's own first SEND, moments before the kill, the node may come back without the queue (classic:
 * 2 of 7 runs, the queue missing from {@code rabbitmqctl list_queues}) or with it empty (quorum: 6 of 6), and every
 * confirmed message is gone. With the queue declared 3 s before the stream instead, no confirmed message was lost
 * (classic 12 of 12 runs, quorum 4 of 4, about 320 confirmed each). Those runs used a stomp.py producer of the same
 * shape (easier to repeat by the dozen); an earlier version of this test, declaring by the first SEND, lost all 1,348
 * confirmed (classic, after 20,000 messages through another queue) and all 2,011 (quorum) in one run each.
 * System property {@code rabbitmq.kill.rounds} (default 1) repeats the kill on the same node.
 */
@Tag("faults")
class RabbitMqKillFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int WINDOW = 20;

    @Test
    void confirmedPersistentMessagesOfDeclaredQueuesSurviveSigkill() throws Exception {
        int rounds = Integer.getInteger("rabbitmq.kill.rounds", 1);
        List<Stream> streams = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            streams.add(new Stream(round, "classic", Map.of()));
            streams.add(new Stream(round, "quorum", Map.of("x-queue-type", "quorum")));
        }
        try (RabbitMqProcess rabbit = new RabbitMqProcess().start()) {
            Map<String, Map<String, String>> queues = new java.util.LinkedHashMap<>();
            streams.forEach(stream -> queues.put(stream.queue, stream.arguments));
            rabbit.declareDurably(queues);
            StompConfig config = StompConfig.builder()
                    .failover("failover:(" + rabbit.stompUri() + ")?maxReconnectAttempts=0")
                    .host("/").login("guest").passcode("guest").build();
            for (int round = 0; round < rounds; round++) {
                int r = round;
                List<Stream> these = streams.stream().filter(s -> s.round == r).toList();
                long killAt = 300 + (long) (Math.random() * 700);
                long killed = produceUntilKilled(rabbit, config, these, killAt);
                rabbit.restart();
                for (Stream stream : these) {
                    stream.tally.recovery(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
                    drain(config, stream);
                    stream.tally.extra("killAt", killAt);
                    stream.tally.report(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
                }
                for (Stream stream : these) {
                    assertThat(stream.tally.confirmedCount()).as(stream.tally.name() + ": confirmed before the kill")
                            .isGreaterThanOrEqualTo((int) killAt);
                    assertThat(stream.tally.lost()).as(stream.tally.name() + ": confirmed, not there after the restart")
                            .isEmpty();
                }
            }
        }
    }

    /** One producer's queue and its bookkeeping. */
    private static final class Stream {
        final int round;
        final String queue;
        final Map<String, String> arguments;
        final Tally tally;

        Stream(int round, String type, Map<String, String> arguments) {
            this.round = round;
            this.queue = "/queue/kill-" + type + "-" + UUID.randomUUID();
            this.arguments = arguments;
            this.tally = new Tally("rabbitmq " + type + " producer sigkill");
        }
    }

    private static void drain(StompConfig config, Stream stream) {
        try (StompConnection consumer = new StompConnection(config)) {
            consumer.connect();
            consumer.subscribe(stream.queue, SubscriptionOptions.builder().ackMode("client-individual").prefetch(500)
                    .headers(stream.arguments).build(), m -> {
                        stream.tally.received(seq(m.body()));
                        m.ack();
                    });
            awaitQuietly(() -> stream.tally.lost().isEmpty());
        }
    }

    /**
     * One producer per stream, in parallel, each until {@code killAt} of its sends are confirmed; then the node is
     * killed with sends still in flight. Returns nanoTime of the kill.
     */
    private static long produceUntilKilled(RabbitMqProcess rabbit, StompConfig config, List<Stream> streams,
            long killAt) throws Exception {
        List<StompConnection> producers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicBoolean failed = new AtomicBoolean();
        try {
            for (Stream stream : streams) {
                StompConnection producer = new StompConnection(config);
                producers.add(producer);
                producer.connect();
                // a SEND declares its queue too: it must carry the same arguments, else RabbitMQ refuses it
                Map<String, String> headers = new HashMap<>(stream.arguments);
                headers.put("persistent", "true");
                Thread thread = new Thread(() -> send(producer, stream, headers, failed), "kill-producer");
                threads.add(thread);
                thread.start();
            }
            await().atMost(WAIT).until(() -> failed.get()
                    || streams.stream().allMatch(s -> s.tally.confirmedCount() >= killAt));
            long killed = System.nanoTime();
            rabbit.kill(); // sends still in flight
            failed.set(true); // the producers stop
            for (Thread thread : threads) {
                thread.join(WAIT.toMillis());
            }
            return killed;
        } finally {
            producers.forEach(StompConnection::close);
        }
    }

    private static void send(StompConnection producer, Stream stream, Map<String, String> headers,
            AtomicBoolean stop) {
        Semaphore inFlight = new Semaphore(WINDOW);
        try {
            for (long seq = 0; !stop.get(); seq++) {
                if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    seq--;
                    continue;
                }
                long n = seq;
                stream.tally.sent(n);
                producer.sendWithReceipt(stream.queue, body(n), headers).whenComplete((frame, e) -> {
                    inFlight.release();
                    if (e == null) {
                        stream.tally.confirmed(n);
                    } else {
                        stop.set(true); // the kill: what was not sent yet is not counted as sent
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the connection went with the kill
        }
    }

    /** Waits until {@code done}, at most {@link #WAIT}; the caller asserts, naming what is lost. */
    private static void awaitQuietly(java.util.function.BooleanSupplier done) {
        try {
            await().atMost(WAIT).pollDelay(Duration.ofMillis(200)).until(done::getAsBoolean);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // asserted by the caller with the lost sequence numbers
        }
    }

    private static byte[] body(long seq) {
        return (seq + ":" + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII);
    }

    private static long seq(byte[] body) {
        String text = new String(body, StandardCharsets.US_ASCII);
        return Long.parseLong(text.substring(0, text.indexOf(':')));
    }
}
