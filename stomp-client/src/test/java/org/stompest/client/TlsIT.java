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

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.client.testing.TestTls;
import org.stompest.error.StompConnectTimeout;

/** TLS with a key store made by the test; hostname verification on by default. */
class TlsIT {
    @Test
    void connectsToLocalhostOverTlsWithHostnameVerification() throws Exception {
        TestTls tls = TestTls.generate();
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().tls(tls).build().start();
             StompConnection connection = new StompConnection(StompConfig.builder().failover(broker.stompUri())
                     .sslContext(tls.clientSslContext()).build())) {
            assertThat(connection.config().hostnameVerification()).isTrue();
            assertThat(broker.stompUri()).startsWith("ssl://localhost:");
            connection.connect();
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            connection.subscribe("/queue/tls", SubscriptionOptions.defaults(), received::add);
            connection.sendWithReceipt("/queue/tls", "secret stuff".getBytes(StandardCharsets.UTF_8), Map.of())
                    .get(10, TimeUnit.SECONDS);
            assertThat(new String(received.poll(10, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))
                    .isEqualTo("secret stuff");
        }
    }

    @Test
    void certificateForAnotherHostFailsVerificationUnlessItIsTurnedOff() {
        TestTls tls = TestTls.forHost("broker.example.org");
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().tls(tls).build().start()) {
            StompConfig config = StompConfig.builder().failover(broker.stompUri()).sslContext(tls.clientSslContext())
                    .build();
            StompConnection verifying = new StompConnection(config);
            assertThatThrownBy(verifying::connect).isInstanceOf(StompConnectTimeout.class)
                    .hasMessageContaining("No subject alternative DNS name matching localhost found")
                    .rootCause().isInstanceOf(java.security.cert.CertificateException.class);
            verifying.close();
            assertThat(findCause(verifyingError(config), SSLHandshakeException.class)).isTrue();

            try (StompConnection trusting = new StompConnection(config.toBuilder().hostnameVerification(false)
                    .build())) {
                trusting.connect();
                assertThat(trusting.isConnected()).isTrue();
            }
        }
    }

    @Test
    void untrustedCertificateIsRefused() {
        TestTls tls = TestTls.generate();
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().tls(tls).build().start()) {
            StompConfig config = StompConfig.builder().failover(broker.stompUri())
                    .sslContext(TestTls.generate().clientSslContext()).build(); // trusts another certificate
            assertThat(findCause(verifyingError(config), SSLHandshakeException.class)).isTrue();
        }
    }

    private static Throwable verifyingError(StompConfig config) {
        StompConnection connection = new StompConnection(config);
        try {
            connection.connect();
            throw new AssertionError("connected");
        } catch (StompConnectTimeout e) {
            return e;
        } finally {
            connection.close();
        }
    }

    private static boolean findCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
