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

import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestComponent;
import org.stompest.camel.StompestEndpoint;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.client.testing.TestTls;

/** login and passcode against a broker with security on; TLS with the endpoint's or the global SSL parameters. */
class SecurityIT extends CamelTestSupport {
    private static TestTls tls;
    private static EmbeddedArtemis secured;

    @BeforeAll
    static void startBroker() {
        tls = TestTls.generate();
        secured = EmbeddedArtemis.builder().users(Map.of("app", "s3cret")).tls(tls).build().start();
    }

    @AfterAll
    static void stopBroker() {
        secured.close();
    }

    static SSLContextParameters trusting(TestTls tls) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + tls.keyStorePath());
        trustStore.setPassword(tls.password());
        trustStore.setType(tls.keyStoreType());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    private void roundTrip(String options) throws Exception {
        String uri = "stompest:queue:secure?failover=" + secured.stompUri() + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:secure");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:secure");
        mock.expectedBodiesReceived("over TLS, logged in");
        template.sendBody(uri, "over TLS, logged in");
        mock.assertIsSatisfied();
    }

    @Test
    void sslContextParametersAndCredentialsConnect() throws Exception {
        context.getRegistry().bind("tls", trusting(tls));

        roundTrip("&sslContextParameters=#tls&login=app&passcode=s3cret");
    }

    @Test
    void theGlobalSslContextParametersServeWhenAskedFor() throws Exception {
        context.setSSLContextParameters(trusting(tls));
        context.getComponent("stompest", StompestComponent.class).setUseGlobalSslContextParameters(true);

        roundTrip("&login=app&passcode=s3cret");
    }

    @Test
    void aWrongPasscodeNeverConnects() throws Exception {
        context.getRegistry().bind("tls", trusting(tls));
        String uri = "stompest:queue:secure?failover=" + secured.stompUri() + "?startupMaxReconnectAttempts=1"
                     + "&sslContextParameters=#tls&login=app&passcode=wrong";
        StompestEndpoint endpoint = context.getEndpoint(uri, StompestEndpoint.class);

        assertThatThrownBy(() -> template.sendBody(uri, "refused")).isInstanceOf(CamelExecutionException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(endpoint.getConnectionState()));
        assertThat(endpoint.connection().stats().lastAttemptError()).isNotBlank();
    }

    @Test
    void withoutTrustTheTlsHandshakeFails() throws Exception {
        String uri = "stompest:queue:secure?failover=" + secured.stompUri() + "&login=app&passcode=s3cret"
                     + "&receiptTimeout=1500";
        StompestEndpoint endpoint = context.getEndpoint(uri, StompestEndpoint.class);

        assertThatThrownBy(() -> template.sendBody(uri, "untrusted")).isInstanceOf(CamelExecutionException.class)
                .cause().hasMessageContaining("no connection within 1500 ms");
        assertThat(endpoint.getConnectionState()).isIn("CONNECTING", "RECONNECTING");
        assertThat(endpoint.connection().stats().lastAttemptError()).isNotBlank();
    }
}
