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

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.stompest.error.StompFrameError;

/**
 * Turns a STOMP byte stream, fed in chunks of any size, into {@link StompFrame}s and {@link StompHeartBeat}s.
 * A port of {@code stompest.protocol.parser.StompParser} without I/O: the transport calls {@link #add}, then
 * drains {@link #get} while {@link #canRead}.
 *
 * <p>The version decides the rules: the accepted commands ({@link StompSpec#COMMANDS}), which may carry a body,
 * the head codec (ASCII in 1.0, UTF-8 after), header unescaping and, in 1.2 only, one CR stripped before each
 * LF. An LF between frames is a heart-beat, queued in 1.1/1.2 and dropped in 1.0; the one directly after a frame's
 * NUL is queued as {@link StompHeartBeat#FRAME_TRAILER} (Artemis ends every frame with one; it is no beat). The head ends at the first
 * empty line; header lines split at their first colon, nothing is trimmed. The first {@code content-length}
 * fixes the body length (the body may hold NULs; the next byte must be NUL); without one the body ends at the
 * first NUL after the head. Parsed frames carry {@link StompFrame#rawHeaders()} in wire order.
 *
 * <p>Every byte is scanned once: a few fields remember where the item starts, how far the search for the end
 * of the head or for the NUL got, and the frame whose body is pending, so feeding a frame one byte per call
 * costs what one call costs. Only {@link #setVersion} rescans a head that is not complete yet.
 *
 * <p><b>Recovery rule.</b> On any error the parser discards its buffer and the frame in progress, including
 * bytes of later frames from the same {@code add} call, keeps the items already queued (they stay readable
 * with {@link #get}), and throws {@link StompFrameError}. The next {@code add} starts on a clean slate. Nothing
 * but {@code StompFrameError} escapes {@code add} for any input. (The reference flushed on four errors and got
 * stuck on the others.)
 *
 * <p>Deviations from the reference, all deliberate: in 1.2 CR LF between frames is a heart-beat too; the NUL
 * search starts after the head, so a NUL in a header value no longer ends the frame; every error flushes; a
 * non-integer or negative {@code content-length} and a non-ASCII head byte in 1.0 raise {@code StompFrameError};
 * the limits of {@link StompParserLimits} apply. Errors worded like the reference's carry no offset; new ones
 * end in {@code [offset=N]}, N counting the bytes added since construction or the last {@link #reset()}.
 *
 * <p>Not thread-safe: one parser per connection, used by one thread at a time.
 */
public final class StompParser {
    private static final byte LF = '\n', CR = '\r', NUL = 0, COLON = ':';
    private static final int INITIAL_CAPACITY = 8 * 1024;
    /** A buffer grown beyond this by a big frame is given back once it is empty. */
    private static final int RETAINED_CAPACITY = 1024 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final Map<String, KnownTokens> COMMAND_TOKENS = Map.of(
            StompSpec.VERSION_1_0, new KnownTokens(StompSpec.COMMANDS.get(StompSpec.VERSION_1_0)),
            StompSpec.VERSION_1_1, new KnownTokens(StompSpec.COMMANDS.get(StompSpec.VERSION_1_1)),
            StompSpec.VERSION_1_2, new KnownTokens(StompSpec.COMMANDS.get(StompSpec.VERSION_1_2)));

    private final StompParserLimits limits;
    private final ArrayDeque<StompItem> items = new ArrayDeque<>();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(256);

    private String version;
    private KnownTokens commandTokens;
    private boolean v10;
    private boolean v12;

    private byte[] buf = new byte[INITIAL_CAPACITY];
    private long base;           // stream offset of buf[0]
    private int start;           // first byte of the current item; of the body once the head is parsed
    private int limit;           // end of the buffered bytes
    private int scan;            // how far the search for the end of the head, or for the NUL, got
    private int lineStart;       // first byte of the head line being scanned
    private int headers;         // header lines scanned so far in this head
    private StompFrame frame;    // head parsed, body pending
    private int bodyLength = -1; // content-length of the pending frame, -1 when the NUL ends the body
    private boolean afterNul;    // the last byte consumed was a frame's NUL: an EOL now is its trailer
    private byte[] directBody;   // the pending frame's body, filled straight from add() (content-length known)
    private int directFilled;    // bytes of directBody filled so far
    private int headBytes;       // wire bytes of the pending frame's head, command line to empty line

    /** A 1.0 parser with the default limits (the reference's default version). */
    public StompParser() {
        this(null);
    }

