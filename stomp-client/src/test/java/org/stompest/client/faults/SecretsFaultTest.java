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
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stompest.client.ConnectionPool;
import org.stompest.client.PooledConnection;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.StompMessage;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.client.testing.FakeStompPeer;
import org.stompest.client.testing.TestTls;
import org.stompest.error.StompConnectTimeout;
import org.stompest.error.StompConnectionError;
import org.stompest.protocol.Commands;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSession;

/**
 * Case 7 on the client floor, secrets and access:
 * <ul>
 * <li>the passcode appears in none of: the log output of {@code org.stompest} at DEBUG (every frame is logged
 * there), exception messages and stack traces, {@code toString()} of config, connection, pool, frames and session,
 * and any attribute or name of the {@code org.stompest:*} MBeans, through a whole life: connect, traffic, a broker
 * that changes its passcode under a live connection (reconnect attempts refused), close;</li>
 * <li>TLS verifies host names by default: a certificate for another name fails on {@code 127.0.0.1} and on
 * {@code localhost}, one that names {@code 127.0.0.1} works;</li>
 * <li>wrong credentials give a clear error (the broker's message) and the connect loop backs off: the proxy's
 * accept times are spaced by the configured delays, fixed and exponential.</li>
 * </ul>
 */
@Tag("faults")
class SecretsFaultTest {
    private static final String LOGIN = "faults-user";
    private static final String PASSCODE = "Pc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    static String fullText(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void thePasscodeShowsNowhereThroughAWholeConnectionLife() throws Exception {
        List<String> texts = new ArrayList<>();
        Map<String, String> mbeans;
        Map<String, String> mbeansWhileRefused;
        try (LogCapture logs = LogCapture.start(Level.DEBUG, "org.stompest")) {
            EmbeddedArtemis broker = EmbeddedArtemis.builder().users(Map.of(LOGIN, PASSCODE)).build().start();
            int port = broker.port();
            EmbeddedArtemis changed = null;
            try (ConnectionPool pool = new ConnectionPool()) {
                StompConfig config = StompConfig.builder()
                        .failover("failover:(" + broker.stompUri() + ")?initialReconnectDelay=20,"
                                  + "maxReconnectDelay=100,maxReconnectAttempts=-1")
                        .login(LOGIN).passcode(PASSCODE)
                        .connectHeaders(Map.of("client-id", "faults", "passcode", PASSCODE))
                        .heartBeats(500, 500)
                        .name("secrets")
                        .build();
                PooledConnection lease = pool.lease(config);
                StompConnection connection = lease.connection();
                LinkedBlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
                connection.subscribe("/queue/faults.secrets", SubscriptionOptions.builder()
                        .ackMode("client-individual").build(), m -> {
                            received.add(m);
                            m.ack();
                        });
                await().atMost(Duration.ofSeconds(10)).until(connection::isConnected);
                connection.sendWithReceipt("/queue/faults.secrets", "hello".getBytes(StandardCharsets.UTF_8),
                        Map.of()).get(10, TimeUnit.SECONDS);
                StompMessage message = received.poll(10, TimeUnit.SECONDS);
                assertThat(message).isNotNull();
                texts.add(config.toString());
                texts.add(connection.toString());
                texts.add(lease.toString());
                texts.add(pool.toString());
                texts.add(message.toString());
                texts.add(connection.stats().toString());
                texts.add(String.valueOf(connection.subscriptions()));
                mbeans = JmxScan.attributes("org.stompest:*");
                assertThat(mbeans.keySet()).as("the connection's MBean").anyMatch(k -> k.contains("secrets"));

                // the broker comes back with another passcode: every reconnect attempt is refused
                broker.stop();
                changed = EmbeddedArtemis.builder().port(port).users(Map.of(LOGIN, "another-one")).build().start();
                await().atMost(Duration.ofSeconds(20)).until(() -> connection.stats().lastAttemptError() != null
                        && connection.stats().lastAttemptError().contains("Security"));
                CompletableFuture<StompFrame> refused = connection.sendWithReceipt("/queue/faults.secrets",
                        "x".getBytes(StandardCharsets.UTF_8), Map.of());
                Throwable failure = refused.handle((frame, error) -> error).get(10, TimeUnit.SECONDS);
                assertThat(failure).isInstanceOf(StompConnectionError.class);
                texts.add(fullText(failure));
                texts.add(connection.toString());
                texts.add(connection.stats().toString());
                mbeansWhileRefused = JmxScan.attributes("org.stompest:*");
                assertThat(JmxScan.text(mbeansWhileRefused)).contains("Security");
                lease.close();
            } finally {
                broker.close();
                if (changed != null) {
                    changed.close();
                }
            }
            // a connect that never succeeds: the error chain
            try (EmbeddedArtemis strict = EmbeddedArtemis.builder().users(Map.of(LOGIN, "not-yours")).build()
                    .start()) {
                StompConnection refused = new StompConnection(StompConfig.builder().failover(strict.stompUri())
                        .login(LOGIN).passcode(PASSCODE).build());
                Throwable error = catchError(refused::connect);
                assertThat(error).isInstanceOf(StompConnectTimeout.class)
                        .hasMessageContaining("password is invalid");
                texts.add(fullText(error));
                texts.add(refused.toString());
                refused.close();
            }
            // the protocol objects that carry it
            StompFrame connect = Commands.connect(LOGIN, PASSCODE, Map.of(), null, null, null);
            texts.add(connect.toString());
            texts.add(connect.info());
            // (toMap() and headers() are the frame's data, passcode included by necessity: not checked)
            StompSession session = new StompSession();
            texts.add(session.connect(LOGIN, PASSCODE).toString());
            texts.add(session.toString());
            texts.add(fullText(catchError(() -> StompConfig.builder().failover("tcp://[broken").login(LOGIN)
                    .passcode(PASSCODE).build())));
            texts.add(fullText(catchError(() -> StompConfig.builder().passcode(PASSCODE).heartBeats(-1, 0).build())));

            Tally.FAULTS.info("secrets-client: logLines={} texts={} mbeanAttributes={} passcodeFound={}", logs.size(),
                    texts.size(), mbeans.size() + mbeansWhileRefused.size(),
                    logs.text().contains(PASSCODE) || String.join("\n", texts).contains(PASSCODE)
                    || JmxScan.text(mbeans).contains(PASSCODE) || JmxScan.text(mbeansWhileRefused).contains(PASSCODE));
            assertThat(logs.text()).as("DEBUG logs mention the CONNECT frame").contains("CONNECT");
            assertThat(logs.text()).as("log output").doesNotContain(PASSCODE);
            for (String text : texts) {
                assertThat(text).as("exception or toString").doesNotContain(PASSCODE);
            }
            assertThat(JmxScan.text(mbeans)).as("JMX").doesNotContain(PASSCODE);
            assertThat(JmxScan.text(mbeansWhileRefused)).as("JMX while refused").doesNotContain(PASSCODE);
        }
    }

    /**
     * A broker that echoes the CONNECT frame in its ERROR (some do, with a stack trace or "frame was: ..."): the
     * client puts the ERROR's message and body into its exception message and its WARN log, so the echoed passcode
     * must be masked there too (fixed: every ERROR frame is redacted as it arrives, see Secrets).
     */
    @Test
    void aBrokerEchoingTheConnectFrameDoesNotLeakThePasscodeIntoErrorsOrLogs() {
        try (LogCapture logs = LogCapture.start(Level.DEBUG, "org.stompest");
             FakeStompPeer peer = FakeStompPeer.start()) {
            peer.onConnect((connection, connect) -> {
                StringBuilder echo = new StringBuilder("Bad credentials in frame: CONNECT\n");
                connect.rawHeaders().forEach(h -> echo.append(h.getKey()).append(':').append(h.getValue())
                        .append('\n'));
                connection.sendRaw(FakeStompPeer.frame("ERROR", Map.of("message", "Access refused for "
                        + connect.header("login") + "/" + connect.header("passcode")), echo.toString()));
                connection.close();
            });
            StompConnection connection = new StompConnection(StompConfig.builder().failover(peer.uri())
                    .login(LOGIN).passcode(PASSCODE).build());
            Throwable error = catchError(connection::connect);
            connection.close();
            String text = fullText(error);
            Tally.FAULTS.info("secrets-echo: error=\"{}\" passcodeInError={} passcodeInLogs={}",
                    error.getMessage().replace(PASSCODE, "<PASSCODE>"), text.contains(PASSCODE),
                    logs.text().contains(PASSCODE));
            assertThat(text).as("the error names the broker's complaint").contains("Access refused");
            assertThat(text).as("exception text").doesNotContain(PASSCODE);
            assertThat(logs.text()).as("log output").doesNotContain(PASSCODE);
        }
    }

    @Test
    void tlsVerifiesHostNamesByDefault() {
        TestTls elsewhere = TestTls.forHost("elsewhere.example");
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().tls(elsewhere).build().start()) {
            for (String host : List.of("127.0.0.1", "localhost")) {
                StompConfig config = StompConfig.builder().failover("ssl://" + host + ":" + broker.port())
                        .sslContext(elsewhere.clientSslContext()).connectTimeout(Duration.ofSeconds(5)).build();
                assertThat(config.hostnameVerification()).as("default").isTrue();
                StompConnection connection = new StompConnection(config);
                Throwable error = catchError(connection::connect);
                connection.close();
                assertThat(error).isInstanceOf(StompConnectTimeout.class);
                assertThat(causes(error)).as("the cause chain of " + host)
                        .anyMatch(SSLHandshakeException.class::isInstance);
                Tally.FAULTS.info("tls-hostname {}: refused=\"{}\"", host, error.getMessage());
            }
        }
        TestTls right = TestTls.generate(); // names localhost and 127.0.0.1
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().tls(right).build().start();
             StompConnection connection = new StompConnection(StompConfig.builder()
                     .failover("ssl://127.0.0.1:" + broker.port()).sslContext(right.clientSslContext()).build())) {
            connection.connect();
            assertThat(connection.isConnected()).as("a certificate naming 127.0.0.1 is accepted").isTrue();
        }
    }

    @Test
    void wrongCredentialsGiveAClearErrorAndTheLoopBacksOffByTheConfiguredDelays() {
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().users(Map.of(LOGIN, PASSCODE)).build().start();
             TcpProxy proxy = TcpProxy.start(broker.port())) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                List<Long> fixed = attemptGaps(proxy, "initialReconnectDelay=250,useExponentialBackOff=false,"
                                                      + "startupMaxReconnectAttempts=3", 4);
                for (long gap : fixed) {
                    assertThat(gap).as("gap between attempts, ms").isBetween(245L, 2000L);
                }
                List<Long> exponential = attemptGaps(proxy, "initialReconnectDelay=100,useExponentialBackOff=true,"
                                                            + "backOffMultiplier=2,startupMaxReconnectAttempts=4", 5);
                long[] expected = {100, 200, 400, 800};
                for (int i = 0; i < expected.length; i++) {
                    assertThat(exponential.get(i)).as("gap " + i + ", ms")
                            .isBetween(expected[i] - 5, expected[i] + 1500);
                }
                Tally.FAULTS.info("wrong-credentials: fixedGaps={}ms exponentialGaps={}ms", fixed, exponential);
            });
        }
    }

    /** Connects with a wrong passcode through the proxy; returns the gaps between the accepted attempts. */
    private static List<Long> attemptGaps(TcpProxy proxy, String options, int attempts) {
        int before = proxy.acceptTimes().size();
        StompConnection connection = new StompConnection(StompConfig.builder()
                .failover("failover:(" + proxy.uri() + ")?" + options).login(LOGIN).passcode("wrong-" + PASSCODE)
                .build());
        Throwable error = catchError(connection::connect);
        connection.close();
        assertThat(error).isInstanceOf(StompConnectTimeout.class)
                .hasMessageContaining("Security Error occurred: User name [" + LOGIN + "] or password is invalid");
        assertThat(fullText(error)).doesNotContain(PASSCODE);
        List<Long> times = proxy.acceptTimes().subList(before, proxy.acceptTimes().size());
        assertThat(times).as("attempts").hasSize(attempts);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(TimeUnit.NANOSECONDS.toMillis(times.get(i) - times.get(i - 1)));
        }
        return gaps;
    }

    static Throwable catchError(ThrowingRunnable action) {
        try {
            action.run();
        } catch (Throwable e) {
            return e;
        }
        throw new AssertionError("expected an error");
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
