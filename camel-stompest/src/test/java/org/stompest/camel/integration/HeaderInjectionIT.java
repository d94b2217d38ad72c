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

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stompest.error.StompFrameError;

/**
 * Issue 12 through Camel on Artemis: with {@code version=1.0} a Camel header {@code x-note: "a\ndestination:/queue/evil"}
 * used to move the message to /queue/evil; a CONNECT option with a line feed did the same to CONNECT. Now the
 * exchange fails naming the header, the route's next message still goes through, and the injected queue never
 * sees a message.
 */
class HeaderInjectionIT extends StompestITSupport {

    @ParameterizedTest(name = "receipt={0}")
    @ValueSource(booleans = {true, false})
    void aCamelHeaderWithALineFeedFailsTheExchangeOnVersion10(boolean receipt) throws Exception {
        String ok = unique("ok");
        String evil = unique("evil");
        String uri = "stompest:queue:" + ok + "?version=1.0&heartBeats=0,0&receipt=" + receipt;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + ok).to("mock:ok");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:ok");
        mock.expectedBodiesReceived("after");

        assertThatThrownBy(() -> template.sendBodyAndHeader(uri, "injected", "x-note", "a\ndestination:/queue/" + evil))
                .isInstanceOf(CamelExecutionException.class)
                .cause().hasMessageStartingWith("SEND to /queue/" + ok + " failed: Header value of 'x-note' contains a line "
                        + "feed (LF), which STOMP 1.0 cannot escape [command=SEND]")
                .hasCauseInstanceOf(StompFrameError.class);
        template.sendBodyAndHeader(uri, "after", "x-note", "a:b");

        mock.assertIsSatisfied();
        assertThat(messagesAdded(evil)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"connectHeaders.client-id=c%0Alogin:admin", "login=app%0Apasscode:x", "host=%2F%0Ax:y"})
    void aConnectOptionWithALineFeedIsRefusedNamingTheOption(String option) {
        String name = option.startsWith("connectHeaders.") ? "connectHeaders" : option.substring(0, option.indexOf('='));

        // Refused when the producer starts (StompConfig.build()), before any connection is opened.
        assertThatThrownBy(() -> template.sendBody("stompest:queue:" + unique("never") + "?" + option, "x"))
                .hasStackTraceContaining("Invalid " + name + ": Header value of '")
                .rootCause().isInstanceOf(StompFrameError.class)
                .hasMessageContaining("contains a line feed (LF), which STOMP 1.0 cannot escape [command=CONNECT]");
    }

    /** How many messages the broker ever routed to the anycast queue {@code name} (0 when it does not exist). */
    private static long messagesAdded(String name) {
        Queue queue = SharedBrokers.artemis().server().locateQueue(SimpleString.of(name));
        return queue == null ? 0 : queue.getMessagesAdded();
    }
}