    /** A parser for {@code version} ({@code null} is 1.0) with the default limits. */
    public StompParser(String version) {
        this(version, StompParserLimits.DEFAULTS);
    }

    public StompParser(String version, StompParserLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        setVersion(version);
    }

    public String version() {
        return version;
    }

    /**
     * Switches the rules, e.g. after CONNECTED. Bytes not yet parsed into a head are kept and parsed under the
     * new version; raises {@code StompProtocolError} for an unsupported version.
     */
    public void setVersion(String version) {
        this.version = StompSpec.version(version);
        commandTokens = COMMAND_TOKENS.get(this.version);
        v10 = StompSpec.VERSION_1_0.equals(this.version);
        v12 = StompSpec.VERSION_1_2.equals(this.version);
        if (frame == null) {
            scan = lineStart = start;
            headers = 0;
        }
    }

    public StompParserLimits limits() {
        return limits;
    }

    public void add(byte[] data) {
        add(data, 0, data.length);
    }

    /** Appends {@code len} bytes from {@code data[off]} and parses as many items as they complete. */
    public void add(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        int direct = directRoom(len);
        if (direct > 0) {
            System.arraycopy(data, off, directBody, directFilled, direct);
            directFilled += direct;
            off += direct;
            len -= direct;
        }
        System.arraycopy(data, off, room(len), limit, len);
        limit += len;
        parse();
    }

    /** Appends the remaining bytes of {@code data}, consuming them, and parses as many items as they complete. */
    public void add(ByteBuffer data) {
        int direct = directRoom(data.remaining());
        if (direct > 0) {
            data.get(directBody, directFilled, direct);
            directFilled += direct;
        }
        int len = data.remaining();
        data.get(room(len), limit, len);
        limit += len;
        parse();
    }

    public boolean canRead() {
        return !items.isEmpty();
    }

    /** The oldest parsed item (a {@link StompFrame} or {@link StompHeartBeat#INSTANCE}), or {@code null}. */
    public StompItem get() {
        return items.poll();
    }

    /** Discards the queued items, the buffer and any partly parsed frame; offsets count from here again. */
    public void reset() {
        items.clear();
        flush();
        base = 0;
    }

    private void parse() {
        try {
            while (frame != null ? body() : item()) {
                // each step queued an item or parsed a head; go on until the bytes run out
            }
        } catch (StompFrameError e) {
            flush();
            throw e;
        }
        if (start == limit) {
            empty();
        }
    }

    /**
     * Between frames: consumes a heart-beat (LF, or in 1.2 also CR LF) at the item start, or else goes on with
     * the head. False while more bytes are needed.
     */
    private boolean item() {
        if (start == limit) {
            return false;
        }
        if (scan == start) {
            int beat = buf[start] == LF ? 1 : 0;
            if (v12 && buf[start] == CR) {
                if (start + 1 == limit) {
                    return false; // the next byte decides between a heart-beat and a head
                }
                beat = buf[start + 1] == LF ? 2 : 0;
            }
            if (beat > 0) {
                start = scan = lineStart = start + beat;
                if (!v10) {
                    items.add(afterNul ? StompHeartBeat.FRAME_TRAILER : StompHeartBeat.INSTANCE);
                }
                afterNul = false;
                return true;
            }
        }
        afterNul = false;
        int end = scanHead();
        if (end < 0) {
            return false;
        }
        parseHead(end);
        return true;
    }

    /** Continues the search for the empty line that ends the head; its end, or -1 when it is not there yet. */
    private int scanHead() {
        int maxLine = limits.maxLineLength();
        for (int i = scan; i < limit; i++) {
            if (buf[i] != LF) {
                if (i - lineStart >= maxLine) {
                    throw error("Header line longer than maxLineLength=" + maxLine, lineStart);
                }
                continue;
            }
            int length = i - lineStart;
            if (lineStart != start) {
                if (length == 0 || (v12 && length == 1 && buf[lineStart] == CR)) {
                    scan = i + 1;
                    return i + 1;
                }
                if (++headers > limits.maxHeaders()) {
                    throw error("Too many headers: more than maxHeaders=" + limits.maxHeaders(), lineStart);
                }
            }
            lineStart = i + 1;
        }
        scan = limit;
        return -1;
    }

