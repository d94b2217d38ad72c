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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stompest.client.testing.FakeStompPeer;
import org.stompest.protocol.StompFrame;

/** What each option puts on the wire, seen by a scripted STOMP peer that records every frame. */
class ConnectionOptionsIT extends CamelTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeStompPeer peer = FakeStompPeer.start();

    @AfterEach
    void closePeer() {
        peer.close();
    }

    private void routes(RouteBuilder builder) throws Exception {
        context.addRoutes(builder);
    }

    @Test
    void connectionOptionsShapeTheConnectFrame() throws Exception {
        peer.connectedHeaders(Map.of("version", "1.1", "heart-beat", "0,0"));
        String uri = "stompest:queue:a?failover=" + peer.uri() + "&login=app&passcode=s3cret&host=/vhost"
                     + "&version=1.1&heartBeats=5000,6000&connectHeaders.client-id=camel-1";
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to(uri);
            }
        });

        StompFrame connect = peer.awaitConnection(WAIT).awaitFrame("CONNECT", WAIT);

        assertThat(connect.headers()).containsEntry("login", "app").containsEntry("passcode", "s3cret")
                .containsEntry("host", "/vhost").containsEntry("accept-version", "1.0,1.1")
                .containsEntry("heart-beat", "5000,6000").containsEntry("client-id", "camel-1");
    }

    @Test
    void connectedTimeoutEndsAnAttemptThatGetsNoConnectedFrame() throws Exception {
        peer.onConnect((connection, connect) -> {
            // a broker that accepts TCP and reads CONNECT but never answers it
        });
        String failover = "failover:(" + peer.uri() + ")?initialReconnectDelay=10,useExponentialBackOff=false";
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:silent?failover=" + failover + "&connectedTimeout=200").to("mock:x");
            }
        });

        // with the default of 10 s there would be one attempt in this time; with 200 ms there are several
        await().atMost(WAIT).until(() -> peer.connectionCount() >= 4);
        assertThat(peer.connections().get(0).isClosed()).isTrue();
    }

    @Test
    void consumerOptionsShapeTheSubscribeFrame() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:/orders?failover=" + peer.uri() + "&ackMode=client"
                     + "&selector=RAW(region = 'EU')&subscribeHeaders.activemq.prefetchSize=10").to("mock:x");
            }
        });

        StompFrame subscribe = peer.awaitConnection(WAIT).awaitFrame("SUBSCRIBE", WAIT);

        assertThat(subscribe.headers()).containsEntry("destination", "/queue/orders").containsEntry("ack", "client")
                .containsEntry("selector", "region = 'EU'").containsEntry("activemq.prefetchSize", "10")
                .containsKey("id");
    }

    @Test
    void producerOptionsShapeTheSendFrame() throws Exception {
        String uri = "stompest:topic:news?failover=" + peer.uri() + "&sendHeaders.persistent=true";
        template.sendBodyAndHeader(uri, "hello", "x-app", 1);
        template.sendBody(uri + "&receipt=false", new byte[] { 1, 0, 2 });
        FakeStompPeer.Connection connection = peer.awaitConnection(WAIT);

        StompFrame withReceipt = connection.awaitFrame("SEND", WAIT);
        StompFrame withoutReceipt = connection.awaitFrame("SEND", WAIT);

        assertThat(withReceipt.headers()).containsEntry("destination", "/topic/news")
                .containsEntry("persistent", "true").containsEntry("x-app", "1")
                .containsEntry("content-type", "text/plain;charset=UTF-8").containsKey("receipt");
        assertThat(new String(withReceipt.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(withoutReceipt.headers()).doesNotContainKeys("receipt", "content-type")
                .containsEntry("content-length", "3");
        assertThat(withoutReceipt.body()).containsExactly(1, 0, 2);
    }

    @Test
    void aMissingReceiptFailsTheExchangeAfterReceiptTimeout() {
        peer.autoReceipts(false);
        String uri = "stompest:queue:slow?failover=" + peer.uri() + "&receiptTimeout=300";

        assertThatThrownBy(() -> template.sendBody(uri, "waiting"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().hasMessageStartingWith("SEND to /queue/slow failed: Receipt did not arrive on time");
        peer.autoReceipts(true); // so that the DISCONNECT at the end gets its receipt
    }

    @Test
    void poolSizeIsHowManyConnectionsEndpointsShare() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < 3; i++) {
                    from("stompest:queue:p" + i + "?failover=" + peer.uri() + "&poolSize=2").to("mock:x");
                    from("stompest:queue:q" + i + "?failover=" + peer.uri()).to("mock:x");
                }
            }
        });

        await().atMost(WAIT).until(() -> peer.connectionCount() == 3);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> peer.connectionCount() == 3);
    }

    @Test
    void lazyStartProducerConnectsOnTheFirstMessage() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:lazy").to("stompest:queue:lazy?failover=" + peer.uri() + "&lazyStartProducer=true");
            }
        });
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> peer.connectionCount() == 0);

        template.sendBody("direct:lazy", "now");

        assertThat(peer.awaitConnection(WAIT).awaitFrame("SEND", WAIT).headers())
                .containsEntry("destination", "/queue/lazy");
    }

    @Test
    void heartBeatToleranceIsHowMuchSilenceCountsAsALostConnection() throws Exception {
        // the broker beats every 200 ms; tolerance 50 allows 10 s of silence, tolerance 1.5 only 300 ms
        peer.connectedHeaders(Map.of("version", "1.2", "heart-beat", "200,0"));
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:patient?failover=" + peer.uri() + "&heartBeats=0,200&heartBeatTolerance=50")
                        .to("mock:x");
                from("stompest:queue:nervous?failover=" + peer.uri() + "&heartBeats=0,200&heartBeatTolerance=1.5")
                        .to("mock:x");
            }
        });
        FakeStompPeer.Connection patient = null;
        FakeStompPeer.Connection nervous = null;
        for (int i = 0; i < 2; i++) {
            FakeStompPeer.Connection connection = peer.awaitConnection(WAIT);
            connection.beatEvery(Duration.ofMillis(200));
            if ("/queue/patient".equals(connection.awaitFrame("SUBSCRIBE", WAIT).header("destination"))) {
                patient = connection;
            } else {
                nervous = connection;
            }
        }

        patient.goSilent();
        nervous.goSilent();

        FakeStompPeer.Connection lost = nervous;
        await().atMost(Duration.ofSeconds(5)).until(lost::isClosed);
        assertThat(patient.isClosed()).as("the patient connection is still there").isFalse();
    }

    @Test
    void aConnectionPoolOfTheApplicationIsUsedAndLeftOpen() throws Exception {
        org.stompest.client.ConnectionPool pool = new org.stompest.client.ConnectionPool();
        try {
            context.getComponent("stompest", org.stompest.camel.StompestComponent.class).setConnectionPool(pool);
            routes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stompest:queue:shared?failover=" + peer.uri()).routeId("shared").to("mock:x");
                }
            });
            await().atMost(WAIT).until(() -> pool.size() == 1);

            context.stop();

            assertThat(pool.lease(org.stompest.client.StompConfig.builder().failover(peer.uri()).build()))
                    .as("the pool still leases").isNotNull();
        } finally {
            pool.close();
        }
    }
}
