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

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

/** The endpoint's own JMX attributes, next to the stomp-client connection MBean it points at. */
class EndpointMBeanIT extends StompestITSupport {
    private final String queue = unique("jmx");

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withEnableJMX();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue + "?ackMode=client").routeId("jmx-in").to("mock:in");
                from("direct:jmx").routeId("jmx-out").to("stompest:queue:" + queue);
            }
        };
    }

    private ObjectName endpointName(MBeanServer server, String uriPart) throws Exception {
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null);
        return names.stream().filter(name -> name.getKeyProperty("name").contains(uriPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no endpoint MBean for " + uriPart + " in " + names));
    }

    @Test
    void theEndpointMBeanShowsDestinationAckModeConnectionAndCounts() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        getMockEndpoint("mock:in").expectedMessageCount(3);
        for (int i = 0; i < 3; i++) {
            template.sendBody("direct:jmx", "m" + i);
        }
        getMockEndpoint("mock:in").assertIsSatisfied();

        ObjectName consumerSide = endpointName(server, "ackMode="); // Camel 4.18 masks the value in MBean names
        assertThat(server.getAttribute(consumerSide, "StompDestination")).isEqualTo("/queue/" + queue);
        assertThat(server.getAttribute(consumerSide, "UriDestination")).isEqualTo("queue:" + queue);
        assertThat(server.getAttribute(consumerSide, "AckMode")).isEqualTo("client");
        assertThat(server.getAttribute(consumerSide, "ConnectionState")).isEqualTo("CONNECTED");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Long.valueOf(3).equals(server.getAttribute(consumerSide, "ExchangesIn")));
        String connectionName = (String) server.getAttribute(consumerSide, "ConnectionObjectName");
        assertThat(connectionName).startsWith("org.stompest:type=Connection,name=");
        ObjectName connection = new ObjectName(connectionName);
        assertThat(server.isRegistered(connection)).isTrue();
        assertThat(server.getAttribute(connection, "State")).hasToString("CONNECTED");

        ObjectName consumer = server.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null).stream()
                .filter(name -> name.getKeyProperty("name").startsWith("StompestConsumer")).findFirst()
                .orElseThrow(() -> new AssertionError("no StompestConsumer MBean"));
        assertThat(server.getAttribute(consumer, "ConnectionObjectName")).isEqualTo(connectionName);
        assertThat((String) server.getAttribute(consumer, "SubscriptionId")).isNotBlank();

        ObjectName producerSide = endpointName(server, queue);
        if (producerSide.equals(consumerSide)) {
            producerSide = server.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null).stream()
                    .filter(name -> name.getKeyProperty("name").contains(queue) && !name.equals(consumerSide))
                    .findFirst().orElseThrow();
        }
        assertThat(server.getAttribute(producerSide, "ExchangesOut")).isEqualTo(3L);
        assertThat(server.getAttribute(producerSide, "ConnectionObjectName")).isEqualTo(connectionName);
    }
}
