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

import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

class StompConfigTest {
    @Test
    void defaults() {
        StompConfig config = StompConfig.builder().build();
        assertThat(config.failover()).isEqualTo("tcp://localhost:61613");
        assertThat(config.version()).isEqualTo("1.2");
        assertThat(config.clientHeartBeat()).isEqualTo(10_000);
        assertThat(config.serverHeartBeat()).isEqualTo(10_000);
        assertThat(config.heartBeatTolerance()).isEqualTo(2.0);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.connectedTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.receiptTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.hostnameVerification()).isTrue();
        assertThat(config.maxConnections()).isEqualTo(1);
        assertThat(config.connectHeaders()).isEmpty();
        assertThat(config.failoverUri().brokers()).hasSize(1);
    }

    @Test
    void toStringMasksThePasscode() {
        StompConfig config = StompConfig.builder().login("user").passcode("s3cret")
                .connectHeaders(Map.of("passcode", "other-secret", "client-id", "c1")).build();
        assertThat(config.toString()).contains("login=user", "passcode=***", "client-id=c1")
                .doesNotContain("s3cret", "other-secret");
    }

    @Test
    void equalityIgnoresTheNameAndComparesTheSslContextByIdentity() throws Exception {
        SSLContext ssl = SSLContext.getDefault();
        StompConfig a = StompConfig.builder().login("u").passcode("p").sslContext(ssl).name("a").build();
        StompConfig b = StompConfig.builder().login("u").passcode("p").sslContext(ssl).name("b").build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(a.toBuilder().passcode("q").build());
        assertThat(a).isNotEqualTo(a.toBuilder().sslContext(SSLContext.getInstance("TLS")).build());
        assertThat(a.toBuilder().build()).isEqualTo(a);
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> StompConfig.builder().failover("tcp://nowhere").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid failover: invalid uri");
        assertThatThrownBy(() -> StompConfig.builder().version("1.3").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid version: 1.3");
        assertThatThrownBy(() -> StompConfig.builder().heartBeats(-1, 0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid heartBeats");
        assertThatThrownBy(() -> StompConfig.builder().heartBeatTolerance(0.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid heartBeatTolerance");
        assertThatThrownBy(() -> StompConfig.builder().receiptTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid receiptTimeout");
        assertThatThrownBy(() -> StompConfig.builder().maxConnections(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid maxConnections");
    }

    @Test
    void subscriptionOptionsValidate() {
        assertThat(SubscriptionOptions.defaults().ackMode()).isEqualTo("auto");
        assertThat(SubscriptionOptions.defaults().concurrency()).isEqualTo(1);
        assertThat(SubscriptionOptions.defaults().queueCapacity()).isEqualTo(1000);
        assertThatThrownBy(() -> SubscriptionOptions.builder().ackMode("sometimes").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid ackMode: sometimes");
        assertThatThrownBy(() -> SubscriptionOptions.builder().concurrency(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid concurrency");
    }

    @Test
    void handshakeErrorHeadersAreUnescapedLeniently() {
        assertThat(Connector.unescapeLeniently("Security Error occurred\\c bad"))
                .isEqualTo("Security Error occurred: bad");
        assertThat(Connector.unescapeLeniently("a\\nb\\rc\\\\d\\x\\")).isEqualTo("a\nb\rc\\d\\x\\");
        assertThat(Connector.unescapeLeniently("plain")).isEqualTo("plain");
    }
}
