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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stompest.error.StompFrameError;
import org.stompest.error.StompProtocolError;

/**
 * {@link StompFrame}: rendering, header forms, escaping per version, equality by wire bytes, {@code info()},
 * {@code toString()} and {@code toMap()}. Expected wire bytes are written one char per byte (ISO-8859-1), so
 * {@code "\u00c3\u00aa"} reads like the reference's {@code b'\xc3\xaa'}.
 */
class StompFrameTest {
    private static final String SEND_TWO_LINES = "SEND\ndestination:/queue/world\n\ntwo\nlines\0";
    private static final String DISCONNECT = "DISCONNECT\n\n\0";
    /** fenêtre / über as UTF-8 bytes. */
    private static final String UTF8_SEND = "SEND\nfen\u00c3\u00aatre:\u00c3\u00bcber\n\n\0";
    private static final String BINARY_MESSAGE = "MESSAGE\ncontent-length:4\n\n\0\nx\0\0";
    private static final String RAW_DUPLICATES = "SEND\nfoo:bar1\nfoo:bar2\nbaz:x\n\n\0";
    private static final String UNRAWED_DUPLICATES = "SEND\nbaz:x\nfoo:bar1\n\n\0";
    /** Header {'\n\\': ':\t\n'}: LF, backslash and colon escaped, the TAB kept. */
    private static final String ESCAPED_1_1 = "SEND\n\\n\\\\:\\c\t\\n\n\n\0";
    private static final String UNESCAPED = "SEND\n\\::\t\n\n\0";
    /** The injection of issue 12: a 1.0 header value whose LF would start a destination header line. */
    private static final String INJECTED_VALUE = "a\ndestination:/queue/evil";

