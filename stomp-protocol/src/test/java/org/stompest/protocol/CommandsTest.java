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
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.stompest.error.StompFrameError;
import org.stompest.error.StompProtocolError;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The stateless commands, after the reference's {@code commands_test.py} and §6 of the behaviour spec. */
class CommandsTest {
    private static final String V10 = StompSpec.VERSION_1_0;
    private static final String V11 = StompSpec.VERSION_1_1;
    private static final String V12 = StompSpec.VERSION_1_2;

    /** An insertion-ordered header map, so that messages embedding it are predictable. */
    static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    static StompFrame frame(String command, Map<String, String> headers) {
        return new StompFrame(command, headers);
    }

    static StompFrame frame(String command, Map<String, String> headers, String version) {
        return new StompFrame(command, headers, null, version);
    }

    static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isExactlyInstanceOf(StompProtocolError.class).hasMessage(message);
    }

    // 35. CONNECT

    @Test
    void connectWithCredentialsAndHeaders() {
        assertThat(Commands.connect()).isEqualTo(frame("CONNECT", headers()));
        assertThat(Commands.connect("hi", null)).isEqualTo(frame("CONNECT", headers("login", "hi")));
        assertThat(Commands.connect(null, "there")).isEqualTo(frame("CONNECT", headers("passcode", "there")));
        assertThat(Commands.connect("hi", "there"))
                .isEqualTo(frame("CONNECT", headers("login", "hi", "passcode", "there")));
        assertThat(Commands.connect("hi", "there", headers("4711", "0815"), null, null, null))
                .isEqualTo(frame("CONNECT", headers("login", "hi", "passcode", "there", "4711", "0815")));
        assertThat(Commands.connect("", "", null, null, null, null).headers())
                .isEqualTo(headers("login", "", "passcode", ""));
        assertThat(Commands.connect("hi", "there", headers("login", "x", "passcode", "y"), null, null, null)
                .headers()).isEqualTo(headers("login", "hi", "passcode", "there"));
    }

    @Test
    void connectDoesNotChangeTheCallersHeaders() {
        Map<String, String> given = headers("4711", "0815");
        Commands.connect("hi", "there", given, List.of(V11), "earth", new int[] {1, 2});
        assertThat(given).isEqualTo(headers("4711", "0815"));
    }

    @Test
    void connectOfferingVersions() {
        assertThat(Commands.connect("hi", "there", null, List.of(V10), null, null))
                .isEqualTo(frame("CONNECT", headers("login", "hi", "passcode", "there")));
        assertThat(Commands.connect(List.of(V10, V11)))
                .isEqualTo(frame("CONNECT", headers("accept-version", "1.0,1.1", "host", "")));
        assertThat(Commands.connect(List.of(V11)))
                .isEqualTo(frame("CONNECT", headers("accept-version", "1.1", "host", "")));
        assertThat(Commands.connect("hi", "there", null, List.of(V11), "earth", null)).isEqualTo(frame("CONNECT",
                headers("accept-version", "1.1", "login", "hi", "passcode", "there", "host", "earth")));
        assertThat(Commands.connect("hi", "there", null, List.of(V11), "earth", new int[] {1, 2}))
                .isEqualTo(frame("CONNECT", headers("accept-version", "1.1", "login", "hi", "passcode", "there",
                        "host", "earth", "heart-beat", "1,2")));
    }

    @Test
    void connectSortsTheOfferedVersionsAsStrings() {
        assertThat(Commands.connect(List.of(V11, V10)).header("accept-version")).isEqualTo("1.0,1.1");
        assertThat(Commands.connect(List.of(V12, V10)).header("accept-version")).isEqualTo("1.0,1.2");
        assertThat(Commands.connect(List.of(V12, V11, V10)).header("accept-version")).isEqualTo("1.0,1.1,1.2");
    }

    @Test
    void connectWithAnEmptyVersionListOffersNothing() {
        assertThat(Commands.connect(List.of())).isEqualTo(frame("CONNECT", headers("accept-version", "", "host", "")));
    }

    @Test
    void connectOverwritesHostAndAcceptVersionUnlessOnlyOneZeroIsOffered() {
        Map<String, String> given = headers("host", "mars", "accept-version", "9.9");
        assertThat(Commands.connect(null, null, given, List.of(V11), "earth", null).headers())
                .isEqualTo(headers("host", "earth", "accept-version", "1.1"));
        assertThat(Commands.connect(null, null, given, List.of(V11), null, null).headers())
                .isEqualTo(headers("host", "", "accept-version", "1.1"));
        assertThat(Commands.connect(null, null, given, List.of(V10), "earth", null).headers()).isEqualTo(given);
        assertThat(Commands.connect(null, null, null, null, "earth", null).headers()).isEmpty();
    }

    @Test
    void connectRejectsUnknownVersions() {
        assertInvalid(() -> Commands.connect(List.of(V11, "1.3")), "Version is not supported [1.3]");
        assertInvalid(() -> Commands.connect(List.of("1.10")), "Version is not supported [1.10]");
        assertInvalid(() -> Commands.connect(java.util.Arrays.asList(V11, null)), "Version is not supported [None]");
    }

    @Test
    void connectHeartBeats() {
        assertThat(Commands.connect(null, null, null, List.of(V11), null, new int[] {0, 0}).header("heart-beat"))
                .isEqualTo("0,0");
        assertThat(Commands.connect(null, null, null, List.of(V11), null, null).headers())
                .doesNotContainKey("heart-beat");
        assertInvalid(() -> Commands.connect(null, null, null, null, null, new int[] {1, 2}),
                "Heart-beating not supported (version 1.0)");
        assertInvalid(() -> Commands.connect(null, null, null, List.of(V10), null, new int[] {0, 0}),
                "Heart-beating not supported (version 1.0)");
    }

    @Test
    void connectFramesAreVersionOneZeroAndNeverEscaped() {
        StompFrame frame = Commands.connect("a:b", "x\\y", null, List.of(V12), "h:ost", null);
        assertThat(frame.version()).isEqualTo(V10);
        assertThat(new String(frame.toBytes(), US_ASCII)).contains("login:a:b\n", "passcode:x\\y\n", "host:h:ost\n");
    }

    /** Never escaped, so a line feed in an argument would add a header line: rendering refuses it (issue 12). */
    @Test
    void connectWithLineFeedInAnArgumentBuildsButDoesNotRender() {
        StompFrame frame = Commands.connect("guest\nx-evil:1", "pw", null, List.of(V12), "h", null);

        assertThatThrownBy(frame::toBytes).isInstanceOf(StompFrameError.class).hasMessage("Header value of "
                + "'login' contains a line feed (LF), which STOMP 1.0 cannot escape [command=CONNECT]");
    }

    // 36. invalid heart-beats

    @Test
    void connectRejectsInvalidHeartBeats() {
        for (int[] heartBeats : new int[][] {{-1, 0}, {0, -1}, {-1, -1}, {1}, {-1}, {1, 2, 3}, {}}) {
            assertInvalid(() -> Commands.connect("hi", "there", null, List.of(V11), "earth", heartBeats),
                    "Invalid heart-beats (two non-negative integers required): " + java.util.Arrays.toString(heartBeats));
        }
        assertInvalid(() -> Commands.connect(null, null, null, List.of(V11), null, new int[] {-1, 0}),
                "Invalid heart-beats (two non-negative integers required): [-1, 0]");
    }

    // 37. heart-beat header passed through the headers

    @Test
    void connectKeepsAHeartBeatHeaderPassedThroughHeaders() {
        assertThat(Commands.connect(null, null, headers("4711", "0815", "heart-beat", "1,2"), List.of(V11), "earth",
                null)).isEqualTo(frame("CONNECT",
                        headers("accept-version", "1.1", "4711", "0815", "host", "earth", "heart-beat", "1,2")));
        assertThat(Commands.connect(null, null, headers("heart-beat", "bla"), List.of(V11), null, null)
                .header("heart-beat")).isEqualTo("bla");
        assertThat(Commands.connect(null, null, headers("heart-beat", "bla"), null, null, null).header("heart-beat"))
                .isEqualTo("bla");
    }

    // 38. STOMP

    @Test
    void stompHasTheHeadersOfConnect() {
        StompFrame stomp = Commands.stomp("hi", "there", headers("4711", "0815"), List.of(V11), "earth", null);
        assertThat(stomp.command()).isEqualTo("STOMP");
        assertThat(stomp.headers()).isEqualTo(
                Commands.connect("hi", "there", headers("4711", "0815"), List.of(V11), "earth", null).headers());
        assertThat(Commands.stomp(null, null, null, List.of(V11), null, new int[] {3, 4}).header("heart-beat"))
                .isEqualTo("3,4");
    }

    @Test
    void stompIsNotSupportedInOneZero() {
        assertInvalid(() -> Commands.stomp("hi", "there", headers("4711", "0815"), List.of(V10), "earth", null),
                "Unsupported command (version 1.0): STOMP");
        assertInvalid(() -> Commands.stomp("hi", "there", headers("4711", "0815"), null, "earth", null),
                "Unsupported command (version 1.0): STOMP");
    }

    /** §13.7: upstream could not render a STOMP frame; here it renders like CONNECT, unescaped. */
    @Test
    void stompFramesRender() {
        StompFrame stomp = Commands.stomp("hi", "a:b", null, List.of(V11), "earth", null);
        assertThat(stomp.version()).isEqualTo(V10);
        assertThat(new String(stomp.toBytes(), US_ASCII)).isEqualTo(
                "STOMP\naccept-version:1.1\nhost:earth\nlogin:hi\npasscode:a:b\n\n\u0000");
    }

    // 39. DISCONNECT

    @Test
    void disconnect() {
        assertThat(Commands.disconnect()).isEqualTo(frame("DISCONNECT", headers()));
        assertThat(Commands.disconnect("4711")).isEqualTo(frame("DISCONNECT", headers("receipt", "4711")));
        assertThat(Commands.disconnect("", null)).isEqualTo(frame("DISCONNECT", headers()));
        StompFrame frame = Commands.disconnect("4711", V11);
        assertThat(frame).isEqualTo(frame("DISCONNECT", headers("receipt", "4711"), V11));
        assertThat(frame.version()).isEqualTo(V11);
        assertInvalid(() -> Commands.disconnect(null, "1.3"), "Version is not supported [1.3]");
    }

    // 40. CONNECTED

    @Test
    void connectedNegotiatesTheVersion() {
        ConnectedInfo none = new ConnectedInfo(V10, null, "hi", 0, 0);
        assertThat(Commands.connected(frame("CONNECTED", headers("session", "hi")))).isEqualTo(none);
        assertThat(Commands.connected(frame("CONNECTED", headers()))).isEqualTo(new ConnectedInfo(V10, null, null, 0, 0));
        assertThat(Commands.connected(frame("CONNECTED", headers("session", "hi")), List.of(V10))).isEqualTo(none);
        assertThat(Commands.connected(frame("CONNECTED", headers("session", "hi")), List.of(V10, V11)))
                .isEqualTo(none);
        assertThat(Commands.connected(frame("CONNECTED", headers("session", "hi", "version", V11)), List.of(V11)))
                .isEqualTo(new ConnectedInfo(V11, null, "hi", 0, 0));
        assertThat(Commands.connected(frame("CONNECTED", headers("server", "moon", "version", V11)), List.of(V11)))
                .isEqualTo(new ConnectedInfo(V11, "moon", null, 0, 0));
        assertThat(Commands.connected(frame("CONNECTED", headers("session", "hi", "version", V11)),
                List.of(V10, V11))).isEqualTo(new ConnectedInfo(V11, null, "hi", 0, 0));
        assertThat(Commands.connected(frame("CONNECTED", headers("server", "moon", "version", V11)),
                List.of(V11, V10))).isEqualTo(new ConnectedInfo(V11, "moon", null, 0, 0));
    }

    @Test
    void connectedInOneZeroIgnoresServerAndVersionHeaders() {
        assertThat(Commands.connected(frame("CONNECTED", headers("server", "moon", "version", V12, "session", "s"))))
                .isEqualTo(new ConnectedInfo(V10, null, "s", 0, 0));
    }

    @Test
    void connectedRejectsAnIncompatibleServerVersion() {
        assertInvalid(() -> Commands.connected(frame("CONNECTED", headers("session", "hi")), List.of(V11)),
                "Server version incompatible with accepted versions ['1.1'] [headers={'session': 'hi'}]");
        assertInvalid(() -> Commands.connected(frame("CONNECTED", headers("version", V12)), List.of(V11, V10)),
                "Server version incompatible with accepted versions ['1.0', '1.1'] [headers={'version': '1.2'}]");
        assertInvalid(() -> Commands.connected(frame("CONNECTED", headers("version", "1.3")), List.of(V10, V11)),
                "Server version incompatible with accepted versions ['1.0', '1.1'] [headers={'version': '1.3'}]");
    }

    @Test
    void connectedRejectsOtherCommands() {
        assertInvalid(() -> Commands.connected(frame("MESSAGE", headers()), List.of(V10)),
                "Cannot handle command: MESSAGE [expected=CONNECTED, headers={}]");
        assertInvalid(() -> Commands.connected(frame("MESSAGE", headers()), List.of(V11)),
                "Cannot handle command: MESSAGE [expected=CONNECTED, headers={}]");
        assertInvalid(() -> Commands.connected(frame("ERROR", headers("message", "x")), List.of(V10, V11)),
                "Cannot handle command: ERROR [expected=CONNECTED, headers={'message': 'x'}]");
    }

    @Test
    void connectedMasksThePasscodeInMessages() {
        assertThatThrownBy(() -> Commands.connected(frame("ERROR", headers("passcode", "secret"))))
                .hasMessageNotContaining("secret");
    }

    @Test
    void connectedRejectsBadVersionLists() {
        assertInvalid(() -> Commands.connected(frame("CONNECTED", headers()), List.of()),
                "Invalid versions: [] (at least one version required)");
        assertInvalid(() -> Commands.connected(frame("CONNECTED", headers()), List.of("1.3")),
                "Version is not supported [1.3]");
    }

    @Test
    void connectedReadsServerHeartBeats() {
        assertThat(Commands.connected(frame("CONNECTED", headers("session", "hi", "version", V11, "heart-beat",
                "1,2")), List.of(V11))).isEqualTo(new ConnectedInfo(V11, null, "hi", 1, 2));
        assertThat(Commands.connected(frame("CONNECTED", headers("version", V12, "heart-beat", " 1 , 2 ")),
                List.of(V12))).isEqualTo(new ConnectedInfo(V12, null, null, 1, 2));
        assertThat(Commands.connected(frame("CONNECTED", headers("version", V11, "heart-beat", "0,0")),
                List.of(V11))).isEqualTo(new ConnectedInfo(V11, null, null, 0, 0));
    }

    // 41. invalid heart-beat headers

    @Test
    void connectedRejectsInvalidHeartBeatHeaders() {
        for (String value : new String[] {"-1,0", "0,-1", "-1,-1", "2", ",", ",2", "2,", "a,b", "1,2,3", ""}) {
            assertInvalid(() -> Commands.connected(frame("CONNECTED", headers("session", "hi", "version", V11,
                    "heart-beat", value)), List.of(V11)),
                    "Invalid heart-beat header (two comma-separated and non-negative integers required): '" + value
                            + "'");
        }
        assertInvalid(() -> Commands.connected(frame("CONNECTED", headers("version", V11, "heart-beat", null)),
                List.of(V11)),
                "Invalid heart-beat header (two comma-separated and non-negative integers required): None");
    }

    // 42. heart-beats ignored in 1.0

    @Test
    void connectedIgnoresHeartBeatsWhenOneZeroIsNegotiated() {
        assertThat(Commands.connected(frame("CONNECTED", headers("session", "hi", "version", V10, "heart-beat",
                "1,2")), List.of(V10))).isEqualTo(new ConnectedInfo(V10, null, "hi", 0, 0));
        assertThat(Commands.connected(frame("CONNECTED", headers("heart-beat", "3,4")), List.of(V10, V11)))
                .isEqualTo(new ConnectedInfo(V10, null, null, 0, 0));
        assertThat(Commands.connected(frame("CONNECTED", headers("heart-beat", "bla")), List.of(V10, V11)))
                .isEqualTo(new ConnectedInfo(V10, null, null, 0, 0));
    }

    // 43. ACK in 1.0 and 1.1

    @Test
    void ackSelectsHeaders() {
        assertThat(Commands.ack(frame("MESSAGE", headers("message-id", "hi")), null, null))
                .isEqualTo(frame("ACK", headers("message-id", "hi")));
        assertThat(Commands.ack(frame("MESSAGE", headers("message-id", "hi", "subscription", "there")), null, null))
                .isEqualTo(frame("ACK", headers("message-id", "hi", "subscription", "there")));
        assertThat(Commands.ack(frame("MESSAGE", headers("message-id", "hi", "subscription", "there", "4711", "0815",
                "transaction", "man")), null, null))
                .isEqualTo(frame("ACK", headers("message-id", "hi", "subscription", "there")));
        assertThat(Commands.ack(frame("MESSAGE", headers("message-id", "hi")), null, "4711"))
                .isEqualTo(frame("ACK", headers("message-id", "hi", "receipt", "4711")));
    }

    @Test
    void ackCopiesTheTransactionOnlyIfItIsActive() {
        Map<String, String> message = headers("message-id", "hi", "subscription", "there", "transaction", "man");
        StompFrame withTransaction = frame("ACK", headers("message-id", "hi", "subscription", "there",
                "transaction", "man"));
        assertThat(Commands.ack(frame("MESSAGE", message), List.of("man", "woman"), null)).isEqualTo(withTransaction);
        assertThat(Commands.ack(frame("MESSAGE", message), List.of("woman"), null))
                .isEqualTo(frame("ACK", headers("message-id", "hi", "subscription", "there")));
        assertThat(Commands.ack(frame("MESSAGE", headers("message-id", "hi", "subscription", "there", "4711",
                "0815", "transaction", "man")), List.of("man"), "4711")).isEqualTo(frame("ACK", headers("message-id",
                        "hi", "subscription", "there", "transaction", "man", "receipt", "4711")));
        assertThat(Commands.ack(frame("MESSAGE", message, V11), Set.of("man", "woman"), null))
                .isEqualTo(frame("ACK", headers("message-id", "hi", "subscription", "there", "transaction", "man"),
                        V11));
        assertThat(Commands.ack(frame("MESSAGE", message, V11), null, null))
                .isEqualTo(frame("ACK", headers("message-id", "hi", "subscription", "there"), V11));
    }

    @Test
    void ackTakesTheVersionOfTheMessage() {
        StompFrame message = frame("MESSAGE", headers("message-id", "a:b", "subscription", "s"), V11);
        StompFrame ack = Commands.ack(message, null, null);
        assertThat(ack.version()).isEqualTo(V11);
        assertThat(new String(ack.toBytes(), UTF_8)).isEqualTo("ACK\nmessage-id:a\\cb\nsubscription:s\n\n\u0000");
        assertThat(Commands.ack(frame("MESSAGE", headers("message-id", "hi")), null, null).version()).isEqualTo(V10);
    }

    @Test
    void ackUsesTheFirstOfRepeatedHeaders() {
        StompFrame message = StompFrame.raw("MESSAGE", List.of(Map.entry("message-id", "1"),
                Map.entry("subscription", "s"), Map.entry("message-id", "2")), null, V11);
        assertThat(Commands.ack(message, null, null).headers()).isEqualTo(headers("message-id", "1",
                "subscription", "s"));
    }

    @Test
    void ackRejectsInvalidMessages() {
        assertInvalid(() -> Commands.ack(frame("CONNECTED", headers("message-id", "hi"), V10), null, null),
                "Cannot handle command: CONNECTED [expected=MESSAGE, headers={'message-id': 'hi'}]");
        assertInvalid(() -> Commands.ack(frame("CONNECTED", headers("message-id", "hi"), V11), null, null),
                "Cannot handle command: CONNECTED [expected=MESSAGE, headers={'message-id': 'hi'}]");
        assertInvalid(() -> Commands.ack(frame("MESSAGE", headers("subscription", "hi")), null, null),
                "Invalid MESSAGE frame (message-id header mandatory in version 1.0) [headers={'subscription': 'hi'}]");
        assertInvalid(() -> Commands.ack(frame("MESSAGE", headers("subscription", "hi"), V11), null, null),
                "Invalid MESSAGE frame (message-id header mandatory in version 1.1) [headers={'subscription': 'hi'}]");
        assertInvalid(() -> Commands.ack(frame("MESSAGE", headers("message-id", "hi"), V11), null, null),
                "Invalid MESSAGE frame (subscription header mandatory in version 1.1) [headers={'message-id': 'hi'}]");
    }

    // 44. ACK in 1.2

    @Test
    void ackInOneTwoSendsOnlyTheAckHeaderAsId() {
        StompFrame message = frame("MESSAGE", headers("message-id", "hi", "subscription", "there", "ack", "4711"),
                V12);
        assertThat(Commands.ack(message, null, null)).isEqualTo(frame("ACK", headers("id", "4711"), V12));
        StompFrame inTransaction = frame("MESSAGE", headers("message-id", "hi", "subscription", "there", "ack", "1",
                "transaction", "t"), V12);
        assertThat(Commands.ack(inTransaction, List.of("t"), "r"))
                .isEqualTo(frame("ACK", headers("id", "1", "transaction", "t", "receipt", "r"), V12));
    }

    @Test
    void ackInOneTwoRequiresAllThreeHeaders() {
        assertInvalid(() -> Commands.ack(frame("MESSAGE", headers("message-id", "hi"), V12), null, null),
                "Invalid MESSAGE frame (subscription header mandatory in version 1.2) [headers={'message-id': 'hi'}]");
        assertInvalid(() -> Commands.ack(frame("MESSAGE", headers("message-id", "hi", "subscription", "there"), V12),
                null, null), "Invalid MESSAGE frame (ack header mandatory in version 1.2) "
                        + "[headers={'message-id': 'hi', 'subscription': 'there'}]");
        assertInvalid(() -> Commands.ack(frame("MESSAGE", headers("subscription", "there", "ack", "1"), V12), null,
                null), "Invalid MESSAGE frame (message-id header mandatory in version 1.2) "
                        + "[headers={'subscription': 'there', 'ack': '1'}]");
    }

    // 45. NACK

    @Test
    void nackSelectsHeadersLikeAck() {
        Map<String, String> expected = headers("message-id", "hi", "subscription", "there");
        assertThat(Commands.nack(frame("MESSAGE", headers("message-id", "hi", "subscription", "there"), V11), null,
                null)).isEqualTo(frame("NACK", expected, V11));
        assertThat(Commands.nack(frame("MESSAGE", headers("message-id", "hi", "subscription", "there"), V11), null,
                "4711")).isEqualTo(frame("NACK", headers("message-id", "hi", "subscription", "there", "receipt",
                        "4711"), V11));
        Map<String, String> inTransaction = headers("message-id", "hi", "subscription", "there", "transaction", "man");
        assertThat(Commands.nack(frame("MESSAGE", inTransaction, V11), null, null))
                .isEqualTo(frame("NACK", expected, V11));
        assertThat(Commands.nack(frame("MESSAGE", inTransaction, V11), List.of("woman"), null))
                .isEqualTo(frame("NACK", expected, V11));
        assertThat(Commands.nack(frame("MESSAGE", inTransaction, V11), List.of("man"), null)).isEqualTo(frame("NACK",
                headers("message-id", "hi", "subscription", "there", "transaction", "man"), V11));
        assertThat(Commands.nack(frame("MESSAGE", headers("message-id", "hi", "subscription", "there", "4711",
                "0815"), V11), null, null)).isEqualTo(frame("NACK", expected, V11));
        assertThat(Commands.nack(frame("MESSAGE", headers("message-id", "m", "subscription", "s", "ack", "a"), V12),
                null, null)).isEqualTo(frame("NACK", headers("id", "a"), V12));
    }

    @Test
    void nackRejectsOneZeroAndInvalidMessages() {
        assertInvalid(() -> Commands.nack(frame("CONNECTED", headers(), V11), null, null),
                "Cannot handle command: CONNECTED [expected=MESSAGE, headers={}]");
        assertInvalid(() -> Commands.nack(frame("MESSAGE", headers("message-id", "hi", "subscription", "there"), V10),
                null, null), "NACK not supported (version 1.0)");
        assertInvalid(() -> Commands.nack(frame("MESSAGE", headers("message-id", "hi", "subscription", "there",
                "transaction", "man"), V10), List.of("man"), null), "NACK not supported (version 1.0)");
        assertInvalid(() -> Commands.nack(frame("MESSAGE", headers("subscription", "hi"), V11), null, null),
                "Invalid MESSAGE frame (message-id header mandatory in version 1.1) [headers={'subscription': 'hi'}]");
        assertInvalid(() -> Commands.nack(frame("MESSAGE", headers("message-id", "hi"), V11), null, null),
                "Invalid MESSAGE frame (subscription header mandatory in version 1.1) [headers={'message-id': 'hi'}]");
    }

    // 46. negotiateHeartBeat

    @Test
    void negotiateHeartBeatTable() {
        assertThat(Commands.negotiateHeartBeat(0, 0)).isZero();
        assertThat(Commands.negotiateHeartBeat(0, 1)).isZero();
        assertThat(Commands.negotiateHeartBeat(1, 0)).isZero();
        assertThat(Commands.negotiateHeartBeat(1, 2)).isEqualTo(2);
        assertThat(Commands.negotiateHeartBeat(2, 1)).isEqualTo(2);
    }

    @Property
    void negotiatedHeartBeatIsZeroOrTheLargerProposal(@ForAll @IntRange(min = 0, max = 1_000_000) int client,
                                                       @ForAll @IntRange(min = 0, max = 1_000_000) int server) {
        int agreed = Commands.negotiateHeartBeat(client, server);
        assertThat(agreed).isEqualTo(client == 0 || server == 0 ? 0 : Math.max(client, server));
        assertThat(agreed).isEqualTo(Commands.negotiateHeartBeat(server, client));
    }

    @Property
    void heartBeatsSurviveConnectAndConnected(@ForAll @IntRange(min = 0, max = 1_000_000) int send,
                                              @ForAll @IntRange(min = 0, max = 1_000_000) int receive) {
        String header = Commands.connect(null, null, null, List.of(V11), null, new int[] {send, receive})
                .header("heart-beat");
        ConnectedInfo info = Commands.connected(frame("CONNECTED", headers("version", V11, "heart-beat", header)),
                List.of(V11));
        assertThat(new int[] {info.serverSendHeartBeat(), info.serverReceiveHeartBeat()})
                .containsExactly(send, receive);
    }

    // SEND, SUBSCRIBE, UNSUBSCRIBE

    @Test
    void send() {
        Map<String, String> given = headers("destination", "/elsewhere", "4711", "0815");
        StompFrame frame = Commands.send("/queue/world", "two\nlines".getBytes(US_ASCII), given, "r", V11);
        assertThat(frame).isEqualTo(new StompFrame("SEND", headers("destination", "/queue/world", "4711", "0815",
                "receipt", "r"), "two\nlines".getBytes(US_ASCII), V11));
        assertThat(frame.version()).isEqualTo(V11);
        assertThat(frame.headers()).doesNotContainKey("content-length");
        assertThat(given).containsEntry("destination", "/elsewhere");
        assertThat(new String(Commands.send("/queue/world", null).toBytes(), US_ASCII))
                .isEqualTo("SEND\ndestination:/queue/world\n\n\u0000");
    }

    @Test
    void subscribeReturnsTheToken() {
        SubscribeResult byDestination = Commands.subscribe("/q", headers("ack", "client"));
        assertThat(byDestination.frame()).isEqualTo(frame("SUBSCRIBE", headers("ack", "client", "destination", "/q")));
        assertThat(byDestination.token()).isEqualTo(new SubscriptionToken("destination", "/q"));
        SubscribeResult byId = Commands.subscribe("/q", headers("id", "4711", "destination", "/x"), "r", V10);
        assertThat(byId.frame()).isEqualTo(frame("SUBSCRIBE", headers("id", "4711", "destination", "/q",
                "receipt", "r")));
        assertThat(byId.token()).isEqualTo(SubscriptionToken.id("4711"));
        SubscribeResult v11 = Commands.subscribe("/q", headers("id", "s"), null, V11);
        assertThat(v11.token()).isEqualTo(SubscriptionToken.id("s"));
        assertThat(v11.frame().version()).isEqualTo(V11);
        assertThat(Commands.subscribe("/q", null).token()).isEqualTo(SubscriptionToken.destination("/q"));
    }

    @Test
    void subscribeRequiresAnIdFromOneOne() {
        assertInvalid(() -> Commands.subscribe("/q", headers("ack", "client"), null, V11),
                "Invalid SUBSCRIBE frame (id header mandatory in version 1.1) [headers={'ack': 'client', "
                        + "'destination': '/q'}]");
        assertInvalid(() -> Commands.subscribe("/q", null, "r", V12),
                "Invalid SUBSCRIBE frame (id header mandatory in version 1.2) [headers={'destination': '/q', "
                        + "'receipt': 'r'}]");
    }

    @Test
    void unsubscribe() {
        assertThat(Commands.unsubscribe(SubscriptionToken.id("4711"), null, null))
                .isEqualTo(frame("UNSUBSCRIBE", headers("id", "4711")));
        assertThat(Commands.unsubscribe(SubscriptionToken.destination("/q"), "r", V10))
                .isEqualTo(frame("UNSUBSCRIBE", headers("destination", "/q", "receipt", "r")));
        StompFrame v11 = Commands.unsubscribe(SubscriptionToken.id("4711"), null, V11);
        assertThat(v11).isEqualTo(frame("UNSUBSCRIBE", headers("id", "4711"), V11));
        assertInvalid(() -> Commands.unsubscribe(SubscriptionToken.destination("/q"), null, V11),
                "Invalid UNSUBSCRIBE frame (id header mandatory in version 1.1) [headers={'destination': '/q'}]");
        assertInvalid(() -> Commands.unsubscribe(new SubscriptionToken("foo", "bar"), null, V10),
                "Invalid UNSUBSCRIBE frame (destination header mandatory in version 1.0) [headers={'foo': 'bar'}]");
    }

    // transactions, heart-beat, incoming frames

    @Test
    void transactionFrames() {
        assertThat(Commands.begin("t", null, null)).isEqualTo(frame("BEGIN", headers("transaction", "t")));
        assertThat(Commands.abort("t", "r", V11)).isEqualTo(frame("ABORT", headers("transaction", "t", "receipt", "r"),
                V11));
        assertThat(Commands.commit("t", "", V12)).isEqualTo(frame("COMMIT", headers("transaction", "t"), V12));
    }

    /** Deviation: the reference sent {@code transaction:None}. */
    @Test
    void transactionFramesRejectANullId() {
        assertInvalid(() -> Commands.begin(null, null, null), "Invalid transaction id: None [command=BEGIN]");
        assertInvalid(() -> Commands.abort(null, null, V11), "Invalid transaction id: None [command=ABORT]");
        assertInvalid(() -> Commands.commit(null, null, V12), "Invalid transaction id: None [command=COMMIT]");
    }

    @Test
    void beat() {
        assertThat(Commands.beat(V11)).isSameAs(StompHeartBeat.INSTANCE);
        assertThat(Commands.beat(V12)).isSameAs(StompHeartBeat.INSTANCE);
        assertInvalid(() -> Commands.beat(V10), "Heart-beating not supported (version 1.0)");
        assertInvalid(() -> Commands.beat(null), "Heart-beating not supported (version 1.0)");
        assertInvalid(() -> Commands.beat("1.3"), "Version is not supported [1.3]");
    }

    @Test
    void messageReturnsTheSubscriptionToken() {
        assertThat(Commands.message(frame("MESSAGE", headers("destination", "/q", "message-id", "1"))))
                .isEqualTo(SubscriptionToken.destination("/q"));
        assertThat(Commands.message(frame("MESSAGE", headers("destination", "/q", "message-id", "1",
                "subscription", "s")))).isEqualTo(SubscriptionToken.id("s"));
        assertThat(Commands.message(frame("MESSAGE", headers("destination", "/q", "message-id", "1",
                "subscription", "s"), V12))).isEqualTo(SubscriptionToken.id("s"));
    }

    @Test
    void messageRejectsInvalidFrames() {
        assertInvalid(() -> Commands.message(frame("MESSAGE", headers("message-id", "007"))),
                "Invalid MESSAGE frame (destination header mandatory in version 1.0) [headers={'message-id': '007'}]");
        assertInvalid(() -> Commands.message(frame("MESSAGE", headers("destination", "/q"))),
                "Invalid MESSAGE frame (message-id header mandatory in version 1.0) [headers={'destination': '/q'}]");
        assertInvalid(() -> Commands.message(frame("MESSAGE", headers("destination", "/q", "message-id", "1"), V11)),
                "Invalid MESSAGE frame (subscription header mandatory in version 1.1) [headers={'destination': '/q', "
                        + "'message-id': '1'}]");
        assertInvalid(() -> Commands.message(frame("RECEIPT", headers())),
                "Cannot handle command: RECEIPT [expected=MESSAGE, headers={}]");
    }

    @Test
    void receiptAndError() {
        assertThat(Commands.receipt(frame("RECEIPT", headers("receipt-id", "4711")))).isEqualTo("4711");
        assertInvalid(() -> Commands.receipt(frame("RECEIPT", headers())),
                "Invalid RECEIPT frame (receipt-id header mandatory in version 1.0) [headers={}]");
        assertInvalid(() -> Commands.receipt(frame("ERROR", headers("message", "x"))),
                "Cannot handle command: ERROR [expected=RECEIPT, headers={'message': 'x'}]");
        Commands.error(frame("ERROR", headers("message", "x")));
        assertInvalid(() -> Commands.error(frame("RECEIPT", headers("receipt-id", "1"))),
                "Cannot handle command: RECEIPT [expected=ERROR, headers={'receipt-id': '1'}]");
    }

    @Test
    void versionAliases() {
        assertThat(Commands.versions(V11)).containsExactly(V10, V11);
        assertThat(Commands.versions(null)).containsExactly(V10);
        assertThat(Commands.version(null)).isEqualTo(V10);
        assertInvalid(() -> Commands.version("1.3"), "Version is not supported [1.3]");
    }

    @Test
    void tokenReprIsThePythonTuple() {
        assertThat(SubscriptionToken.destination("/queue/test")).hasToString("('destination', '/queue/test')");
        assertThat(SubscriptionToken.id("it's")).hasToString("('id', \"it's\")");
    }
}
