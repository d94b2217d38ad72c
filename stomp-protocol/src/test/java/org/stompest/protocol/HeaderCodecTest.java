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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stompest.error.StompFrameError;

/**
 * {@link HeaderCodec}: the escape tables of §2.6 both ways per version, the excluded commands, and every
 * unescape error with its exact message. Texts are written with Java escapes: {@code "\\c"} is backslash-c.
 */
class HeaderCodecTest {
    private static final String PREFIX = "No escape sequence defined for this character ";

    @ParameterizedTest(name = "{0}: {1} <-> {2}")
    @CsvSource(delimiter = '|', value = {
        "1.1 | \\ | \\\\",
        "1.1 | :  | \\c",
        "1.2 | \\ | \\\\",
        "1.2 | :  | \\c",
    })
    void tableEntriesEscapeAndUnescape(String version, String real, String escaped) {
        assertThat(HeaderCodec.escapeValue(real, "x", version, StompSpec.SEND)).isEqualTo(escaped);
        assertThat(HeaderCodec.unescape(escaped, version, StompSpec.SEND)).isEqualTo(real);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "1.2"})
    void lineFeedEscapesAsBackslashN(String version) {
        assertThat(HeaderCodec.escapeValue("\n", "x", version, StompSpec.SEND)).isEqualTo("\\n");
        assertThat(HeaderCodec.unescape("\\n", version, StompSpec.SEND)).isEqualTo("\n");
    }

    /** 1.1 has no escape for CR: rendering refuses it, parsing still takes a raw one (as it comes from a broker). */
    @Test
    void carriageReturnIsEscapedOnlyIn12() {
        assertThat(HeaderCodec.escapeValue("\r", "x", "1.2", StompSpec.SEND)).isEqualTo("\\r");
        assertThat(HeaderCodec.unescape("\\r", "1.2", StompSpec.SEND)).isEqualTo("\r");
        assertThatThrownBy(() -> HeaderCodec.escapeValue("\r", "x", "1.1", StompSpec.SEND))
                .isInstanceOf(StompFrameError.class);
        assertThat(HeaderCodec.unescape("a\rb", "1.1", StompSpec.SEND)).isEqualTo("a\rb");
    }

    @Test
    void mixedTextIsEscapedInOnePassNeverTwice() {
        assertThat(HeaderCodec.escapeValue("a:b\nc\\d", "x", "1.1", StompSpec.MESSAGE)).isEqualTo("a\\cb\\nc\\\\d");
        assertThat(HeaderCodec.escapeName("a:b\nc\\d\re", "1.2", StompSpec.MESSAGE)).isEqualTo("a\\cb\\nc\\\\d\\re");
        assertThat(HeaderCodec.escapeValue("\\c", "x", "1.1", StompSpec.SEND)).isEqualTo("\\\\c");
        assertThat(HeaderCodec.unescape("\\\\c", "1.1", StompSpec.SEND)).isEqualTo("\\c");
        assertThat(HeaderCodec.unescape("a\\cb\\nc\\\\d\\re", "1.2", StompSpec.MESSAGE)).isEqualTo("a:b\nc\\d\re");
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String text = "plain fen\u00eatre \t text";

        assertThat(HeaderCodec.escapeName(text, "1.2", StompSpec.SEND)).isSameAs(text);
        assertThat(HeaderCodec.escapeValue(text, "x", "1.2", StompSpec.SEND)).isSameAs(text);
        assertThat(HeaderCodec.unescape(text, "1.2", StompSpec.SEND)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABORT", "ACK", "BEGIN", "COMMIT", "CONNECT", "DISCONNECT", "SEND", "SUBSCRIBE",
        "UNSUBSCRIBE", "CONNECTED", "ERROR", "MESSAGE", "RECEIPT", "NACK", "STOMP"})
    void version10EscapesNothingForAnyCommand(String command) {
        String text = "a:b\\c d\te\\h";

        assertThat(HeaderCodec.escapeValue(text, "x", "1.0", command)).isSameAs(text);
        assertThat(HeaderCodec.unescape(text, "1.0", command)).isSameAs(text);
    }

    @ParameterizedTest
    @CsvSource({"1.1, CONNECT", "1.1, CONNECTED", "1.2, CONNECT", "1.2, CONNECTED"})
    void connectAndConnectedAreNeverEscaped(String version, String command) {
        String text = "a:b\\c d\te\\h";

        assertThat(HeaderCodec.escapeValue(text, "x", version, command)).isSameAs(text);
        assertThat(HeaderCodec.unescape(text, version, command)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "1.2"})
    void stompIsNotExcluded(String version) {
        assertThat(HeaderCodec.escapeName("a:b", version, StompSpec.STOMP)).isEqualTo("a\\cb");
        assertThat(HeaderCodec.unescape("a\\cb", version, StompSpec.STOMP)).isEqualTo("a:b");
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("invalid")
    void invalidTextFailsToUnescape(String version, String text, String message) {
        assertThatThrownBy(() -> HeaderCodec.unescape(text, version, StompSpec.MESSAGE))
                .isInstanceOf(StompFrameError.class)
                .hasMessage(PREFIX + message);
    }

    static Object[][] invalid() {
        return new Object[][] {
            {"1.1", "a:b", "(version 1.1): ':' [text='a:b']"},
            {"1.2", "a:b", "(version 1.2): ':' [text='a:b']"},
            {"1.1", "foo\\t", "(version 1.1): '\\\\t' [text='foo\\\\t']"},
            {"1.2", "\\h", "(version 1.2): '\\\\h' [text='\\\\h']"},
            {"1.1", "\\r", "(version 1.1): '\\\\r' [text='\\\\r']"},
            {"1.2", "\rqueue", "(version 1.2): '\\r' [text='\\rqueue']"},
            {"1.2", "x\r", "(version 1.2): '\\r' [text='x\\r']"},
            {"1.1", "x\\", "(version 1.1): '\\\\' [text='x\\\\']"},
            {"1.2", "\\", "(version 1.2): '\\\\' [text='\\\\']"},
            {"1.1", "a\nb", "(version 1.1): '\\n' [text='a\\nb']"},
            {"1.1", "\\\nb", "(version 1.1): '\\\\' [text='\\\\\\nb']"},
            {"1.1", "ok\\c\\n then:bad", "(version 1.1): ':' [text='ok\\\\c\\\\n then:bad']"},
            {"1.1", "\\\uD83D\uDE00", "(version 1.1): '\\\\\uD83D\uDE00' [text='\\\\\uD83D\uDE00']"},
            {"1.1", "it's\\x", "(version 1.1): '\\\\x' [text=\"it's\\\\x\"]"},
        };
    }

    @Test
    void rawColonIsKeptInConnected() {
        assertThat(HeaderCodec.unescape("ID:host-1:2", "1.2", StompSpec.CONNECTED)).isEqualTo("ID:host-1:2");
    }

    /**
     * For random headers in 1.1/1.2: unescape inverts escape, and escaped text has no raw ':', LF or CR; a CR in
     * 1.1, which has no escape for it, is refused instead.
     */
    @Property
    void unescapeInvertsEscape(@ForAll("headerMaps") Map<String, String> headers,
                               @ForAll("escapingVersions") String version,
                               @ForAll("escapedCommands") String command) {
        boolean refusesCr = StompSpec.VERSION_1_1.equals(version);
        boolean anyCr = false;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            for (String text : new String[] {header.getKey(), header.getValue()}) {
                if (refusesCr && text.indexOf('\r') >= 0) {
                    anyCr = true;
                    assertThatThrownBy(() -> HeaderCodec.escapeName(text, version, command))
                            .isInstanceOf(StompFrameError.class);
                    continue;
                }
                String escaped = HeaderCodec.escapeName(text, version, command);
                assertThat(HeaderCodec.escapeValue(text, header.getKey(), version, command)).isEqualTo(escaped);
                assertThat(escaped).doesNotContain(":", "\n", "\r");
                assertThat(HeaderCodec.unescape(escaped, version, command)).isEqualTo(text);
            }
        }
        // One line per header on the wire, however many special characters there are.
        StompFrame frame = new StompFrame(command, headers, null, version);
        if (anyCr) {
            assertThatThrownBy(frame::toBytes).isInstanceOf(StompFrameError.class);
            return;
        }
        String wire = new String(frame.toBytes(), StandardCharsets.UTF_8);
        assertThat(wire.chars().filter(c -> c == '\n').count()).isEqualTo(headers.size() + 2);
    }

    /** Where a character cannot be escaped, rendering refuses it and names the header, never the value. */
    @ParameterizedTest(name = "[{index}] {0} {1} {2}:{3}")
    @MethodSource("refused")
    void unescapableCharacterIsRefusedNamingTheHeader(String version, String command, String name, String value,
                                                      String message) {
        assertThatThrownBy(() -> {
            HeaderCodec.escapeName(name, version, command);
            HeaderCodec.escapeValue(value, name, version, command);
        }).isInstanceOf(StompFrameError.class).hasMessage(message);
    }

    static Object[][] refused() {
        return new Object[][] {
            {"1.0", "SEND", "x-note", "a\ndestination:/queue/evil",
                "Header value of 'x-note' contains a line feed (LF), which STOMP 1.0 cannot escape [command=SEND]"},
            {"1.0", "SEND", "x\nnote", "a",
                "Header name 'x\\nnote' contains a line feed (LF), which STOMP 1.0 cannot escape [command=SEND]"},
            {"1.0", "MESSAGE", "x:note", "a",
                "Header name 'x:note' contains a colon (':'), which STOMP 1.0 cannot escape [command=MESSAGE]"},
            {"1.0", "SEND", "x-note", "a\rb",
                "Header value of 'x-note' contains a carriage return (CR), which STOMP 1.0 cannot escape "
                    + "[command=SEND]"},
            {"1.1", "SEND", "x-note", "a\rb",
                "Header value of 'x-note' contains a carriage return (CR), which STOMP 1.1 cannot escape "
                    + "[command=SEND]"},
            {"1.2", "SEND", "x-note", "a\0b",
                "Header value of 'x-note' contains a NUL, which STOMP 1.2 cannot escape [command=SEND]"},
            {"1.1", "CONNECT", "login", "a\nb",
                "Header value of 'login' contains a line feed (LF), which STOMP 1.1 cannot escape in CONNECT "
                    + "frames [command=CONNECT]"},
            {"1.2", "CONNECT", "passcode", "secret\r\n",
                "Header value of 'passcode' contains a carriage return (CR), which STOMP 1.2 cannot escape in "
                    + "CONNECT frames [command=CONNECT]"},
            {"1.2", "CONNECTED", "ser:ver", "a",
                "Header name 'ser:ver' contains a colon (':'), which STOMP 1.2 cannot escape in CONNECTED frames "
                    + "[command=CONNECTED]"},
        };
    }

    /** A colon in a value needs no escape where escaping is off: the parser splits at the first colon. */
    @Test
    void colonInValueIsKeptWhereEscapingIsOff() {
        assertThat(HeaderCodec.escapeValue("ID:host-1:2", "session", "1.2", StompSpec.CONNECTED))
                .isEqualTo("ID:host-1:2");
        assertThat(HeaderCodec.escapeValue("a:b", "x", "1.0", StompSpec.SEND)).isEqualTo("a:b");
    }

    @Provide
    Arbitrary<Map<String, String>> headerMaps() {
        Arbitrary<String> text = Arbitraries.strings()
                .withChars('\\', ':', '\n', '\r', 'c', 'n', 'r', 'a', ' ', '\t', '\u00ea')
                .withCharRange('\u0020', '\u007e')
                .ofMaxLength(12);
        return Arbitraries.maps(text, text).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> escapingVersions() {
        return Arbitraries.of(StompSpec.VERSION_1_1, StompSpec.VERSION_1_2);
    }

    @Provide
    Arbitrary<String> escapedCommands() {
        return Arbitraries.of(StompSpec.SEND, StompSpec.MESSAGE, StompSpec.SUBSCRIBE, StompSpec.ERROR,
                StompSpec.STOMP, StompSpec.NACK, StompSpec.ACK);
    }
}