    /**
     * Decodes the complete head [start, end) into the pending frame and works out how its body ends. One pass per
     * header line finds the colon and notes what needs the general path (a non-ASCII byte, or with unescaping a
     * backslash, a second colon or a CR); a plain ASCII line becomes its two strings directly, common names as
     * canonical strings.
     */
    private void parseHead(int end) {
        int lf = indexOf(LF, start, end);
        String command = command(start, v12 && lf > start && buf[lf - 1] == CR ? lf - 1 : lf);
        boolean unescape = !HeaderCodec.excluded(version, command);
        ArrayList<Map.Entry<String, String>> rawHeaders = new ArrayList<>(headers);
        String contentLength = null;
        int contentLengthAt = -1;
        for (int from = lf + 1; from < end; from = lf + 1) {
            int colon = -1;
            boolean plain = true;
            for (lf = from; buf[lf] != LF; lf++) {
                byte b = buf[lf];
                if (b == COLON) {
                    if (colon < 0) {
                        colon = lf;
                    } else if (unescape) {
                        plain = false;
                    }
                } else if (b < 0 || (unescape && (b == '\\' || (v12 && b == CR && buf[lf + 1] != LF)))) {
                    plain = false;
                }
            }
            int to = v12 && lf > from && buf[lf - 1] == CR ? lf - 1 : lf;
            if (to == from) {
                break;
            }
            if (colon < 0) {
                throw new StompFrameError("No separator in header line: " + Repr.str(text(from, to)));
            }
            String name;
            String value;
            if (plain) {
                name = KnownTokens.HEADER_NAMES.match(buf, from, colon);
                if (name == null) {
                    name = new String(buf, from, colon - from, StandardCharsets.ISO_8859_1);
                }
                value = new String(buf, colon + 1, to - colon - 1, StandardCharsets.ISO_8859_1);
            } else {
                name = HeaderCodec.unescape(text(from, colon), version, command);
                value = HeaderCodec.unescape(text(colon + 1, to), version, command);
            }
            if (contentLength == null && name.equals(StompSpec.CONTENT_LENGTH_HEADER)) {
                contentLength = value;
                contentLengthAt = from;
            }
            rawHeaders.add(Map.entry(name, value));
        }
        if (contentLength != null) {
            long length = contentLength(contentLength);
            if (length < 0) {
                throw error("Invalid content-length header: " + Repr.str(contentLength), contentLengthAt);
            }
            if (length > limits.maxBodyLength()) {
                throw error("Content-length exceeds maxBodyLength=" + limits.maxBodyLength() + ": "
                        + Repr.str(contentLength), contentLengthAt);
            }
            bodyLength = (int) length;
        }
        frame = StompFrame.parsed(command, rawHeaders, version);
        headBytes = end - start;
        start = scan = lineStart = end;
        headers = 0;
    }

    /** The canonical command spelled by [from, to), or the reference's error for anything else. */
    private String command(int from, int to) {
        String command = commandTokens.match(buf, from, to);
        if (command == null) {
            String text = text(from, to);
            throw new StompFrameError("Invalid command (version " + version + "): " + Repr.str(text));
        }
        return command;
    }

    /** Asked only of a frame that has a body: most frames have none. */
    private static boolean bodyAllowed(StompFrame frame) {
        return StompSpec.COMMANDS_BODY_ALLOWED.get(frame.version()).contains(frame.command());
    }

    /**
     * How many of {@code len} bytes being added belong to a body that is filled directly; they bypass the buffer
     * (which is empty meanwhile) and count towards the offsets.
     */
    private int directRoom(int len) {
        if (directBody == null) {
            return 0;
        }
        int n = Math.min(len, directBody.length - directFilled);
        base += n;
        return n;
    }

    /**
     * Finds the end of the pending frame's body; false while it has not arrived. A body with a known length that
     * has not fully arrived gets its array now: the bytes already buffered and every later read are copied
     * straight into it, so a large body is allocated once and the buffer does not grow for it.
     */
    private boolean body() {
        int nul;
        byte[] body = null;
        if (directBody != null) {
            if (directFilled < directBody.length || start == limit) {
                return false;
            }
            nul = start;
            body = directBody;
            if (buf[nul] != NUL) {
                throw delimiterExpected(buf[nul]);
            }
        } else if (bodyLength >= 0) {
            if (limit - start <= bodyLength) {
                if (bodyLength > 0) {
                    int buffered = limit - start;
                    directBody = new byte[bodyLength];
                    System.arraycopy(buf, start, directBody, 0, buffered);
                    directFilled = buffered;
                    start = scan = lineStart = limit;
                }
                return false;
            }
            nul = start + bodyLength;
            if (buf[nul] != NUL) {
                throw delimiterExpected(buf[nul]);
            }
        } else {
            int maxBody = limits.maxBodyLength();
            int stop = (int) Math.min(limit, (long) start + maxBody + 1);
            nul = indexOf(NUL, scan, stop);
            if (nul < 0) {
                if (stop - start > maxBody) {
                    throw error("Frame body longer than maxBodyLength=" + maxBody, start);
                }
                scan = stop;
                return false;
            }
        }
        if ((body != null || nul > start) && !bodyAllowed(frame)) {
            throw new StompFrameError("No body allowed for this command (version " + frame.version() + "): "
                    + Repr.str(frame.command()));
        }
        frame.setBody(body != null ? body : Arrays.copyOfRange(buf, start, nul));
        frame.received(headBytes + frame.body().length + 1);
        items.add(frame);
        afterNul = true;
        frame = null;
        bodyLength = -1;
        directBody = null;
        start = scan = lineStart = nul + 1;
        return true;
    }

