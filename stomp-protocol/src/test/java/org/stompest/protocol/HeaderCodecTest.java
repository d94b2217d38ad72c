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
        assertThat(HeaderCodec.escape(real, version, StompSpec.SEND)).isEqualTo(escaped);
        assertThat(HeaderCodec.unescape(escaped, version, StompSpec.SEND)).isEqualTo(real);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "1.2"})
    void lineFeedEscapesAsBackslashN(String version) {
        assertThat(HeaderCodec.escape("\n", version, StompSpec.SEND)).isEqualTo("\\n");
        assertThat(HeaderCodec.unescape("\\n", version, StompSpec.SEND)).isEqualTo("\n");
    }

    @Test
    void carriageReturnIsEscapedOnlyIn12() {
        assertThat(HeaderCodec.escape("\r", "1.2", StompSpec.SEND)).isEqualTo("\\r");
        assertThat(HeaderCodec.unescape("\\r", "1.2", StompSpec.SEND)).isEqualTo("\r");
        assertThat(HeaderCodec.escape("\r", "1.1", StompSpec.SEND)).isEqualTo("\r");
        assertThat(HeaderCodec.unescape("a\rb", "1.1", StompSpec.SEND)).isEqualTo("a\rb");
    }

    @Test
    void mixedTextIsEscapedInOnePassNeverTwice() {
        assertThat(HeaderCodec.escape("a:b\nc\\d\re", "1.1", StompSpec.MESSAGE)).isEqualTo("a\\cb\\nc\\\\d\re");
        assertThat(HeaderCodec.escape("a:b\nc\\d\re", "1.2", StompSpec.MESSAGE)).isEqualTo("a\\cb\\nc\\\\d\\re");
        assertThat(HeaderCodec.escape("\\c", "1.1", StompSpec.SEND)).isEqualTo("\\\\c");
        assertThat(HeaderCodec.unescape("\\\\c", "1.1", StompSpec.SEND)).isEqualTo("\\c");
        assertThat(HeaderCodec.unescape("a\\cb\\nc\\\\d\\re", "1.2", StompSpec.MESSAGE)).isEqualTo("a:b\nc\\d\re");
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String text = "plain fen\u00eatre \t text";

        assertThat(HeaderCodec.escape(text, "1.2", StompSpec.SEND)).isSameAs(text);
        assertThat(HeaderCodec.unescape(text, "1.2", StompSpec.SEND)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABORT", "ACK", "BEGIN", "COMMIT", "CONNECT", "DISCONNECT", "SEND", "SUBSCRIBE",
        "UNSUBSCRIBE", "CONNECTED", "ERROR", "MESSAGE", "RECEIPT", "NACK", "STOMP"})
    void version10EscapesNothingForAnyCommand(String command) {
        String text = "a:b\\c\nd\re\\h";

        assertThat(HeaderCodec.escape(text, "1.0", command)).isSameAs(text);
        assertThat(HeaderCodec.unescape(text, "1.0", command)).isSameAs(text);
    }

    @ParameterizedTest
    @CsvSource({"1.1, CONNECT", "1.1, CONNECTED", "1.2, CONNECT", "1.2, CONNECTED"})
    void connectAndConnectedAreNeverEscaped(String version, String command) {
        String text = "a:b\\c\nd\re\\h";

        assertThat(HeaderCodec.escape(text, version, command)).isSameAs(text);
        assertThat(HeaderCodec.unescape(text, version, command)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "1.2"})
    void stompIsNotExcluded(String version) {
        assertThat(HeaderCodec.escape("a:b", version, StompSpec.STOMP)).isEqualTo("a\\cb");
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

    /** For random headers in 1.1/1.2: unescape inverts escape, and escaped text has no raw ':' or LF (nor CR in 1.2). */
    @Property
    void unescapeInvertsEscape(@ForAll("headerMaps") Map<String, String> headers,
                               @ForAll("escapingVersions") String version,
                               @ForAll("escapedCommands") String command) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            for (String text : new String[] {header.getKey(), header.getValue()}) {
                String escaped = HeaderCodec.escape(text, version, command);
                assertThat(escaped).doesNotContain(":", "\n");
                if (StompSpec.VERSION_1_2.equals(version)) {
                    assertThat(escaped).doesNotContain("\r");
                }
                assertThat(HeaderCodec.unescape(escaped, version, command)).isEqualTo(text);
            }
        }
        // One line per header on the wire, however many special characters there are.
        StompFrame frame = new StompFrame(command, headers, null, version);
        String wire = new String(frame.toBytes(), StandardCharsets.UTF_8);
        assertThat(wire.chars().filter(c -> c == '\n').count()).isEqualTo(headers.size() + 2);
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
