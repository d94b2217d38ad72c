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
package org.stompest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.StompConnection.State;
import org.stompest.client.testing.EmbeddedActiveMq;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.client.testing.Brokers;
import org.stompest.client.testing.Brokers.Kind;
import org.stompest.client.testing.FreePorts;
import org.stompest.client.testing.RabbitMqProcess;
import org.stompest.error.StompConnectTimeout;
import org.stompest.error.StompConnectionError;

/** Two brokers (Artemis, Classic or RabbitMQ), the active one stops: the client moves to the other and its subscriptions keep receiving. */
class FailoverIT {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverIT.class);
    @RegisterExtension
    static final Brokers brokers = Brokers.only(Kind.RABBITMQ);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void artemisFailoverKeepsSubscriptionsReceiving() throws Exception {
        try (EmbeddedArtemis a = EmbeddedArtemis.builder().build().start();
             EmbeddedArtemis b = EmbeddedArtemis.builder().build().start()) {
            failover("Artemis", a.stompUri(), b.stompUri(), a::stop);
        }
    }

    @Test
    void activeMqFailoverKeepsSubscriptionsReceiving() throws Exception {
        try (EmbeddedActiveMq a = EmbeddedActiveMq.builder().build().start();
             EmbeddedActiveMq b = EmbeddedActiveMq.builder().build().start()) {
            failover("ActiveMQ Classic", a.stompUri(), b.stompUri(), a::stop);
        }
    }

    /**
     * RabbitMQ: a second node of its own is the active broker, the run's shared node the standby; the active one
     * stops with {@code rabbitmqctl stop} (it closes its STOMP connections) and the client moves on.
     */
    @Test
    void rabbitMqFailoverKeepsSubscriptionsReceiving() throws Exception {
        try (RabbitMqProcess a = new RabbitMqProcess().start()) {
            failover("RabbitMQ", a.stompUri(), brokers.uri(Kind.RABBITMQ), a::close);
        }
    }

    private void failover(String flavour, String active, String standby, Runnable stopActive) throws Exception {
        String uri = "failover:(" + active + "," + standby + ")?randomize=false,initialReconnectDelay=10,"
                + "maxReconnectDelay=100";
        String queue = "/queue/failover-" + UUID.randomUUID();
        List<String> transitions = new CopyOnWriteArrayList<>();
        // host / for RabbitMQ (its virtual host; the others ignore it), guest/guest (the others have security off)
        try (StompConnection consumer = new StompConnection(config(uri).build());
             StompConnection producer = new StompConnection(config(standby).build())) {
            consumer.addListener(new ConnectionListener() {
                @Override
                public void stateChanged(State from, State to) {
                    transitions.add(from + "->" + to);
                }
            });
            consumer.connect();
            producer.connect();
            assertThat(consumer.currentBroker()).isEqualTo(active);
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            Subscription subscription = consumer.subscribe(queue, SubscriptionOptions.defaults(),
                    m -> received.add(new String(m.body(), StandardCharsets.UTF_8)));
            consumer.sendWithReceipt(queue, "before".getBytes(StandardCharsets.UTF_8), Map.of()).get(10,
                    TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("before");

            long stopping = System.nanoTime();
            stopActive.run();
            long stopped = System.nanoTime();
            // the producer on the standby sends until the consumer's replayed subscription gets one
            Thread sender = new Thread(() -> {
                for (int i = 0; !Thread.currentThread().isInterrupted() && i < 20_000; i++) {
                    try {
                        producer.send(queue, ("after-" + i).getBytes(StandardCharsets.UTF_8), Map.of());
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sender.start();
            String first;
            try {
                first = received.poll(20, TimeUnit.SECONDS);
            } finally {
                sender.interrupt();
                sender.join();
            }
            long arrived = System.nanoTime();
            assertThat(first).startsWith("after-");
            LOG.info("MEASURE failover {}: stop took {} ms; first message through the standby {} ms after the stop "
                    + "began ({} ms after it returned)", flavour,
                    TimeUnit.NANOSECONDS.toMillis(stopped - stopping),
                    TimeUnit.NANOSECONDS.toMillis(arrived - stopping),
                    TimeUnit.NANOSECONDS.toMillis(arrived - stopped));

            assertThat(consumer.currentBroker()).isEqualTo(standby);
            assertThat(consumer.state()).isEqualTo(State.CONNECTED);
            assertThat(consumer.subscriptions()).containsExactly(subscription);
            assertThat(subscription.isActive()).isTrue();
            assertThat(consumer.stats().reconnects()).isEqualTo(1);
            assertThat(consumer.stats().failoverAttempts()).isGreaterThanOrEqualTo(2);
            assertThat(consumer.stats().attemptsPerBroker()).containsKey(standby);
            // listeners hear of a transition after it happened: the last one may still be on its way
            await().atMost(WAIT).untilAsserted(() -> assertThat(transitions).containsExactly("NEW->CONNECTING",
                    "CONNECTING->CONNECTED", "CONNECTED->RECONNECTING", "RECONNECTING->CONNECTED"));
        }
    }

    @Test
    void brokerDownAtFirstConnectGivesStompConnectTimeoutNamingTheAttempts() {
        String down = "tcp://127.0.0.1:" + FreePorts.find();
        StompConnection connection = new StompConnection(StompConfig.builder()
                .failover("failover:(" + down + ")?startupMaxReconnectAttempts=3,initialReconnectDelay=10").build());
        assertThatThrownBy(connection::connect).isInstanceOf(StompConnectTimeout.class)
                .hasMessageStartingWith("Reconnect timeout: 3 attempts [broker=" + down + ", error=Could not establish "
                        + "connection [java.net.ConnectException: Connection refused")
                .cause().isInstanceOf(StompConnectionError.class).cause().isInstanceOf(java.net.ConnectException.class);
        assertThat(connection.state()).isEqualTo(State.FAILED);
        assertThat(connection.stats().connectAttempts()).isEqualTo(4);
        assertThat(connection.stats().failoverAttempts()).as("never connected: no failover").isZero();
        assertThat(connection.stats().attemptsPerBroker()).containsEntry(down, 4L);
        connection.close();
    }

    @Test
    void connectAsyncWaitsForABrokerThatStartsLater() throws Exception {
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().build();
             StompConnection connection = new StompConnection(StompConfig.builder()
                     .failover("failover:(" + broker.stompUri() + ")?startupMaxReconnectAttempts=-1,"
                             + "initialReconnectDelay=10,maxReconnectDelay=50").build())) {
            var connected = connection.connectAsync();
            await().atMost(WAIT).until(() -> connection.stats().connectAttempts() >= 2);
            assertThat(connection.state()).isEqualTo(State.CONNECTING);
            assertThat(connection.connectAsync()).isNotDone();
            broker.start();
            connected.get(20, TimeUnit.SECONDS);
            assertThat(connection.state()).isEqualTo(State.CONNECTED);
        }
    }

    @Test
    void reconnectGivesUpAfterMaxReconnectAttemptsAndFails() throws Exception {
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().build().start()) {
            reconnectGivesUp(broker.stompUri(), broker::stop, broker::start);
        }
    }

    /** The same on a RabbitMQ node of its own, killed with SIGKILL and restarted on its ports and Mnesia data. */
    @Test
    void rabbitMqReconnectGivesUpAfterMaxReconnectAttemptsAndFails() throws Exception {
        try (RabbitMqProcess broker = new RabbitMqProcess().start()) {
            reconnectGivesUp(broker.stompUri(), broker::kill, broker::restart);
        }
    }

    private static void reconnectGivesUp(String uri, Runnable stop, Runnable start) throws Exception {
        try (StompConnection connection = new StompConnection(config("failover:(" + uri + ")?maxReconnectAttempts=2,"
                + "initialReconnectDelay=10").build())) {
            connection.connect();
            var pending = connection.sendWithReceipt("/queue/x", new byte[0], Map.of());
            pending.get(10, TimeUnit.SECONDS);
            stop.run();
            await().atMost(WAIT).until(() -> connection.state() == State.FAILED);
            assertThat(connection.stats().lastError()).contains("Reconnect timeout: 2 attempts");
            // a later reconnect() starts again
            start.run();
            connection.reconnect();
            await().atMost(WAIT).until(() -> connection.state() == State.CONNECTED);
            assertThat(connection.stats().reconnects()).isEqualTo(1);
        }
    }

    private static StompConfig.Builder config(String failover) {
        return StompConfig.builder().failover(failover).host("/").login("guest").passcode("guest");
    }
}