    /**
     * Head bytes as text: ASCII straight through ISO-8859-1, anything else through the strict UTF-8 decoder
     * (from 1.1 on) or an error naming the offending byte (1.0).
     */
    private String text(int from, int to) {
        int i = from;
        while (i < to && buf[i] >= 0) {
            i++;
        }
        if (i == to) {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        if (v10) {
            throw error("Non-ASCII byte in frame head (version 1.0): " + Repr.bytes(new byte[] {buf[i]}), i);
        }
        if (chars.capacity() < to - from) {
            chars = CharBuffer.allocate(Math.max(to - from, 2 * chars.capacity()));
        }
        ByteBuffer in = ByteBuffer.wrap(buf, from, to - from);
        CoderResult result = utf8.reset().decode(in, chars.clear(), true);
        if (result.isError()) {
            int at = in.position();
            throw error("Invalid UTF-8 in frame head (version " + version + "): "
                    + Repr.bytes(Arrays.copyOfRange(buf, at, Math.min(to, at + result.length()))), at);
        }
        return chars.flip().toString();
    }

    /**
     * Python's {@code int()} on the header value, as the reference does: ASCII whitespace around, a sign, and
     * single underscores between digits are accepted. Returns -1 for anything else and for negative numbers;
     * large values saturate just above {@code Integer.MAX_VALUE}.
     */
    static long contentLength(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && space(text.charAt(from))) {
            from++;
        }
        while (to > from && space(text.charAt(to - 1))) {
            to--;
        }
        boolean negative = false;
        if (from < to && (text.charAt(from) == '+' || text.charAt(from) == '-')) {
            negative = text.charAt(from++) == '-';
        }
        long value = 0;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = Math.min(value * 10 + (c - '0'), Integer.MAX_VALUE + 1L);
                digits = true;
            } else if (c != '_' || !digits || i + 1 == to || text.charAt(i + 1) < '0' || text.charAt(i + 1) > '9') {
                return -1;
            }
        }
        return !digits || (negative && value > 0) ? -1 : value;
    }

    private static boolean space(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** A buffer with room for {@code len} more bytes at {@link #limit}: shifts the live bytes down or grows. */
    private byte[] room(int len) {
        if (buf.length - limit >= len) {
            return buf;
        }
        int live = limit - start;
        long needed = (long) live + len;
        if (needed > MAX_ARRAY) {
            flush();
            throw error("Buffer overflow: " + needed + " bytes pending", 0);
        }
        byte[] target = buf;
        if (needed > buf.length / 2) {
            target = new byte[(int) Math.min(MAX_ARRAY, Math.max(2L * buf.length, needed))];
        }
        System.arraycopy(buf, start, target, 0, live);
        buf = target;
        base += start;
        scan -= start;
        lineStart -= start;
        limit = live;
        start = 0;
        return buf;
    }

    /** The recovery rule: drop every buffered byte and the frame in progress; the queue stays. */
    private void flush() {
        empty();
        frame = null;
        bodyLength = -1;
        directBody = null;
        headers = 0;
        afterNul = false;
    }

    /** Starts the buffer over at index 0, giving back the memory a big frame made it grow to. */
    private void empty() {
        base += limit;
        start = limit = scan = lineStart = 0;
        if (buf.length > RETAINED_CAPACITY) {
            buf = new byte[INITIAL_CAPACITY];
        }
    }

    private static StompFrameError delimiterExpected(byte found) {
        return new StompFrameError("Expected frame delimiter (found " + Repr.bytes(new byte[] {found}) + " instead)");
    }

    private StompFrameError error(String message, int index) {
        return new StompFrameError(message + " [offset=" + (base + index) + "]");
    }
}
