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
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestEndpoint;
import org.stompest.client.testing.EmbeddedArtemis;

/** {@code stompest:} endpoints take ws:// brokers, alone or mixed with tcp:// in a failover URI, unchanged. */
class WebSocketRouteIT extends CamelTestSupport {
    private static final byte[] BINARY = {0, 'w', 0, 0, (byte) 0xfe, 's', 0};

    private EmbeddedArtemis ws;
    private EmbeddedArtemis tcp;

    @BeforeEach
    void startBrokers() {
        ws = EmbeddedArtemis.builder().build().start();
        tcp = EmbeddedArtemis.builder().build().start();
    }

    @AfterEach
    void stopBrokers() {
        if (ws != null) {
            ws.close();
        }
        if (tcp != null) {
            tcp.close();
        }
    }

    private MockEndpoint route(String uri, String mock) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to(mock);
            }
        });
        return getMockEndpoint(mock);
    }

    @Test
    void aWebSocketBrokerInTheFailoverOptionCarriesBinaryBodies() throws Exception {
        String failover = "ws://127.0.0.1:" + ws.port() + "/";
        String uri = "stompest:queue:ws-binary?failover=" + failover;
        MockEndpoint mock = route(uri, "mock:ws-binary");
        mock.expectedMessageCount(1);

        template.sendBody(uri, BINARY);

        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getMessage().getBody(byte[].class)).isEqualTo(BINARY);
        assertThat(context.getEndpoint(uri, StompestEndpoint.class).getConfiguration().getFailover())
                .isEqualTo(failover);
    }

    @Test
    void aFailoverUriMixingWsAndTcpMovesTheRouteToTheTcpBroker() throws Exception {
        String failover = "failover:(ws://127.0.0.1:" + ws.port() + "/,tcp://127.0.0.1:" + tcp.port()
                + ")?randomize=false,initialReconnectDelay=10,maxReconnectDelay=100";
        String uri = "stompest:queue:ws-mixed?failover=" + failover;
        MockEndpoint mock = route(uri, "mock:ws-mixed");
        mock.expectedMinimumMessageCount(1);
        template.sendBody(uri, "over ws");
        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getMessage().getBody(String.class)).isEqualTo("over ws");
        assertThat(context.getEndpoint(uri, StompestEndpoint.class).getConfiguration().getFailover())
                .isEqualTo(failover);

        ws.stop();
        // producer and consumer both fail over to tcp:// (the only broker left); send until the moved route has one
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Exchange sent = template.send(uri, exchange -> exchange.getMessage().setBody("over tcp"));
            return sent.getException() == null && mock.getExchanges().stream()
                    .anyMatch(e -> "over tcp".equals(e.getMessage().getBody(String.class)));
        });
        assertThat(ws.isStarted()).isFalse();
    }
}
