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
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.stompest.protocol.WireFrames.*;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stompest.error.StompFrameError;
import org.stompest.error.StompProtocolError;

class StompParserTest {
    private static final StompHeartBeat HB = StompHeartBeat.INSTANCE;
    private static final StompParserLimits SMALL = new StompParserLimits(32, 4, 16);

    // ---- helpers

    private static List<StompItem> drain(StompParser parser) {
        List<StompItem> items = new ArrayList<>();
        while (parser.canRead()) {
            items.add(parser.get());
        }
        assertThat(parser.get()).isNull();
        return items;
    }

    private static List<StompItem> parse(StompParser parser, String frames) {
        parser.add(wire(frames));
        return drain(parser);
    }

    private static StompFrame parseOne(StompParser parser, String frame) {
        List<StompItem> items = parse(parser, frame);
        assertThat(items).hasSize(1);
        return (StompFrame) items.get(0);
    }

    private static void assertInvalid(StompParser parser, byte[] data, String message) {
        assertThatThrownBy(() -> parser.add(data)).isExactlyInstanceOf(StompFrameError.class).hasMessage(message);
    }

    private static void assertInvalid(StompParser parser, String data, String message) {
        assertInvalid(parser, wire(data), message);
    }

    private static StompFrame frame(String frame) {
        return parseOne(new StompParser(StompSpec.VERSION_1_2), frame);
    }

    // ---- bytes on the wire per frame (the client's statistics)

    @Test
    void aParsedFrameKnowsItsBytesOnTheWireAndAFrameMadeHereHasNone() {
        String escapedCrLf = "MESSAGE\r\nsubscription:a\\cb\r\nmessage-id:\u20ac1\r\n\r\nhello\u0000";
        String lengthBody = "MESSAGE\ncontent-length:5\nsubscription:s\n\nab\u0000cd\u0000";
        byte[] both = (escapedCrLf + "\n" + lengthBody).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int chunk : new int[] {both.length, 1, 7}) {
            StompParser parser = new StompParser(StompSpec.VERSION_1_2);
            for (int off = 0; off < both.length; off += chunk) {
                parser.add(both, off, Math.min(chunk, both.length - off));
            }
            List<StompItem> items = drain(parser);
            assertThat(items).hasSize(3); // the first frame's EOL trailer between them
            assertThat(((StompFrame) items.get(0)).receivedBytes()).as("chunk %d", chunk)
                    .isEqualTo(escapedCrLf.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertThat(((StompFrame) items.get(2)).receivedBytes()).as("chunk %d", chunk)
                    .isEqualTo(lengthBody.length());
        }
        assertThat(new StompFrame(StompSpec.SEND).receivedBytes()).isZero();
    }

    // ---- the reference's example and upstream parser_test.py (behaviour §12.2 items 11-34)

    @Test
    void wireLevelParser() {
        StompParser parser = new StompParser(StompSpec.VERSION_1_0);
        parser.add(wire(RECEIPT));
        assertInvalid(parser, NACK, "Invalid command (version 1.0): 'NACK'");
        assertThat(parser.get())
                .hasToString("StompFrame(command='RECEIPT', rawHeaders=[('receipt-id', 'message-12345')])");
        assertThat(parser.canRead()).isFalse();
        assertThat(parser.get()).isNull();

        parser = new StompParser(StompSpec.VERSION_1_1);
        parser.add(wire(NACK));
        assertThat(parser.get()).hasToString(
                "StompFrame(command='NACK', rawHeaders=[('subscription', '0'), ('message-id', '007')], version='1.1')");
    }

    @Test
    void frameRoundTripsWithoutTrimmingAndWithEmptyNamesAndValues() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("foo", "bar");
        headers.put("hello ", "there-world with space ");
        headers.put("empty-value", "");
        headers.put("", "empty-header");
        headers.put(StompSpec.DESTINATION_HEADER, "/queue/blah");
        StompFrame frame = new StompFrame(StompSpec.SEND, headers, wire("some stuff\nand more"));