    // §12.2 item 1
    @Test
    void sendFrameWithMultiLineBodyRenders() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("destination", "/queue/world"), ascii("two\nlines"));

        assertThat(wire(frame)).isEqualTo(SEND_TWO_LINES);
    }

    // §12.2 item 2
    @Test
    void toMapGivesConstructorArgumentsThatRebuildAnEqualFrame() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("destination", "/queue/world"), ascii("two\nlines"),
                StompSpec.VERSION_1_1);

        Map<String, Object> map = frame.toMap();

        assertThat(map).containsOnlyKeys("command", "headers", "body", "version");
        assertThat(map.keySet()).containsExactly("command", "headers", "body", "version");
        assertThat(map.get("command")).isEqualTo("SEND");
        assertThat(map.get("headers")).isEqualTo(Map.of("destination", "/queue/world"));
        assertThat((byte[]) map.get("body")).isEqualTo(ascii("two\nlines"));
        assertThat(map.get("version")).isEqualTo("1.1");
        assertThat(frame).hasToString("StompFrame(command='SEND', headers={'destination': '/queue/world'}, "
                + "body=b'two\\nlines', version='1.1')");
        assertThat(rebuild(map)).isEqualTo(frame);
    }

    @Test
    void toMapOfRawFrameHoldsRawHeadersAndRebuildsAnEqualFrame() {
        StompFrame frame = StompFrame.raw(StompSpec.MESSAGE,
                List.of(Map.entry("destination", "/queue/a"), Map.entry("destination", "/queue/b")),
                ascii("x"), StompSpec.VERSION_1_2);

        Map<String, Object> map = frame.toMap();

        assertThat(map.keySet()).containsExactly("command", "body", "rawHeaders", "version");
        assertThat(map.get("rawHeaders"))
                .isEqualTo(List.of(Map.entry("destination", "/queue/a"), Map.entry("destination", "/queue/b")));
        assertThat(frame).hasToString("StompFrame(command='MESSAGE', body=b'x', rawHeaders=[('destination', "
                + "'/queue/a'), ('destination', '/queue/b')], version='1.2')");
        assertThat(rebuild(map)).isEqualTo(frame);
    }

    @Test
    void toMapOfDefaultsHoldsOnlyTheCommand() {
        StompFrame frame = new StompFrame(StompSpec.DISCONNECT);

        assertThat(frame.toMap()).containsExactly(Map.entry("command", "DISCONNECT"));
        assertThat(frame).hasToString("StompFrame(command='DISCONNECT')");
    }

    @Test
    void toMapCopiesTheBodyAndHeaders() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("a", "b"), ascii("xyz"));

        ((byte[]) frame.toMap().get("body"))[0] = 'Q';
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) frame.toMap().get("headers");
        headers.put("c", "d");

        assertThat(wire(frame)).isEqualTo("SEND\na:b\n\nxyz\0");
    }

    @Test
    void toStringRendersTextAndBytesLikePythonReprs() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("it's", "say \"hi\"", "both", "'\""),
                ascii("it's\0\u00ff"));

        assertThat(frame).hasToString("StompFrame(command='SEND', headers={\"it's\": 'say \"hi\"', "
                + "'both': '\\'\"'}, body=b\"it's\\x00\\xff\")");
    }

    // §12.2 item 3
    @Test
    void frameWithoutHeadersOrBodyRenders() {
        StompFrame frame = new StompFrame(StompSpec.DISCONNECT);

        assertThat(wire(frame)).isEqualTo(DISCONNECT);
        assertThat(frame.headers()).isEmpty();
        assertThat(frame.rawHeaders()).isNull();
        assertThat(frame.body()).isEmpty();
        assertThat(frame.version()).isEqualTo(StompSpec.VERSION_1_0);
    }

    // §12.2 item 4
    @Test
    void utf8HeadersRenderAsUtf8InVersion11() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("fen\u00eatre", "\u00fcber"), null,
                StompSpec.VERSION_1_1);
        StompFrame same = new StompFrame(StompSpec.SEND, headers("fen\u00eatre", "\u00fcber"), null,
                StompSpec.VERSION_1_1);

        assertThat(wire(frame)).isEqualTo(UTF8_SEND);
        assertThat(frame).isEqualTo(same);
        assertThat(frame.hashCode()).isEqualTo(same.hashCode());
    }

    @Test
    void fourByteUtf8CharactersRenderInVersion11() {
        String grin = "\uD83D\uDE00";
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("rocket\uD83D\uDE80", grin), null,
                StompSpec.VERSION_1_1);

        assertThat(frame.toBytes()).isEqualTo(("SEND\nrocket\uD83D\uDE80:" + grin + "\n\n\0")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(wire(frame)).isEqualTo("SEND\nrocket\u00f0\u009f\u009a\u0080:\u00f0\u009f\u0098\u0080\n\n\0");
    }

    // §12.2 item 5 (Java: StompFrameError instead of UnicodeEncodeError)
    @Test
    void utf8HeadersFailToRenderInVersion10() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("fen\u00eatre", "\u00fcber"), null,
                StompSpec.VERSION_1_1);
        frame.setVersion(StompSpec.VERSION_1_0);

        assertThatThrownBy(frame::toBytes)
                .isInstanceOf(StompFrameError.class)
                .hasMessage("Cannot encode non-ASCII character '\u00ea' at position 3 in version 1.0 "
                        + "[text='fen\u00eatre', header='fen\u00eatre']");
        assertThatThrownBy(() -> frame.writeTo(new ByteArrayOutputStream())).isInstanceOf(StompFrameError.class);
    }

    @Test
    void nonAsciiValueErrorNamesTheHeaderAndTheWholeCharacter() {
        StompFrame value = new StompFrame(StompSpec.SEND, headers("destination", "\u00fcber"));
        StompFrame emoji = new StompFrame(StompSpec.SEND, headers("x", "ab\uD83D\uDE00"));

        assertThatThrownBy(value::toBytes).hasMessage("Cannot encode non-ASCII character '\u00fc' at position 0 "
                + "in version 1.0 [text='\u00fcber', header='destination']");
        assertThatThrownBy(emoji::toBytes).hasMessage("Cannot encode non-ASCII character '\uD83D\uDE00' at "
                + "position 2 in version 1.0 [text='ab\uD83D\uDE00', header='x']");
    }

    @Test
    void nonAsciiCommandFailsToRenderInVersion10() {
        StompFrame frame = new StompFrame("S\u00c9ND");

        assertThatThrownBy(frame::toBytes).isInstanceOf(StompFrameError.class)
                .hasMessage("Cannot encode non-ASCII character '\u00c9' at position 1 in version 1.0 "
                        + "[text='S\u00c9ND', command]");
    }

    @Test
    void unpairedSurrogateFailsToRenderInVersion11() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("x", "a\uD83D"), null, StompSpec.VERSION_1_1);

        assertThatThrownBy(frame::toBytes).isInstanceOf(StompFrameError.class)
                .hasMessage("Cannot encode unpaired surrogate at position 1 [text='a\\ud83d', header='x']");
    }

    // §12.2 item 6
    @Test
    void binaryBodyRendersVerbatim() {
        StompFrame frame = new StompFrame(StompSpec.MESSAGE, headers("content-length", "4"), ascii("\0\nx\0"));

        assertThat(wire(frame)).isEqualTo(BINARY_MESSAGE);
    }

    @Test
    void bodyBytesAreNotEncodedInVersion10() {
        byte[] body = {(byte) 0xc3, (byte) 0xaa, (byte) 0xff};
        StompFrame frame = new StompFrame(StompSpec.SEND, null, body);

        assertThat(wire(frame)).isEqualTo("SEND\n\n\u00c3\u00aa\u00ff\0");
    }

    // §12.2 item 7
    @Test
    void rawDuplicateHeadersRenderInOrderAndTheFirstWins() {
        StompFrame frame = StompFrame.raw(StompSpec.SEND,
                List.of(Map.entry("foo", "bar1"), Map.entry("foo", "bar2"), Map.entry("baz", "x")), null, null);

        assertThat(wire(frame)).isEqualTo(RAW_DUPLICATES);
        assertThat(frame.headers()).containsExactly(Map.entry("foo", "bar1"), Map.entry("baz", "x"));
        assertThat(frame.header("foo")).isEqualTo("bar1");
        assertThat(frame.header("nope")).isNull();
        assertThat(frame.rawHeaders()).containsExactly(
                Map.entry("foo", "bar1"), Map.entry("foo", "bar2"), Map.entry("baz", "x"));

        frame.unraw();

        assertThat(frame.rawHeaders()).isNull();
        assertThat(frame.headers()).containsExactly(Map.entry("foo", "bar1"), Map.entry("baz", "x"));
        assertThat(wire(frame)).isEqualTo(UNRAWED_DUPLICATES);
    }

    @Test
    void writingToDerivedHeadersOfRawFrameChangesNothing() {
        StompFrame frame = StompFrame.raw(StompSpec.SEND, List.of(Map.entry("foo", "bar1")), null, null);

        frame.headers().put("foo", "changed");
        frame.headers().put("new", "header");
        frame.setHeaders(headers("foo", "bar3"));

        assertThat(frame.headers()).containsExactly(Map.entry("foo", "bar1"));
        assertThat(wire(frame)).isEqualTo("SEND\nfoo:bar1\n\n\0");
        assertThatThrownBy(() -> frame.rawHeaders().add(Map.entry("x", "y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void firstRawOccurrenceWinsEvenWhenItsValueIsNull() {
        List<Map.Entry<String, String>> raw = new ArrayList<>();
        raw.add(new AbstractMap.SimpleEntry<>("foo", null));
        raw.add(Map.entry("foo", "bar"));
        StompFrame frame = StompFrame.raw(StompSpec.SEND, raw, null, null);

        assertThat(frame.headers()).containsExactly(new AbstractMap.SimpleEntry<>("foo", null));
        assertThat(frame.header("foo")).isNull();
    }

    @Test
    void headersOfDictFrameAreLive() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("a", "1"));

        frame.headers().put("b", "2");

        assertThat(wire(frame)).isEqualTo("SEND\na:1\nb:2\n\n\0");
    }

    @Test
    void unrawWithoutRawHeadersDoesNothing() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("a", "1"));

        frame.unraw();

        assertThat(frame.headers()).containsExactly(Map.entry("a", "1"));
        assertThat(frame.rawHeaders()).isNull();
    }

    @Test
    void rawFactoryWithoutHeadersMakesAnEmptyRawList() {
        StompFrame frame = StompFrame.raw(StompSpec.RECEIPT, null, null, StompSpec.VERSION_1_1);

        assertThat(frame.rawHeaders()).isEmpty();
        assertThat(wire(frame)).isEqualTo("RECEIPT\n\n\0");
        assertThat(frame).hasToString("StompFrame(command='RECEIPT', rawHeaders=[], version='1.1')");
    }

    // §12.2 item 8 (Java: string headers)
    @Test
    void numericStringHeadersRender() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("123", "456"));

        assertThat(wire(frame)).isEqualTo("SEND\n123:456\n\n\0");
    }

    @Test
    void nullHeaderNameOrValueIsAFrameError() {
        StompFrame nullName = new StompFrame(StompSpec.SEND, headers(null, "v", "b", "2"));
        StompFrame nullValue = new StompFrame(StompSpec.SEND, headers("a", null));

        assertThatThrownBy(nullName::toBytes).isInstanceOf(StompFrameError.class)
                .hasMessage("Header name is null [command=SEND, header=None]");
        assertThatThrownBy(nullValue::toBytes).isInstanceOf(StompFrameError.class)
                .hasMessage("Header value is null [command=SEND, header='a']");
        assertThat(nullName.equals(new StompFrame(StompSpec.SEND))).isFalse();
    }

    @Test
    void headersFromMapRenderSortedByName() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("b", "2", "a", "1", "A", "x"));

        assertThat(wire(frame)).isEqualTo("SEND\nA:x\na:1\nb:2\n\n\0");
    }

    @Test
    void headersFromMapSortByCodePointLikePython() {
        // UTF-16 order would put the surrogate pair (0xD83D...) before U+FF01; Python sorts by code point.
        String grin = "\uD83D\uDE00";
        StompFrame frame = new StompFrame(StompSpec.SEND, headers(grin, "1", "\uFF01", "2", "z", "3"), null,
                StompSpec.VERSION_1_1);

        assertThat(frame.toBytes()).isEqualTo(("SEND\nz:3\n\uFF01:2\n" + grin + ":1\n\n\0")
                .getBytes(StandardCharsets.UTF_8));
    }

    // §12.2 item 9; the raw CR the reference wrote in 1.1 is refused here (issue 12)
    @Test
    void version11EscapesLfBackslashAndColonAndRefusesCr() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("\n\\", ":\t\n"), null, StompSpec.VERSION_1_1);
        StompFrame cr = new StompFrame(StompSpec.SEND, headers("\n\\", ":\t\r"), null, StompSpec.VERSION_1_1);

        assertThat(wire(frame)).isEqualTo(ESCAPED_1_1);
        assertRefused(cr, "Header value of '\\n\\\\' "
                + "contains a carriage return (CR), which STOMP 1.1 cannot escape [command=SEND]");
    }

    @Test
    void version12AlsoEscapesCr() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("\n\\", ":\t\r"), null, StompSpec.VERSION_1_2);

        assertThat(wire(frame)).isEqualTo("SEND\n\\n\\\\:\\c\t\\r\n\n\0");
    }

    @Test
    void version10EscapesNothing() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("\\", ":\t"));

        assertThat(wire(frame)).isEqualTo(UNESCAPED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1", "1.2"})
    void connectIsNeverEscaped(String version) {
        StompFrame frame = new StompFrame(StompSpec.CONNECT, headers("login", "a\\b:c"), null, version);

        assertThat(wire(frame)).isEqualTo("CONNECT\nlogin:a\\b:c\n\n\0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "1.2"})
    void connectedIsNeverEscapedButStompIs(String version) {
        StompFrame connected = new StompFrame(StompSpec.CONNECTED, headers("server", "a:b"), null, version);
        StompFrame stomp = new StompFrame(StompSpec.STOMP, headers("host", "a:b"), null, version);

        assertThat(wire(connected)).isEqualTo("CONNECTED\nserver:a:b\n\n\0");
        assertThat(wire(stomp)).isEqualTo("STOMP\nhost:a\\cb\n\n\0");
    }

    // Issue 12: header injection. The reference wrote these raw, so a value could add header lines.
    @Test
    void lineFeedInVersion10HeaderValueIsRefusedNamingTheHeader() {
        StompFrame frame = new StompFrame(StompSpec.SEND,
                headers("destination", "/queue/ok", "x-note", INJECTED_VALUE), ascii("body"));

        assertRefused(frame, "Header value of "
                + "'x-note' contains a line feed (LF), which STOMP 1.0 cannot escape [command=SEND]");
    }

    @Test
    void rawHeadersAreRefusedToo() {
        StompFrame frame = StompFrame.raw(StompSpec.SEND, List.of(Map.entry("x\nnote", "a")), null,
                StompSpec.VERSION_1_0);

        assertRefused(frame, "Header name "
                + "'x\\nnote' contains a line feed (LF), which STOMP 1.0 cannot escape [command=SEND]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1", "1.2"})
    void lineFeedInConnectHeaderIsRefusedInEveryVersion(String version) {
        StompFrame login = new StompFrame(StompSpec.CONNECT, headers("login", "guest\npasscode:x"), null, version);
        StompFrame host = new StompFrame(StompSpec.CONNECT, headers("host", "/\rx"), null, version);
        String where = StompSpec.VERSION_1_0.equals(version) ? "" : " in CONNECT frames";

        assertRefused(login, "Header value of "
                + "'login' contains a line feed (LF), which STOMP " + version + " cannot escape" + where
                + " [command=CONNECT]");
        assertRefused(host, "Header value of "
                + "'host' contains a carriage return (CR), which STOMP " + version + " cannot escape" + where
                + " [command=CONNECT]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1", "1.2"})
    void colonInConnectHeaderNameIsRefusedButKeptInItsValue(String version) {
        StompFrame name = new StompFrame(StompSpec.CONNECT, headers("lo:gin", "a"), null, version);
        StompFrame value = new StompFrame(StompSpec.CONNECT, headers("login", "a:b"), null, version);

        assertThatThrownBy(name::toBytes).isInstanceOf(StompFrameError.class)
                .hasMessageStartingWith("Header name 'lo:gin' contains a colon (':'), which STOMP " + version);
        assertThat(wire(value)).isEqualTo("CONNECT\nlogin:a:b\n\n\0");
    }

    /** No version has an escape for NUL, and a broker reading without content-length ends the frame there. */
    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1", "1.2"})
    void nulInHeaderIsRefusedInEveryVersion(String version) {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("x", "a\0SEND"), null, version);

        assertRefused(frame, "Header value of 'x' "
                + "contains a NUL, which STOMP " + version + " cannot escape [command=SEND]");
    }

    @Test
    void passcodeValueNeverAppearsInRenderingErrors() {
        StompFrame lineFeed = new StompFrame(StompSpec.CONNECT, headers("passcode", "s3cret\nx:y"), null,
                StompSpec.VERSION_1_2);
        StompFrame nonAscii = new StompFrame(StompSpec.CONNECT, headers("passcode", "s3cr\u00e9t"));

        assertThatThrownBy(lineFeed::toBytes).isInstanceOf(StompFrameError.class)
                .hasMessageContaining("'passcode'").message().doesNotContain("s3cr");
        assertThatThrownBy(nonAscii::toBytes).isInstanceOf(StompFrameError.class)
                .hasMessage("Cannot encode non-ASCII character '\u00e9' at position 4 in version 1.0 "
                        + "[text='***', header='passcode']");
    }

    @Test
    void refusedFrameWritesNothing() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("destination", "/queue/ok", "x-note",
                INJECTED_VALUE), ascii("body"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> frame.writeTo(out)).isInstanceOf(StompFrameError.class);
        assertThat(out.size()).isZero();
    }

    // Deliberate fix of the upstream bug (§3.1, §13 item 7): 1.0 has no escape table, so nothing is escaped.
    @Test
    void stompAndNackFramesWithHeadersRenderInVersion10() {
        StompFrame stomp = new StompFrame(StompSpec.STOMP, headers("accept-version", "1.0,1.1", "host", "a:b"));
        StompFrame nack = new StompFrame(StompSpec.NACK, headers("subscription", "0", "message-id", "007"));
        StompFrame bare = new StompFrame(StompSpec.NACK);

        assertThat(wire(stomp)).isEqualTo("STOMP\naccept-version:1.0,1.1\nhost:a:b\n\n\0");
        assertThat(wire(nack)).isEqualTo("NACK\nmessage-id:007\nsubscription:0\n\n\0");
        assertThat(wire(bare)).isEqualTo("NACK\n\n\0");
    }

    @Test
    void rawHeadersAreEscapedToo() {
        StompFrame frame = StompFrame.raw(StompSpec.MESSAGE, List.of(Map.entry("a:b", "c\nd")), null,
                StompSpec.VERSION_1_2);

        assertThat(wire(frame)).isEqualTo("MESSAGE\na\\cb:c\\nd\n\n\0");
    }

    // §12.2 item 10
    @Test
    void infoCutsTheBodyAt20Bytes() {
        StompFrame frame = new StompFrame(StompSpec.MESSAGE, headers("a", "c"), ascii("More text than fits in the log"),
                StompSpec.VERSION_1_1);

        assertThat(frame.info())
                .isEqualTo("MESSAGE frame [headers={'a': 'c'}, body=b'More text than fits ...', version=1.1]");
    }

    @Test
    void infoShowsABodyOfExactly20BytesWhole() {
        StompFrame twenty = new StompFrame(StompSpec.SEND, null, ascii("01234567890123456789"));
        StompFrame twentyOne = new StompFrame(StompSpec.SEND, null, ascii("012345678901234567890"));

        assertThat(twenty.info()).isEqualTo("SEND frame [body=b'01234567890123456789', version=1.0]");
        assertThat(twentyOne.info()).isEqualTo("SEND frame [body=b'01234567890123456789...', version=1.0]");
    }

    @Test
    void infoOmitsEmptyHeadersAndBodyAndShowsBinaryAsEscapes() {
        StompFrame bare = new StompFrame(StompSpec.DISCONNECT);
        StompFrame binary = new StompFrame(StompSpec.SEND, null, ascii("\0\n\u00ff"), StompSpec.VERSION_1_2);

        assertThat(bare.info()).isEqualTo("DISCONNECT frame [version=1.0]");
        assertThat(binary.info()).isEqualTo("SEND frame [body=b'\\x00\\n\\xff', version=1.2]");
    }

    @Test
    void infoOfRawFrameShowsTheDeduplicatedHeaders() {
        StompFrame frame = StompFrame.raw(StompSpec.MESSAGE,
                List.of(Map.entry("destination", "/q"), Map.entry("message-id", "1"), Map.entry("destination", "/r")),
                null, StompSpec.VERSION_1_1);

        assertThat(frame.info())
                .isEqualTo("MESSAGE frame [headers={'destination': '/q', 'message-id': '1'}, version=1.1]");
    }

    @Test
    void passcodeIsMaskedInToStringAndInfo() {
        StompFrame frame = new StompFrame(StompSpec.CONNECT, headers("login", "guest", "passcode", "secret"));
        StompFrame raw = StompFrame.raw(StompSpec.CONNECT,
                List.of(Map.entry("login", "guest"), Map.entry("passcode", "secret")), null, StompSpec.VERSION_1_1);

        assertThat(frame).hasToString("StompFrame(command='CONNECT', headers={'login': 'guest', 'passcode': '***'})");
        assertThat(frame.info()).isEqualTo("CONNECT frame [headers={'login': 'guest', 'passcode': '***'}, version=1.0]");
        assertThat(raw).hasToString("StompFrame(command='CONNECT', rawHeaders=[('login', 'guest'), "
                + "('passcode', '***')], version='1.1')");
        assertThat(raw.info()).isEqualTo("CONNECT frame [headers={'login': 'guest', 'passcode': '***'}, version=1.1]");
        for (String shown : List.of(frame.toString(), frame.info(), raw.toString(), raw.info())) {
            assertThat(shown).doesNotContain("secret");
        }
        assertThat(wire(frame)).isEqualTo("CONNECT\nlogin:guest\npasscode:secret\n\n\0");
    }

    @Test
    void emptyPasscodeShowsEmpty() {
        StompFrame frame = new StompFrame(StompSpec.CONNECT, headers("passcode", ""));

        assertThat(frame).hasToString("StompFrame(command='CONNECT', headers={'passcode': ''})");
        assertThat(frame.info()).isEqualTo("CONNECT frame [headers={'passcode': ''}, version=1.0]");
    }

    // §4.6
    @Test
    void setContentLengthReplacesTheMapValue() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("content-length", "99"), ascii("xyz"));
        StompFrame empty = new StompFrame(StompSpec.SEND);

        frame.setContentLength();
        empty.setContentLength();

        assertThat(frame.headers()).containsExactly(Map.entry("content-length", "3"));
        assertThat(wire(frame)).isEqualTo("SEND\ncontent-length:3\n\nxyz\0");
        assertThat(wire(empty)).isEqualTo("SEND\ncontent-length:0\n\n\0");
    }

    @Test
    void setContentLengthOnRawFramePrependsTheHeader() {
        StompFrame frame = StompFrame.raw(StompSpec.SEND, List.of(Map.entry("content-length", "99")), ascii("xyz"),
                null);

        frame.setContentLength();

        assertThat(wire(frame)).isEqualTo("SEND\ncontent-length:3\ncontent-length:99\n\nxyz\0");
        assertThat(frame.headers()).containsExactly(Map.entry("content-length", "3"));
        assertThat(frame.rawHeaders()).containsExactly(
                Map.entry("content-length", "3"), Map.entry("content-length", "99"));
    }

    @Test
    void setContentLengthCountsBytesNotCharacters() {
        byte[] body = "\u00fcber".getBytes(StandardCharsets.UTF_8);
        StompFrame frame = new StompFrame(StompSpec.SEND, null, body, StompSpec.VERSION_1_1);

        frame.setContentLength();

        assertThat(frame.header("content-length")).isEqualTo("5");
    }

    // §4.4, §13 item 6
    @Test
    void framesOfDifferentVersionsAndHeaderFormsAreEqualWhenTheirBytesAre() {
        StompFrame raw10 = StompFrame.raw(StompSpec.SEND, List.of(Map.entry("a", "b")), ascii("x"), null);
        StompFrame dict12 = new StompFrame(StompSpec.SEND, headers("a", "b"), ascii("x"), StompSpec.VERSION_1_2);

        assertThat(raw10).isEqualTo(dict12);
        assertThat(dict12).isEqualTo(raw10);
        assertThat(raw10.hashCode()).isEqualTo(dict12.hashCode());
    }

    @Test
    void framesWithDifferentBytesAreNotEqual() {
        StompFrame v10 = new StompFrame(StompSpec.SEND, headers("a", "b:c"));
        StompFrame v11 = new StompFrame(StompSpec.SEND, headers("a", "b:c"), null, StompSpec.VERSION_1_1);
        StompFrame otherBody = new StompFrame(StompSpec.SEND, headers("a", "b:c"), ascii("x"));

        assertThat(v10).isNotEqualTo(v11);
        assertThat(v10).isNotEqualTo(otherBody);
    }

    @Test
    void frameNeverEqualsAHeartBeatBytesOrNull() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("a", "b"), ascii("x"));

        assertThat(frame.equals(StompHeartBeat.INSTANCE)).isFalse();
        assertThat(StompHeartBeat.INSTANCE.equals(frame)).isFalse();
        assertThat(frame.equals(frame.toBytes())).isFalse();
        assertThat(frame.equals(null)).isFalse();
    }

    @Test
    void unrenderableFrameEqualsItselfOnly() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("x", "\u00fc"));
        StompFrame twin = new StompFrame(StompSpec.SEND, headers("x", "\u00fc"));

        assertThat(frame.equals(frame)).isTrue();
        assertThat(frame.equals(twin)).isFalse();
        assertThat(twin.equals(frame)).isFalse();
        assertThat(frame.hashCode()).isEqualTo(frame.hashCode());
    }

    @Test
    void hashCodeFollowsTheWireBytes() {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("a", "b"));
        int before = frame.hashCode();

        frame.headers().put("c", "d");

        assertThat(frame.hashCode()).isNotEqualTo(before);
        assertThat(frame.hashCode()).isEqualTo(new StompFrame(StompSpec.SEND, headers("c", "d", "a", "b")).hashCode());
    }

    @Test
    void writeToWritesTheSameBytesAsToBytes() throws IOException {
        List<StompFrame> frames = List.of(
                new StompFrame(StompSpec.SEND, headers("destination", "/queue/world"), ascii("two\nlines")),
                new StompFrame(StompSpec.DISCONNECT),
                StompFrame.raw(StompSpec.SEND, List.of(Map.entry("foo", "bar1"), Map.entry("foo", "bar2")), null, null),
                new StompFrame(StompSpec.SEND, headers("\uD83D\uDE00", "fen\u00eatre:\n"), new byte[300],
                        StompSpec.VERSION_1_2));
        for (StompFrame frame : frames) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            frame.writeTo(out);
            assertThat(out.toByteArray()).isEqualTo(frame.toBytes());
        }
    }

    @Test
    void longHeadRendersPastTheInitialBuffer() {
        String value = "\u00e9".repeat(200) + "x".repeat(200) + "\uD83D\uDE00".repeat(50);
        StompFrame frame = new StompFrame(StompSpec.SEND, headers("h", value), null, StompSpec.VERSION_1_1);

        assertThat(frame.toBytes()).isEqualTo(("SEND\nh:" + value + "\n\n\0").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void versionIsValidated() {
        StompFrame frame = new StompFrame(StompSpec.SEND);

        assertThatThrownBy(() -> new StompFrame(StompSpec.SEND, null, null, "1.3"))
                .isInstanceOf(StompProtocolError.class).hasMessage("Version is not supported [1.3]");
        assertThatThrownBy(() -> frame.setVersion("1.10"))
                .isInstanceOf(StompProtocolError.class).hasMessage("Version is not supported [1.10]");
        assertThat(frame.version()).isEqualTo(StompSpec.VERSION_1_0);
        frame.setVersion(null);
        assertThat(frame.version()).isEqualTo(StompSpec.DEFAULT_VERSION);
    }

    @Test
    void isNotAHeartBeat() {
        assertThat(new StompFrame(StompSpec.SEND).isHeartBeat()).isFalse();
    }

    /**
     * Issue 12, for every version and every client and server command: a frame with random headers either renders
     * to bytes that parse back to one frame with exactly its headers, or rendering refuses it; it never becomes
     * other frames or other headers on the wire. A refusal needs a reason: a CR, LF, NUL, a colon in a name, or
     * (1.0) a non-ASCII character.
     */
    @Property
    void renderedHeadersParseBackOrRenderingRefuses(@ForAll("anyHeaderFrames") StompFrame frame) {
        byte[] wire;
        try {
            wire = frame.toBytes();
        } catch (StompFrameError refused) {
            assertThat(frame.rawHeaders()).as(refused.getMessage()).anySatisfy(header -> assertThat(
                    mayBeRefused(header.getKey(), true, frame.version())
                            || mayBeRefused(header.getValue(), false, frame.version())).isTrue());
            return;
        }
        StompParser parser = new StompParser(frame.version());
        parser.add(wire);
        List<StompItem> items = new ArrayList<>();
        for (StompItem item; (item = parser.get()) != null; ) {
            items.add(item);
        }

        assertThat(items).hasSize(1);
        StompFrame parsed = (StompFrame) items.get(0);
        assertThat(parsed.command()).isEqualTo(frame.command());
        assertThat(parsed.rawHeaders()).isEqualTo(frame.rawHeaders());
        assertThat(parsed.body()).isEmpty();
    }

    private static boolean mayBeRefused(String text, boolean name, String version) {
        for (char c : text.toCharArray()) {
            if (c == '\n' || c == '\r' || c == '\0' || (name && c == ':')
                    || (c >= 0x80 && StompSpec.VERSION_1_0.equals(version))) {
                return true;
            }
        }
        return false;
    }

    @Provide
    Arbitrary<StompFrame> anyHeaderFrames() {
        Arbitrary<String> text = Arbitraries.of("a", "Z", "0", " ", "-", "\t", ":", "\\", "\\c", "\\n", "\\r",
                "\n", "\r", "\r\n", "\0", "\u00e9", "\u20ac", "\u4e2d", "\ud83d\ude00").list().ofMaxSize(5)
                .map(parts -> String.join("", parts));
        Arbitrary<Map.Entry<String, String>> header = Combinators.combine(
                // content-length would make the parser read a body: not what this property is about.
                text.filter(name -> !name.equals(StompSpec.CONTENT_LENGTH_HEADER)), text).as(Map::entry);
        return Arbitraries.of(StompSpec.VERSIONS).flatMap(version -> Combinators.combine(
                Arbitraries.of(List.copyOf(new java.util.TreeSet<>(StompSpec.COMMANDS.get(version)))),
                header.list().ofMaxSize(4))
                .as((command, headers) -> StompFrame.raw(command, headers, null, version)));
    }

    // --- helpers ---

    private static void assertRefused(StompFrame frame, String message) {
        assertThatThrownBy(frame::toBytes).isInstanceOf(StompFrameError.class).hasMessage(message);
    }

    @SuppressWarnings("unchecked")
    private static StompFrame rebuild(Map<String, Object> map) {
        return new StompFrame((String) map.get("command"), (Map<String, String>) map.get("headers"),
                (byte[]) map.get("body"), (List<Map.Entry<String, String>>) map.get("rawHeaders"),
                (String) map.get("version"));
    }

    /** An ordered header map from name, value, name, value…; nulls allowed. */
    private static Map<String, String> headers(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** One byte per char, like a Python bytes literal. */
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String wire(StompItem item) {
        return new String(item.toBytes(), StandardCharsets.ISO_8859_1);
    }
}
