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
package org.stompest.protocol;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stompest.error.StompProtocolError;

/**
 * The examples of the reference text's "Session State" and "Commands" sections, statement by statement: the same
 * inputs give the same values, and the printed forms match the reference's.
 */
class ReferenceExamplesTest {
    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private static String versionAndState(StompSession session) {
        return session.version() + " " + session.state();
    }

    @Test
    void sessionStateExample() {
        StompSession session = new StompSession(StompSpec.VERSION_1_1);

        StompFrame connect = session.connect("", "");
        assertThat(connect).hasToString("StompFrame(command='CONNECT', headers={'passcode': '', 'login': '', "
                + "'host': '', 'accept-version': '1.0,1.1'})");
        assertThat(connect).isEqualTo(new StompFrame(StompSpec.CONNECT,
                headers("passcode", "", "login", "", "host", "", "accept-version", "1.0,1.1")));
        assertThat(versionAndState(session)).isEqualTo("1.1 connecting");

        // The broker only understands STOMP 1.0.
        session.connected(new StompFrame(StompSpec.CONNECTED, headers(StompSpec.SESSION_HEADER, "tete-a-tete")));
        assertThat(versionAndState(session)).isEqualTo("1.0 connected");

        StompFrame disconnect = session.disconnect();
        assertThat(disconnect).hasToString("StompFrame(command='DISCONNECT')");
        assertThat(disconnect).isEqualTo(new StompFrame(StompSpec.DISCONNECT));
        assertThat(versionAndState(session)).isEqualTo("1.0 disconnecting");

        session.close();
        assertThat(versionAndState(session)).isEqualTo("1.1 disconnected");
    }

    @Test
    void commandsExample() {
        List<String> versions = Commands.versions(StompSpec.VERSION_1_1);
        assertThat(versions).containsExactly("1.0", "1.1");
        assertThat(Repr.list(versions)).isEqualTo("['1.0', '1.1']");

        StompFrame connect = Commands.connect(versions);
        assertThat(connect).hasToString("StompFrame(command='CONNECT', headers={'host': '', 'accept-version': "
                + "'1.0,1.1'})");
        assertThat(connect).isEqualTo(new StompFrame(StompSpec.CONNECT,
                headers("host", "", "accept-version", "1.0,1.1")));

        SubscribeResult subscribed = Commands.subscribe("/queue/test",
                headers(StompSpec.ACK_HEADER, "client-individual", "activemq.prefetchSize", "100"));
        SubscriptionToken token = subscribed.token();

        StompFrame frame = new StompFrame(StompSpec.MESSAGE, headers(StompSpec.DESTINATION_HEADER, "/queue/test",
                StompSpec.MESSAGE_ID_HEADER, "007"), "hello".getBytes(US_ASCII));
        assertThat(frame).hasToString("StompFrame(command='MESSAGE', headers={'destination': '/queue/test', "
                + "'message-id': '007'}, body=b'hello')");

        // This message matches your subscription.
        assertThat(Commands.message(frame).equals(token)).isTrue();
        assertThat(Commands.message(frame)).hasToString("('destination', '/queue/test')");
        assertThat(Commands.message(frame)).isEqualTo(new SubscriptionToken("destination", "/queue/test"));

        frame.setVersion(StompSpec.VERSION_1_1);
        assertThatThrownBy(() -> Commands.message(frame)).isExactlyInstanceOf(StompProtocolError.class)
                .hasMessage("Invalid MESSAGE frame (subscription header mandatory in version 1.1) "
                        + "[headers={'destination': '/queue/test', 'message-id': '007'}]");

        StompFrame disconnect = Commands.disconnect("message-12345");
        assertThat(disconnect).hasToString("StompFrame(command='DISCONNECT', headers={'receipt': 'message-12345'})");
        assertThat(disconnect).isEqualTo(new StompFrame(StompSpec.DISCONNECT,
                headers(StompSpec.RECEIPT_HEADER, "message-12345")));
    }
}