        StompParser parser = new StompParser();
        parser.add(frame.toBytes());
        StompFrame parsed = (StompFrame) parser.get();
        assertThat(parsed).isEqualTo(frame);
        assertThat(parsed.headers()).isEqualTo(headers);
        assertThat(parser.get()).isNull();
    }

    @Test
    void duplicateHeadersKeepTheFirstValueAndAllRawHeadersInOrder() {
        StompFrame frame = parseOne(new StompParser(), DUPLICATE_HEADERS);
        assertThat(frame.command()).isEqualTo(StompSpec.SEND);
        assertThat(frame.headers()).isEqualTo(Map.of("foo", "bar1"));
        assertThat(frame.rawHeaders()).containsExactly(Map.entry("foo", "bar1"), Map.entry("foo", "bar2"));
        assertThat(frame.body()).isEqualTo(wire("some stuff\nand more"));
    }

    @Test
    void resetDiscardsQueuedAndPartialFrames() {
        StompParser parser = new StompParser();
        parser.add(wire(DUPLICATE_HEADERS));
        parser.reset();
        assertThat(parser.get()).isNull();
        parser.add(wire(DUPLICATE_HEADERS.substring(0, 20)));
        assertThat(parser.get()).isNull();
        parser.reset();
        assertThat(parse(parser, DISCONNECT)).containsExactly(new StompFrame(StompSpec.DISCONNECT));
    }

    @Test
    void frameWithoutHeadersOrBody() {
        StompFrame frame = parseOne(new StompParser(), DISCONNECT);
        assertThat(frame).isEqualTo(new StompFrame(StompSpec.DISCONNECT));
        assertThat(frame.rawHeaders()).isEmpty();
        assertThat(frame.body()).isEmpty();
    }

    @Test
    void lineFeedsAroundFramesAreDroppedIn10() {
        String frames = ("\n" + DISCONNECT + "\n").repeat(2);
        StompFrame disconnect = new StompFrame(StompSpec.DISCONNECT);
        assertThat(parse(new StompParser(StompSpec.VERSION_1_0), frames)).containsExactly(disconnect, disconnect);
        assertThat(parse(new StompParser(), "\n\n\n" + RECEIPT + "\n\n")).hasSize(1);
    }

    @Test
    void lineFeedsAroundFramesAreHeartBeatsFrom11() {
        String frames = ("\n" + DISCONNECT + "\n").repeat(2);
        StompFrame disconnect = new StompFrame(StompSpec.DISCONNECT);
        for (String version : List.of(StompSpec.VERSION_1_1, StompSpec.VERSION_1_2)) {
            assertThat(parse(new StompParser(version), frames)).containsExactly(HB, disconnect, HB, HB, disconnect, HB);
        }
        List<StompItem> items = parse(new StompParser(StompSpec.VERSION_1_1), "\n\n\n" + RECEIPT + "\n");
        assertThat(items).hasSize(5);
        assertThat(items.get(3)).isInstanceOf(StompFrame.class);
        assertThat(items.stream().filter(StompItem::isHeartBeat)).hasSize(4);
    }

    /** Artemis ends every frame with an EOL: only an EOL not directly after a frame's NUL is a heart-beat. */
    @Test
    void anEolDirectlyAfterAFramesNulIsItsTrailerNotAHeartBeat() {
        for (String version : List.of(StompSpec.VERSION_1_1, StompSpec.VERSION_1_2)) {
            List<StompItem> items = parse(new StompParser(version), "\n" + RECEIPT + "\n\n" + RECEIPT + "\n");
            assertThat(items).hasSize(6);
            assertThat(items.stream().map(i -> i instanceof StompHeartBeat hb ? hb.isFrameTrailer() : null))
                    .containsExactly(false, null, true, false, null, true);
        }
        StompParser split = new StompParser(StompSpec.VERSION_1_2);
        assertThat(parse(split, RECEIPT)).hasSize(1);
        assertThat(((StompHeartBeat) parse(split, "\r\n").get(0)).isFrameTrailer()).as("split across adds").isTrue();
        assertThat(((StompHeartBeat) parse(split, "\n").get(0)).isFrameTrailer()).isFalse();
    }

    @Test
    void getReturnsNullUntilAFrameIsComplete() {
        StompParser parser = new StompParser();
        assertThat(parser.get()).isNull();
        parser.add(wire(StompSpec.CONNECT));
        assertThat(parser.canRead()).isFalse();
        assertThat(parser.get()).isNull();
    }

    @Test
    void aBodyWithContentLengthArrivingInPiecesIsCopiedStraightIntoItsArray() {
        byte[] body = new byte[100_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i; // NULs included: the length, not a NUL, ends it
        }
        byte[] head = wire("MESSAGE\ncontent-length:100000\n\n");
        byte[] stream = concat(head, body, wire("\0" + RECEIPT + "\nHELLO\n\n\0"));
        StompParser parser = new StompParser(StompSpec.VERSION_1_2);
        int split = head.length + 10;
        parser.add(stream, 0, split);
        assertThat(parser.canRead()).isFalse();
        parser.add(ByteBuffer.wrap(stream, split, 40_000));
        int rest = split + 40_000;
        int end = head.length + body.length + 1 + RECEIPT.length() + 1;
        parser.add(stream, rest, end - rest);

        List<StompItem> items = drain(parser);
        assertThat(items).hasSize(3);
        assertThat(((StompFrame) items.get(0)).body()).isEqualTo(body);
        assertThat(((StompFrame) items.get(1)).command()).isEqualTo(StompSpec.RECEIPT);
        assertThat(items.get(2)).isSameAs(StompHeartBeat.FRAME_TRAILER);
        assertInvalid(parser, Arrays.copyOfRange(stream, end, stream.length),
                "Invalid command (version 1.2): 'HELLO'");
    }

    @Test
    void aBodyWithContentLengthFilledDirectlyMustEndInNulAndBeAllowed() {
        StompParser parser = new StompParser(StompSpec.VERSION_1_2);
        parser.add(wire("MESSAGE\ncontent-length:4\n\nab"));
        parser.add(wire("cd"));
        assertInvalid(parser, wire("x"), "Expected frame delimiter (found b'x' instead)");
        parser.add(wire("RECEIPT\ncontent-length:2\n\na"));
        assertInvalid(parser, wire("b\0"), "No body allowed for this command (version 1.2): 'RECEIPT'");
        assertThat(parseOne(parser, "MESSAGE\ncontent-length:1\n\nz\0").body()).isEqualTo(wire("z"));
    }

    @Test
    void directBodyBytesCountTowardsErrorOffsets() {
        StompParser parser = new StompParser(StompSpec.VERSION_1_0);
        parser.add(wire("MESSAGE\ncontent-length:3\n\na"));
        parser.add(wire("bc"));
        parser.add(wire("\0"));
        assertThat(drain(parser)).hasSize(1);
        assertInvalid(parser, new byte[] {'S', 'E', 'N', 'D', '\n', 'a', ':', (byte) 0xc3, '\n', '\n', 0},
                "Non-ASCII byte in frame head (version 1.0): b'\\xc3' [offset=37]");
    }

    @Test
    void commandsAndCommonHeaderNamesAreTheCanonicalStrings() {
        StompFrame frame = frame("MESSAGE\ndestination:/queue/a\nmessage-id:7\nx-own:1\n\n\0");
        assertThat(frame.command()).isSameAs(StompSpec.MESSAGE);
        assertThat(frame.rawHeaders().get(0).getKey()).isSameAs(StompSpec.DESTINATION_HEADER);
        assertThat(frame.rawHeaders().get(1).getKey()).isSameAs(StompSpec.MESSAGE_ID_HEADER);
        assertThat(frame.rawHeaders().get(2).getKey()).isEqualTo("x-own");
    }

    @Test
    void invalidCommandRaisesAndTheNextFrameParses() {
        StompParser parser = new StompParser();
        assertInvalid(parser, HELLO, "Invalid command (version 1.0): 'HELLO'");
        assertThat(parser.canRead()).isFalse();
        assertThat(parse(parser, DISCONNECT)).containsExactly(new StompFrame(StompSpec.DISCONNECT));
    }

    @Test
    void commandsMatchExactly() {
        assertInvalid(new StompParser(), "MESSAGE \n\n\0", "Invalid command (version 1.0): 'MESSAGE '");
        assertInvalid(new StompParser(), "send\n\n\0", "Invalid command (version 1.0): 'send'");
        assertInvalid(new StompParser(StompSpec.VERSION_1_1), "DISCONNECT\r\n\n\0",
                "Invalid command (version 1.1): 'DISCONNECT\\r'");
        assertInvalid(new StompParser(), "\r\n" + DISCONNECT, "Invalid command (version 1.0): '\\r'");
    }

    @Test
    void headerLineWithoutSeparatorRaisesEvenWhenSplitAcrossAdds() {
        StompParser parser = new StompParser();
        parser.add(wire("SEND\n"));
        assertInvalid(parser, "no separator\n\n\0", "No separator in header line: 'no separator'");
        assertInvalid(new StompParser(), "SEND\nnoseparator\n\n\0", "No separator in header line: 'noseparator'");
    }

    @Test
    void colonInHeaderValueIsKeptIn10() {
        assertThat(parseOne(new StompParser(), COLON_IN_VALUE).header("header")).isEqualTo("with:colon");
    }

    @Test
    void noLineFeedIsNeededAfterTheNul() {
        StompFrame sent = new StompFrame(StompSpec.MESSAGE, Map.of("x", "y"), wire("testing 1 2 3"));
        StompParser parser = new StompParser();
        parser.add(sent.toBytes());
        StompFrame frame = (StompFrame) parser.get();
        assertThat(frame.command()).isEqualTo(StompSpec.MESSAGE);
        assertThat(frame.headers()).isEqualTo(Map.of("x", "y"));
        assertThat(frame.body()).isEqualTo(wire("testing 1 2 3"));
        assertThat(parser.get()).isNull();
    }

    @Test
    void binaryBodyFedOneByteAtATimeTwice() {
        byte[] bytes = wire(BINARY);
        StompParser parser = new StompParser();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < bytes.length; i++) {
                parser.add(bytes, i, 1);
            }
            StompFrame frame = (StompFrame) parser.get();
            assertThat(frame.command()).isEqualTo(StompSpec.MESSAGE);
            assertThat(frame.headers()).isEqualTo(Map.of("content-length", "4"));
            assertThat(frame.body()).containsExactly(0xf0, 0x00, 0x0a, 0x09);
        }
        assertThat(parser.get()).isNull();
    }

    @Test
    void twoFramesSplitOneByteBeforeOrAfterTheBoundary() {
        byte[] two = wire(BINARY + BINARY);
        int boundary = wire(BINARY).length;
        StompParser parser = new StompParser();
        parser.add(two, 0, boundary - 1);
        assertThat(parser.get()).isNull();
        parser.add(two, boundary - 1, two.length - boundary + 1);
        assertThat(drain(parser)).containsExactly(frame(BINARY), frame(BINARY));

        parser.add(two, 0, boundary + 1);
        assertThat(drain(parser)).containsExactly(frame(BINARY));
        parser.add(two, boundary + 1, two.length - boundary - 1);
        assertThat(drain(parser)).containsExactly(frame(BINARY));
    }

    @ParameterizedTest
    @ValueSource(strings = {BAD_EOF_LATER, BAD_EOF_JUST_LATER, BAD_EOF_EARLIER, BAD_EOF_JUST_EARLIER})
    void wrongEndOfFrameAfterContentLengthRaisesAndTheParserRecovers(String bad) {
        StompParser parser = new StompParser();
        parser.add(wire(BINARY));
        assertThat(parser.get().toBytes()).isEqualTo(wire(BINARY));
        assertInvalid(parser, bad, "Expected frame delimiter (found b'\\x01' instead)");
        parser.add(wire(BINARY));
        assertThat(parser.get().toBytes()).isEqualTo(wire(BINARY));
        assertThat(parser.get()).isNull();
    }

    @Test
    void bodyOnDisconnectIsAllowedOnlyIn10() {
        StompParser parser = new StompParser(StompSpec.VERSION_1_0);
        parser.add(wire(DISCONNECT_HEAD));
        parser.add(wire("ouch!"));
        parser.add(wire("\0"));
        assertThat(((StompFrame) parser.get()).body()).isEqualTo(wire("ouch!"));
        for (String version : List.of(StompSpec.VERSION_1_1, StompSpec.VERSION_1_2)) {
            parser = new StompParser(version);
            parser.add(wire(DISCONNECT_HEAD));
            parser.add(wire("ouch!"));
            assertInvalid(parser, "\0", "No body allowed for this command (version " + version + "): 'DISCONNECT'");
            assertThat(parse(parser, DISCONNECT)).containsExactly(new StompFrame(StompSpec.DISCONNECT));
        }
    }

    @Test
    void trailingCrOfHeaderLinesIsStrippedOnlyIn12() {
        assertThat(parseOne(new StompParser(StompSpec.VERSION_1_0), DESTINATION_WITH_CR).header("destination"))
                .isEqualTo("/queue/test\r");
        assertThat(parseOne(new StompParser(StompSpec.VERSION_1_1), DESTINATION_WITH_CR).header("destination"))
                .isEqualTo("/queue/test\r");
        assertThat(parseOne(new StompParser(StompSpec.VERSION_1_2), DESTINATION_WITH_CR).header("destination"))
                .isEqualTo("/queue/test");
        assertThat(parseOne(new StompParser(StompSpec.VERSION_1_2), DESTINATION_WITH_ESCAPED_CR).header("destination"))
                .isEqualTo("/queue/test\r");
    }

    @Test
    void multipleFramesInOneAddComeOutInOrder() {
        String frames = "MESSAGE\nx:y\n\nboo\0MESSAGE\nx:y\n\nhoo\0";
        List<StompItem> items = parse(new StompParser(), frames);
        assertThat(items).extracting(item -> new String(((StompFrame) item).body())).containsExactly("boo", "hoo");
        assertThat(items).allSatisfy(item -> assertThat(((StompFrame) item).headers()).isEqualTo(Map.of("x", "y")));
    }

    @Test
    void utf8HeadersDecodeFrom11AndAreAnErrorIn10() {
        StompParser parser = new StompParser(StompSpec.VERSION_1_1);
        parser.add(utf8(UTF8_HEADER));
        assertThat(((StompFrame) parser.get()).headers()).isEqualTo(Map.of("fen\u00eatre", "\u00bfqu\u00e9 tal?"));
        assertInvalid(new StompParser(StompSpec.VERSION_1_0), utf8(UTF8_HEADER),
                "Non-ASCII byte in frame head (version 1.0): b'\\xc3' [offset=14]");
    }

    @Test
    void malformedUtf8IsAFrameErrorNamingTheOffset() {
        assertInvalid(new StompParser(StompSpec.VERSION_1_1), "DISCONNECT\nk:\u00ff\n\n\0",
                "Invalid UTF-8 in frame head (version 1.1): b'\\xff' [offset=13]");
        assertInvalid(new StompParser(StompSpec.VERSION_1_2), "DISCONNECT\nk:a\u00c3(\n\n\0",
                "Invalid UTF-8 in frame head (version 1.2): b'\\xc3' [offset=14]");
        assertInvalid(new StompParser(StompSpec.VERSION_1_2), "DISCONNECT\n\u00e2\u0082:v\n\n\0",
                "Invalid UTF-8 in frame head (version 1.2): b'\\xe2\\x82' [offset=11]");
        assertInvalid(new StompParser(StompSpec.VERSION_1_1), "DISCONNECT\nk:\u00ed\u00a0\u0080\n\n\0",
                "Invalid UTF-8 in frame head (version 1.1): b'\\xed\\xa0\\x80' [offset=13]");
    }

    @Test
    void headersAreUnescapedFrom11AndKeptRawIn10() {
        for (String version : List.of(StompSpec.VERSION_1_1, StompSpec.VERSION_1_2)) {
            assertThat(parseOne(new StompParser(version), ESCAPES).headers()).isEqualTo(Map.of("\n\\", ":\t\n"));
        }
        assertThat(parseOne(new StompParser(StompSpec.VERSION_1_0), ESCAPES).rawHeaders())
                .containsExactly(Map.entry("\\n\\\\", "\\c\t\\n"));
        assertThat(parseOne(new StompParser(StompSpec.VERSION_1_2), ESCAPE_CR).headers())
                .isEqualTo(Map.of("\n\\", ":\t\r"));
    }

    @Test
    void undefinedEscapeRaisesFrom11AndIsRawTextIn10() {
        for (String version : List.of(StompSpec.VERSION_1_1, StompSpec.VERSION_1_2)) {
            assertInvalid(new StompParser(version), ESCAPE_TAB, "No escape sequence defined for this character "
                    + "(version " + version + "): '\\\\t' [text='\\\\c\\\\t']");
        }
        assertInvalid(new StompParser(StompSpec.VERSION_1_1), ESCAPE_CR,
                "No escape sequence defined for this character (version 1.1): '\\\\r' [text='\\\\c\\t\\\\r']");
        assertThat(parseOne(new StompParser(StompSpec.VERSION_1_0), ESCAPE_TAB).rawHeaders())
                .containsExactly(Map.entry("\\n\\\\", "\\c\\t"));
    }

    /** Upstream item 33, rewritten as fresh-parser cases (behaviour §13.9): valid escapes parse, bad ones fail. */
    @Test
    void badCharactersInHeadersRaiseIn12() {
        String prefix = "No escape sequence defined for this character (version 1.2): ";
        StompParser parser = new StompParser(StompSpec.VERSION_1_2);
        assertThat(parseOne(parser, SEND_STAR_QUEUE).header("destination")).isEqualTo("*queue");
        assertInvalid(parser, SEND_STAR_QUEUE.replace("*", "\r"), prefix + "'\\r' [text='\\rqueue']");
        assertInvalid(parser, SEND_STAR_QUEUE.replace("*", "\n"), "No separator in header line: 'queue'");
        assertInvalid(parser, SEND_STAR_QUEUE.replace("*", ":"), prefix + "':' [text=':queue']");
        assertInvalid(parser, SEND_STAR_QUEUE.replace("*", "\\h"), prefix + "'\\\\h' [text='\\\\hqueue']");
        assertInvalid(parser, SEND_TRAILING_BACKSLASH, prefix + "'\\\\' [text='queue\\\\']");
        assertThat(parser.get()).isNull();

        assertThat(parseOne(new StompParser(StompSpec.VERSION_1_2), SEND_STAR_QUEUE.replace("*", "\\c"))
                .header("destination")).isEqualTo(":queue");
        assertThat(parseOne(new StompParser(StompSpec.VERSION_1_2), SEND_STAR_QUEUE.replace("*", "\\\\"))
                .header("destination")).isEqualTo("\\queue");
    }

    @Test
    void repeatedHeadersOnConnectAfterALineFeedKeepTheFirst() {
        StompFrame frame = parseOne(new StompParser(), REPEATED_CONNECT);
        assertThat(frame.headers()).isEqualTo(Map.of("repeat", "1"));
        assertThat(frame.rawHeaders()).hasSize(2);
    }

    // ---- incremental feeding

    /** 1.2 stream of items (each part is exactly one item), with every kind of delimiting. */
    private static final List<String> PARTS_12 = List.of("\n", RECEIPT, "\r\n", BINARY, CRLF_MESSAGE, "\n",
            NULS_IN_BODY, "SEND\ndestination:/q\\c\r\n\r\nno length\0", "\r\n", DISCONNECT);

    @Test
    void everyPrefixYieldsExactlyTheItemsItCompletes() {
        String stream = String.join("", PARTS_12);
        byte[] bytes = wire(stream);
        List<StompItem> all = parse(new StompParser(StompSpec.VERSION_1_2), stream);
        assertThat(all).hasSize(PARTS_12.size());
        for (int k = 0; k <= bytes.length; k++) {
            int complete = 0;
            for (int end = 0, i = 0; i < PARTS_12.size(); i++) {
                end += PARTS_12.get(i).length();
                complete += end <= k ? 1 : 0;
            }
            StompParser parser = new StompParser(StompSpec.VERSION_1_2);
            parser.add(bytes, 0, k);
            assertThat(drain(parser)).as("prefix %d", k).isEqualTo(all.subList(0, complete));
            parser.add(bytes, k, bytes.length - k);
            assertThat(drain(parser)).as("rest after %d", k).isEqualTo(all.subList(complete, all.size()));
        }
    }

    @Test
    void everySplitIntoThreeChunksYieldsTheSameItems() {
        byte[] bytes = wire(String.join("", PARTS_12));
        List<StompItem> all = parse(new StompParser(StompSpec.VERSION_1_2), String.join("", PARTS_12));
        StompParser parser = new StompParser(StompSpec.VERSION_1_2);
        for (int i = 0; i <= bytes.length; i++) {
            for (int j = i; j <= bytes.length; j++) {
                parser.add(bytes, 0, i);
                parser.add(ByteBuffer.wrap(bytes, i, j - i));
                parser.add(bytes, j, bytes.length - j);
                List<StompItem> items = drain(parser);
                if (!items.equals(all)) { // AssertJ per split would dominate the run time
                    assertThat(items).as("split at %d and %d", i, j).isEqualTo(all);
                }
            }
        }
    }

    @Test
    void oneByteAtATimeYieldsTheSameItems() {
        byte[] bytes = wire(String.join("", PARTS_12));
        StompParser parser = new StompParser(StompSpec.VERSION_1_2);
        List<StompItem> items = new ArrayList<>();
        for (byte b : bytes) {
            parser.add(new byte[] {b});
            items.addAll(drain(parser));
        }
        assertThat(items).isEqualTo(parse(new StompParser(StompSpec.VERSION_1_2), String.join("", PARTS_12)));
    }

    @Test
    void bigFramesFedOneByteAtATimeTakeLinearTime() {
        StringBuilder head = new StringBuilder("MESSAGE\n");
        for (int i = 0; i < StompParserLimits.DEFAULTS.maxHeaders() - 1; i++) { // room for content-length
            head.append("header-").append(i).append(":value-").append(i).append('\n');
        }
        byte[] body = new byte[1 << 20];
        Arrays.fill(body, (byte) 'x');
        byte[] withoutLength = concat(wire(head + "\n"), body, new byte[1]);
        byte[] withLength = concat(wire(head + "content-length:" + body.length + "\n\n"), body, new byte[1]);
        StompParser parser = new StompParser();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (byte[] frame : List.of(withoutLength, withLength)) {
                for (int i = 0; i < frame.length; i++) {
                    parser.add(frame, i, 1);
                }
                StompFrame parsed = (StompFrame) parser.get();
                assertThat(parsed.body()).isEqualTo(body);
                assertThat(parsed.header("header-998")).isEqualTo("value-998");
            }
        });
    }

    /**
     * Enough bytes to make the buffer shift partial items down and grow, fed in chunks that cut items (heads
     * with many lines, bodies with and without content-length, heart-beats) anywhere; the offset of an error
     * at the very end must still count every byte.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 13, 64, 255, 1000, 4093, 8191, 8192, 8193, 12000, 100_000})
    void itemsCutByBufferCompactionParseTheSame(int chunkSize) {
        ByteBuffer stream = ByteBuffer.allocate(1 << 20);
        List<StompItem> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (int h = 0; h < i % 9; h++) {
                headers.add(Map.entry("h" + h, "v".repeat((i * 7 + h) % 40)));
            }
            StompFrame frame = StompFrame.raw(StompSpec.MESSAGE, headers, wire("z".repeat(i % 61)),
                    StompSpec.VERSION_1_1);
            if (i % 3 == 0) {
                frame.setContentLength();
            }
            stream.put(frame.toBytes());
            expected.add(frame);
            if (i % 5 == 0) {
                stream.put((byte) '\n');
                expected.add(HB);
            }
        }
        stream.put(wire("X".repeat(300)));
        byte[] bytes = Arrays.copyOf(stream.array(), stream.position());
        StompParser parser = new StompParser(StompSpec.VERSION_1_1, new StompParserLimits(256, 16, 1024));
        List<StompItem> items = new ArrayList<>();
        assertThatThrownBy(() -> {
            for (int off = 0; off < bytes.length; off += chunkSize) {
                parser.add(bytes, off, Math.min(chunkSize, bytes.length - off));
                items.addAll(drain(parser));
            }
        }).hasMessage("Header line longer than maxLineLength=256 [offset=" + (bytes.length - 300) + "]");
        items.addAll(drain(parser));
        assertThat(items).isEqualTo(expected);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer out = ByteBuffer.allocate(Stream.of(parts).mapToInt(p -> p.length).sum());
        Stream.of(parts).forEach(out::put);
        return out.array();
    }

    @Test
    void addTakesSlicesAndByteBuffers() {
        byte[] padded = wire("garbage" + DISCONNECT + "garbage");
        StompParser parser = new StompParser();
        parser.add(padded, 7, DISCONNECT.length());
        assertThat(drain(parser)).containsExactly(new StompFrame(StompSpec.DISCONNECT));

        ByteBuffer heap = ByteBuffer.wrap(padded, 7, DISCONNECT.length());
        parser.add(heap);
        assertThat(heap.hasRemaining()).isFalse();
        ByteBuffer direct = ByteBuffer.allocateDirect(RECEIPT.length()).put(wire(RECEIPT)).flip();
        parser.add(direct);
        assertThat(direct.hasRemaining()).isFalse();
        assertThat(drain(parser)).containsExactly(new StompFrame(StompSpec.DISCONNECT), frame(RECEIPT));
    }

    // ---- CR LF (1.2)

    @Test
    void crlfFramesAndHeartBeatsIn12() {
        List<StompItem> items = parse(new StompParser(StompSpec.VERSION_1_2), "\r\n" + CRLF_MESSAGE + "\r\n");
        assertThat(items).hasSize(3);
        assertThat(items.get(0)).isEqualTo(HB);
        StompFrame message = (StompFrame) items.get(1);
        assertThat(message.rawHeaders()).containsExactly(Map.entry("k", "v"));
        assertThat(message.body()).isEqualTo(wire("body"));
        assertThat(items.get(2)).isEqualTo(HB);

        for (String head : List.of("DISCONNECT\n\r\n\0", "DISCONNECT\r\n\n\0", "DISCONNECT\r\n\r\n\0")) {
            assertThat(parseOne(new StompParser(StompSpec.VERSION_1_2), head).command()).isEqualTo("DISCONNECT");
        }
    }

    @Test
    void aLoneCrWaitsForTheNextByteIn12() {
        StompParser parser = new StompParser(StompSpec.VERSION_1_2);
        assertThat(parse(parser, "\r")).isEmpty();
        assertThat(parse(parser, "\n")).containsExactly(HB);
        assertInvalid(parser, "\r\r\n\r\n", "Invalid command (version 1.2): '\\r'");
    }

    @Test
    void crlfFramesNeverCompleteBefore12() {
        StompParser parser = new StompParser(StompSpec.VERSION_1_1);
        assertThat(parse(parser, CRLF_MESSAGE)).isEmpty();
    }

    // ---- deviations from upstream

    @Test
    void nulInAHeaderValueDoesNotEndTheFrame() {
        StompFrame frame = parseOne(new StompParser(), NUL_IN_HEADER);
        assertThat(frame.header("foo")).isEqualTo("a\0b");
        assertThat(frame.body()).isEqualTo(wire("body"));
    }

    @Test
    void contentLengthBodiesMayHoldNuls() {
        assertThat(parseOne(new StompParser(), NULS_IN_BODY).body()).isEqualTo(wire("a\0b\0c"));
        assertThat(parseOne(new StompParser(), EMPTY_CONTENT_LENGTH_BODY).body()).isEmpty();
        assertThat(parseOne(new StompParser(), DUPLICATE_CONTENT_LENGTH).body()).isEqualTo(wire("xyz"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", " 2", "2\t", "+2", "0_2", "00002"})
    void contentLengthIsReadLikePythonsInt(String value) {
        assertThat(parseOne(new StompParser(), "MESSAGE\ncontent-length:" + value + "\n\nab\0").body())
                .isEqualTo(wire("ab"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "", " ", "+", "1.5", "0x2", "2_", "_2", "2__0", "\u0662"})
    void nonIntegerOrNegativeContentLengthIsAFrameError(String value) {
        assertInvalid(new StompParser(StompSpec.VERSION_1_1), utf8("MESSAGE\ncontent-length:" + value + "\n\nab\0"),
                "Invalid content-length header: " + Repr.str(value) + " [offset=8]");
    }

    @Test
    void negativeZeroContentLengthIsZero() {
        assertThat(parseOne(new StompParser(), "MESSAGE\ncontent-length:-0\n\n\0").body()).isEmpty();
    }

    // ---- limits

    @Test
    void limitsMustBePositive() {
        assertThat(StompParserLimits.DEFAULTS).isEqualTo(new StompParserLimits(65_536, 1_000, 67_108_864));
        assertThatThrownBy(() -> new StompParserLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLineLength must be positive: 0");
        assertThatThrownBy(() -> new StompParserLimits(1, -1, 1)).hasMessage("maxHeaders must be positive: -1");
        assertThatThrownBy(() -> new StompParserLimits(1, 1, 0)).hasMessage("maxBodyLength must be positive: 0");
        assertThat(new StompParser(StompSpec.VERSION_1_1, SMALL).limits()).isSameAs(SMALL);
    }

    @Test
    void lineLongerThanTheLimitRaisesBeforeItsLineFeed() {
        StompParser parser = new StompParser(null, SMALL);
        byte[] head = wire("SEND\n" + "x".repeat(32));
        parser.add(head);
        assertInvalid(parser, "x", "Header line longer than maxLineLength=32 [offset=5]");
        assertInvalid(new StompParser(null, SMALL), "X".repeat(33),
                "Header line longer than maxLineLength=32 [offset=0]");
        assertThat(parseOne(new StompParser(null, SMALL), "SEND\n" + "k:" + "v".repeat(30) + "\n\n\0").header("k"))
                .hasSize(30);
    }

    @Test
    void moreHeadersThanTheLimitRaiseAtTheExtraHeaderLine() {
        StompParser parser = new StompParser(null, SMALL);
        parser.add(wire("SEND\na:1\nb:2\nc:3\nd:4\n"));
        assertInvalid(parser, "e:5\n", "Too many headers: more than maxHeaders=4 [offset=21]");
        assertThat(parseOne(new StompParser(null, SMALL), "SEND\na:1\nb:2\nc:3\nd:4\n\n\0").rawHeaders()).hasSize(4);
    }

    @Test
    void contentLengthAboveTheLimitRaisesRightAfterTheHead() {
        assertInvalid(new StompParser(null, SMALL), "MESSAGE\ncontent-length:17\n\n",
                "Content-length exceeds maxBodyLength=16: '17' [offset=8]");
        assertInvalid(new StompParser(null, new StompParserLimits(64, 4, 16)),
                "MESSAGE\ncontent-length:99999999999999999999\n\n",
                "Content-length exceeds maxBodyLength=16: '99999999999999999999' [offset=8]");
        assertThat(parseOne(new StompParser(null, SMALL), "MESSAGE\ncontent-length:16\n\n" + "\0".repeat(17)).body())
                .hasSize(16);
    }

    @Test
    void bodyLongerThanTheLimitRaisesAsSoonAsItIsExceeded() {
        StompParser parser = new StompParser(null, SMALL);
        parser.add(wire("MESSAGE\n\n" + "x".repeat(16)));
        assertInvalid(parser, "x", "Frame body longer than maxBodyLength=16 [offset=9]");
        assertThat(parseOne(new StompParser(null, SMALL), "MESSAGE\n\n" + "x".repeat(16) + "\0").body()).hasSize(16);
    }

    @Test
    void offsetsCountEveryByteSinceTheLastReset() {
        StompParser parser = new StompParser(null, SMALL);
        parser.add(wire(DISCONNECT + "\n"));
        assertInvalid(parser, "MESSAGE\ncontent-length:x\n\n", "Invalid content-length header: 'x' [offset=22]");
        assertInvalid(parser, "X".repeat(40), "Header line longer than maxLineLength=32 [offset=40]");
        parser.add(wire("SEND\n"));
        parser.reset();
        assertInvalid(parser, "MESSAGE\ncontent-length:x\n\n", "Invalid content-length header: 'x' [offset=8]");
    }

    // ---- recovery: one rule for every error

    /** Version, bad frame, message, and the offset of the error within the bad frame (-1: message without one). */
    static Stream<Arguments> everyError() {
        return Stream.of(
                Arguments.of("1.0", HELLO, "Invalid command (version 1.0): 'HELLO'", -1),
                Arguments.of("1.0", "SEND\nnoseparator\n\n\0", "No separator in header line: 'noseparator'", -1),
                Arguments.of("1.0", "MESSAGE\ncontent-length:1\n\nxy\0",
                        "Expected frame delimiter (found b'y' instead)", -1),
                Arguments.of("1.1", "RECEIPT\n\nouch!\0",
                        "No body allowed for this command (version 1.1): 'RECEIPT'", -1),
                Arguments.of("1.1", "SEND\ndestination:a:b\n\n\0",
                        "No escape sequence defined for this character (version 1.1): ':' [text='a:b']", -1),
                Arguments.of("1.0", "SEND\nk:\u00e9\n\n\0", "Non-ASCII byte in frame head (version 1.0): b'\\xe9'", 7),
                Arguments.of("1.1", "SEND\nk:\u00ff\n\n\0", "Invalid UTF-8 in frame head (version 1.1): b'\\xff'", 7),
                Arguments.of("1.0", "MESSAGE\ncontent-length:abc\n\n\0", "Invalid content-length header: 'abc'", 8),
                Arguments.of("1.0", "MESSAGE\ncontent-length:-1\n\n\0", "Invalid content-length header: '-1'", 8),
                Arguments.of("1.0", "MESSAGE\ncontent-length:17\n\n" + "x".repeat(17) + "\0",
                        "Content-length exceeds maxBodyLength=16: '17'", 8),
                Arguments.of("1.0", "SEND\n" + "x".repeat(33) + ":\n\n\0",
                        "Header line longer than maxLineLength=32", 5),
                Arguments.of("1.2", "SEND\na:1\nb:2\nc:3\nd:4\ne:5\n\n\0",
                        "Too many headers: more than maxHeaders=4", 21),
                Arguments.of("1.1", "MESSAGE\n\n" + "x".repeat(17) + "\0",
                        "Frame body longer than maxBodyLength=16", 9));
    }

    /**
     * The recovery rule: the error flushes the buffer, the frame in progress and the rest of the same add
     * (the DISCONNECT behind the bad frame is lost); the RECEIPT queued before stays readable; the next add parses.
     */
    @ParameterizedTest
    @MethodSource("everyError")
    void everyErrorFlushesKeepsQueuedFramesAndRecovers(String version, String bad, String message, int offset) {
        StompParser parser = new StompParser(version, SMALL);
        String before = RECEIPT + "\n";
        assertInvalid(parser, before + bad + DISCONNECT,
                offset < 0 ? message : message + " [offset=" + (before.length() + offset) + "]");
        List<StompItem> kept = drain(parser);
        assertThat(kept.get(0)).isEqualTo(frame(RECEIPT));
        assertThat(kept).hasSize(version.equals("1.0") ? 1 : 2);

        assertThat(parse(parser, DISCONNECT)).containsExactly(new StompFrame(StompSpec.DISCONNECT));
        parser.add(wire("SEND\n"));
        parser.reset();
        assertThat(parse(parser, DISCONNECT)).containsExactly(new StompFrame(StompSpec.DISCONNECT));
    }

    @Test
    void errorDiscardsTheBytesBufferedBeforeTheFailingAdd() {
        StompParser parser = new StompParser();
        parser.add(wire("SEND\nok:1\n"));
        assertInvalid(parser, "broken\n\n\0", "No separator in header line: 'broken'");
        assertThat(parse(parser, DISCONNECT)).containsExactly(new StompFrame(StompSpec.DISCONNECT));
    }

    // ---- versions

    @Test
    void versionDefaultsTo10AndIsValidated() {
        assertThat(new StompParser().version()).isEqualTo("1.0");
        assertThat(new StompParser(null).version()).isEqualTo("1.0");
        assertThat(new StompParser("1.2").version()).isEqualTo("1.2");
        assertThatThrownBy(() -> new StompParser("1.3")).isExactlyInstanceOf(StompProtocolError.class)
                .hasMessage("Version is not supported [1.3]");
        assertThatThrownBy(() -> new StompParser().setVersion("1.10")).isExactlyInstanceOf(StompProtocolError.class);
    }

    @Test
    void pendingBytesAreParsedUnderTheNewVersion() {
        StompParser parser = new StompParser(StompSpec.VERSION_1_0);
        parser.add(wire("CONNECTED\nversion:1.1\n\n\0NACK\nsubscription:0\n"));
        assertThat(((StompFrame) parser.get()).version()).isEqualTo("1.0");
        parser.setVersion(StompSpec.VERSION_1_1);
        parser.add(wire("message-id:007\n\n\0\n"));
        assertThat(drain(parser)).containsExactly(frame(NACK), HB);
        assertThat(parser.version()).isEqualTo("1.1");

        parser = new StompParser(StompSpec.VERSION_1_1);
        assertThat(parse(parser, "\r\n")).isEmpty();
        parser.setVersion(StompSpec.VERSION_1_2);
        assertThat(parse(parser, DISCONNECT)).containsExactly(HB, new StompFrame(StompSpec.DISCONNECT));
    }

    @Test
    void aFrameWhoseHeadIsParsedKeepsItsVersion() {
        StompParser parser = new StompParser(StompSpec.VERSION_1_0);
        parser.add(wire(DISCONNECT_HEAD + "ouch"));
        parser.setVersion(StompSpec.VERSION_1_1);
        StompFrame frame = parseOne(parser, "!\0");
        assertThat(frame.version()).isEqualTo("1.0");
        assertThat(frame.body()).isEqualTo(wire("ouch!"));
    }
}
