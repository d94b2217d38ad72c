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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.ConnectionListener;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.testing.BrokerExtension;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * Case 3, network faults between client and broker, through a {@link TcpProxy} on loopback: a producer and a
 * consumer connection (both through the proxy, heart-beats offered at 200 ms, tolerance 2; Artemis negotiates no
 * less than 500 ms) stream checksummed binary messages of random sizes while the proxy
 * <ol>
 * <li>stalls every link (half-open: no FIN, no RST, nothing forwarded): the heart-beats must notice, the client
 * reconnects by itself;</li>
 * <li>resets every link in the middle of a frame;</li>
 * <li>adds 100 ms of latency for two seconds: no false alarm (no reconnect);</li>
 * <li>stalls every link and swallows new connections (they connect, CONNECT goes nowhere) for two seconds: the
 * CONNECTED timeout must end each attempt, and the client connects once the path is back.</li>
 * </ol>
 * Every confirmed message must arrive intact (checksum), none may be lost; duplicates are counted; once both
 * connections and the proxy are closed no thread of theirs is left.
 */
@Tag("faults")
class NetworkFaultTest {
    @RegisterExtension
    static final BrokerExtension<EmbeddedArtemis> broker = BrokerExtension.artemis();

    /** When a connection last left CONNECTED. */
    private static final class Losses implements ConnectionListener {
        final List<Long> lostAt = new CopyOnWriteArrayList<>();

        @Override
        public void stateChanged(StompConnection.State from, StompConnection.State to) {
            if (from == StompConnection.State.CONNECTED && to == StompConnection.State.RECONNECTING) {
                lostAt.add(System.nanoTime());
            }
        }
    }

    @Test
    void stallsCutsAndLatencyNeitherLoseNorCorruptAConfirmedMessage() throws Exception {
        Tally tally = new Tally("network");
        ThreadLeaks threads = ThreadLeaks.snapshot();
        String queue = "/queue/faults.network";
        long started = System.nanoTime();
        try (TcpProxy proxy = TcpProxy.start(broker.get().port())) {
            StompConfig config = StompConfig.builder()
                    .failover("failover:(" + proxy.uri() + ")?initialReconnectDelay=20,maxReconnectDelay=250,"
                              + "useExponentialBackOff=false,maxReconnectAttempts=-1,startupMaxReconnectAttempts=-1")
                    .heartBeats(200, 200).heartBeatTolerance(2.0)
                    .connectTimeout(Duration.ofSeconds(1)).connectedTimeout(Duration.ofSeconds(1))
                    .receiptTimeout(Duration.ofSeconds(5))
                    .build();
            StompConnection consumer = new StompConnection(config.toBuilder().name("net-consumer").build());
            StompConnection producer = new StompConnection(config.toBuilder().name("net-producer").build());
            Losses consumerLosses = new Losses();
            Losses producerLosses = new Losses();
            consumer.addListener(consumerLosses);
            producer.addListener(producerLosses);
            VerifyingListener listener = new VerifyingListener(tally);
            ReliableProducer sender = new ReliableProducer(producer, queue, tally, new AtomicLong(), 32,
                    seq -> (seq * 7919) % 4096, Map.of(), Duration.ofSeconds(5)).throttle(() -> 2000);
            Thread sending = new Thread(() -> sender.run(Long.MAX_VALUE), "faults-network-producer");
            try {
                consumer.subscribe(queue, SubscriptionOptions.builder().ackMode("client-individual").build(),
                        listener);
                consumer.connect();
                producer.connect();
                tally.extra("heartBeats", producer.clientHeartBeat() + "," + producer.serverHeartBeat());
                sending.start();
                flowing(tally, 500);

                // 1. half-open: stall every link
                long stall = fault(tally, producer, consumer, proxy::stall, true);
                tally.extra("stallDetected", detection(stall, producerLosses, consumerLosses) + "ms");

                // 2. reset in the middle of a frame
                fault(tally, producer, consumer, proxy::cutMidFrame, true);

                // 3. latency below the heart-beat tolerance: traffic goes on, nobody reconnects
                long producerEpoch = producer.epoch();
                long consumerEpoch = consumer.epoch();
                proxy.latency(Duration.ofMillis(100));
                int before = tally.confirmedCount();
                await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                        .until(() -> tally.confirmedCount() > before);
                proxy.latency(Duration.ZERO);
                assertThat(producer.epoch()).as("producer reconnected under latency").isEqualTo(producerEpoch);
                assertThat(consumer.epoch()).as("consumer reconnected under latency").isEqualTo(consumerEpoch);
                tally.extra("underLatency", tally.confirmedCount() - before);

                // 4. dead path: links stall and new connections are swallowed for 2 s
                fault(tally, producer, consumer, () -> {
                    proxy.blackhole(true);
                    proxy.stall();
                    // the outage lasts a fixed time
                    java.util.concurrent.CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS).execute(proxy::heal);
                }, true);
                assertThat(producer.stats().failoverAttempts()).isGreaterThan(3);

                flowing(tally, 500);
                sender.stop();
                sending.join(TimeUnit.SECONDS.toMillis(60));
                assertThat(sending.isAlive()).as("producer finished").isFalse();
                await("every confirmed message received").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> tally.lost().isEmpty());
            } finally {
                sender.stop();
                producer.close();
                consumer.close();
            }
            tally.extra("sendFailures", sender.failures());
            tally.extra("ackFailures", listener.ackFailures());
            tally.extra("proxyLinks", proxy.connectionCount());
            tally.report(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        // readers, reconnect threads, subscription workers and the proxy's forwarders are all gone
        threads.assertNoLeaks(Duration.ofSeconds(10));
        assertThat(tally.corruptedCount()).as("corrupted bodies").isZero();
        assertThat(tally.unexpected()).as("received but never sent").isEmpty();
        assertThat(tally.lost()).as("lost").isEmpty();
        assertThat(tally.confirmedCount()).isGreaterThan(2000);
        assertThat(tally.maxRecovery()).as("recovery ms").isLessThan(15_000);
    }

    /** Waits until {@code more} further messages were confirmed and received. */
    private static void flowing(Tally tally, int more) {
        int confirmed = tally.confirmedCount();
        int received = tally.receivedCount();
        await("traffic flows").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> tally.confirmedCount() >= confirmed + more && tally.receivedCount() >= received + more);
    }

    /**
     * Injects a fault and waits for the recovery: both connections reconnected (if {@code reconnects}) and traffic
     * flowing again (50 more messages confirmed and received). Records and returns the fault's start (nanoTime).
     */
    private static long fault(Tally tally, StompConnection producer, StompConnection consumer, Runnable inject,
                              boolean reconnects) {
        long producerEpoch = producer.epoch();
        long consumerEpoch = consumer.epoch();
        long start = System.nanoTime();
        inject.run();
        if (reconnects) {
            await("both connections reconnected").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> producer.epoch() > producerEpoch && consumer.epoch() > consumerEpoch
                                 && producer.isConnected() && consumer.isConnected());
        }
        flowing(tally, 50);
        tally.recovery(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return start;
    }

    /** From the stall to the later of the two connections noticing it. */
    private static long detection(long stall, Losses producer, Losses consumer) {
        long noticed = Math.max(firstAfter(stall, producer), firstAfter(stall, consumer));
        return TimeUnit.NANOSECONDS.toMillis(noticed - stall);
    }

    private static long firstAfter(long time, Losses losses) {
        return losses.lostAt.stream().filter(t -> t >= time).findFirst()
                .orElseThrow(() -> new AssertionError("connection never noticed the stall"));
    }
}
