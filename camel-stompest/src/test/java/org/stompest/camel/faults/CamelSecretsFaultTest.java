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
package org.stompest.camel.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stompest.client.faults.JmxScan;
import org.stompest.client.faults.LogCapture;
import org.stompest.client.faults.Tally;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * Case 7 on the Camel floor: routes with {@code login}/{@code passcode} (and a {@code connectHeaders.passcode}) on a
 * broker with security on, one of them with a wrong passcode. The passcode (the right one and the wrong one, which
 * embeds it) must not appear in: the log output of {@code org.stompest} at DEBUG and {@code org.apache.camel} at
 * INFO, the failed exchange's exception, the {@code toString()} of endpoints, routes and consumers, and any attribute
 * or object name of the {@code org.apache.camel:*} and {@code org.stompest:*} MBeans (the context runs with JMX on,
 * so every endpoint, route, consumer and producer is an MBean).
 */
@Tag("faults")
class CamelSecretsFaultTest extends CamelTestSupport {
    private static final String LOGIN = "faults-app";
    private static final String PASSCODE = "Pc" + UUID.randomUUID().toString().replace("-", "").substring(0, 18);
    private static EmbeddedArtemis broker;
    private LogCapture logs;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedArtemis.builder().users(Map.of(LOGIN, PASSCODE)).build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withEnableJMX();
        // org.stompest at DEBUG (every frame); Camel at INFO, where it logs every route and endpoint URI at startup.
        // (Camel's own DEBUG output prints route definitions with their from-URIs unsanitized: a Camel matter,
        // avoided with property placeholders such as passcode={{stomp.passcode}}.)
        logs = LogCapture.start(Map.of("org.stompest", Level.DEBUG, "org.apache.camel", Level.INFO));
    }

    @AfterEach
    void stopCapture() {
        if (logs != null) {
            logs.close();
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String failover = "failover=failover:(" + broker.stompUri()
                          + ")?initialReconnectDelay=50,maxReconnectDelay=200";
        String credentials = "login=" + LOGIN + "&passcode=" + PASSCODE;
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:faults.secrets?" + credentials + "&" + failover).routeId("secrets-in")
                        .to("mock:in");
                from("direct:out").routeId("secrets-out")
                        .to("stompest:queue:faults.secrets?" + credentials + "&" + failover);
                from("direct:headers").routeId("secrets-headers")
                        .to("stompest:queue:faults.secrets?login=" + LOGIN + "&connectHeaders.passcode=" + PASSCODE
                            + "&" + failover);
                from("direct:wrong").routeId("secrets-wrong")
                        .to("stompest:queue:faults.secrets?login=" + LOGIN + "&passcode=wrong" + PASSCODE
                            + "&receiptTimeout=1500&" + failover);
            }
        };
    }

    @Test
    void thePasscodeShowsInNoLogNoErrorNoToStringAndNoMBean() throws Exception {
        MockEndpoint in = getMockEndpoint("mock:in");
        in.expectedMessageCount(2);
        template.sendBody("direct:out", "one");
        template.sendBody("direct:headers", "two");
        in.assertIsSatisfied();
        Exchange wrong = template.send("direct:wrong", e -> e.getMessage().setBody("refused"));
        assertThat(wrong.getException()).as("the wrong passcode fails the exchange").isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> logs.text().contains("Security"));

        List<String> texts = new ArrayList<>();
        texts.add(fullText(wrong.getException()));
        for (Endpoint endpoint : context.getEndpoints()) {
            texts.add(endpoint.toString());
        }
        for (Route route : context.getRoutes()) {
            texts.add(route.toString());
            texts.add(String.valueOf(route.getConsumer()));
            texts.add(String.valueOf(route.getEndpoint()));
        }
        Map<String, String> camelBeans = JmxScan.attributes("org.apache.camel:*");
        Map<String, String> stompestBeans = JmxScan.attributes("org.stompest:*");
        assertThat(camelBeans.keySet()).as("endpoint MBeans").anyMatch(k -> k.contains("type=endpoints")
                                                                           && k.contains("faults.secrets"));
        assertThat(stompestBeans).as("connection MBeans").isNotEmpty();

        String logText = logs.text();
        Tally.FAULTS.info("secrets-camel: logLines={} texts={} camelAttributes={} stompestAttributes={}"
                          + " passcodeInLogs={} passcodeInTexts={} passcodeInJmx={}", logs.size(), texts.size(),
                camelBeans.size(), stompestBeans.size(), logText.contains(PASSCODE),
                String.join("\n", texts).contains(PASSCODE),
                JmxScan.text(camelBeans).contains(PASSCODE) || JmxScan.text(stompestBeans).contains(PASSCODE));
        assertThat(logText).as("log output").doesNotContain(PASSCODE);
        for (String text : texts) {
            assertThat(text).as("error or toString").doesNotContain(PASSCODE);
        }
        assertThat(JmxScan.text(camelBeans)).as("Camel MBeans").doesNotContain(PASSCODE);
        assertThat(JmxScan.text(stompestBeans)).as("stompest MBeans").doesNotContain(PASSCODE);
    }

    private static String fullText(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
