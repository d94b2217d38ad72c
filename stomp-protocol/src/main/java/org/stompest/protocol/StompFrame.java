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

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.stompest.error.StompError;
import org.stompest.error.StompFrameError;

/**
 * A STOMP frame, mutable like the reference's: a command, headers, a binary body and a version that decides the
 * wire encoding (ASCII and no escaping in 1.0, UTF-8 and escaping from 1.1 on).
 *
 * <p>Headers come in two forms. {@link #headers()} is a map; {@link #rawHeaders()} is the list of (name, value)
 * pairs in wire order, repeats included, which every parsed frame carries. While raw headers are set,
 * {@code headers()} derives a fresh map from them in which the first occurrence of a name wins, and
 * {@link #setHeaders} is stored but not visible until {@link #unraw()}.
 *
 * <p>Two frames are equal when they render to the same bytes. {@link #toString()} is shaped like the
 * reference's repr; it, {@link #info()} and every error message mask the passcode.
 */
public final class StompFrame implements StompItem {
    /** How many body bytes {@link #info()} shows. */
    public static final int INFO_LENGTH = 20;
    private static final byte[] EMPTY = new byte[0];

    private String command;
    private Map<String, String> headers;
    private byte[] body;
    private List<Map.Entry<String, String>> rawHeaders;
    private String version;
    /** What the parser read for this frame; 0 for a frame made here. */
    private int receivedBytes;

    public StompFrame(String command) {
        this(command, null, null, null, null);
    }

    public StompFrame(String command, Map<String, String> headers) {
        this(command, headers, null, null, null);
    }

    public StompFrame(String command, Map<String, String> headers, byte[] body) {
        this(command, headers, body, null, null);
    }

    public StompFrame(String command, Map<String, String> headers, byte[] body, String version) {
        this(command, headers, body, null, version);
    }

    /** The reference's full constructor; {@code null} means "default" for every argument but the command. */
    public StompFrame(String command, Map<String, String> headers, byte[] body,
                      List<Map.Entry<String, String>> rawHeaders, String version) {
        this.command = Objects.requireNonNull(command, "command");
        this.headers = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
        this.body = body == null ? EMPTY : body;
        this.rawHeaders = rawHeaders == null ? null : new ArrayList<>(rawHeaders);
        this.version = StompSpec.version(version);
    }

    /** A frame with raw headers (wire order, repeats allowed) and the given version. */
    public static StompFrame raw(String command, List<Map.Entry<String, String>> rawHeaders, byte[] body,
                                 String version) {
        return new StompFrame(command, null, body, rawHeaders == null ? List.of() : rawHeaders, version);
    }

    /**
     * For the parser: takes ownership of the list without copying it; the version is already canonical, and the
     * map form is created only when something asks for it.
     */
    static StompFrame parsed(String command, ArrayList<Map.Entry<String, String>> rawHeaders, String version) {
        return new StompFrame(command, rawHeaders, version);
    }

    private StompFrame(String command, ArrayList<Map.Entry<String, String>> rawHeaders, String version) {
        this.command = command;
        this.body = EMPTY;
        this.rawHeaders = rawHeaders;
        this.version = version;
    }

    public String command() {
        return command;
    }

    public void setCommand(String command) {
        this.command = Objects.requireNonNull(command, "command");
    }

    /**
     * The headers. Without raw headers this is the frame's own (mutable) map; with raw headers it is a fresh map
     * in wire order in which the first occurrence of each name wins, and writing to it changes nothing.
     */
    public Map<String, String> headers() {
        if (rawHeaders == null) {
            if (headers == null) {
                headers = new LinkedHashMap<>();
            }
            return headers;
        }
        Map<String, String> dedup = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : rawHeaders) {
            if (!dedup.containsKey(header.getKey())) {
                dedup.put(header.getKey(), header.getValue());
            }
        }
        return dedup;
    }

    /** The first value of a header, or {@code null}; cheaper than {@code headers().get(name)} on raw frames. */
    public String header(String name) {
        if (rawHeaders == null) {
            return headers == null ? null : headers.get(name);
        }
        for (Map.Entry<String, String> header : rawHeaders) {
            if (header.getKey().equals(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** Stores a copy of the map; invisible while raw headers are set (as in the reference). */
    public void setHeaders(Map<String, String> headers) {
        this.headers = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
    }

    /** The raw headers in wire order, or {@code null} when the frame has none. */
    public List<Map.Entry<String, String>> rawHeaders() {
        return rawHeaders == null ? null : java.util.Collections.unmodifiableList(rawHeaders);
    }

    public void setRawHeaders(List<Map.Entry<String, String>> rawHeaders) {
        this.rawHeaders = rawHeaders == null ? null : new ArrayList<>(rawHeaders);
    }

    /**
     * The bytes this frame took on the wire as the parser read it, from the command to the NUL (escapes, CRs and
     * multi-byte characters counted as sent; a following EOL or heart-beat not); 0 for a frame made here.
     */
    public int receivedBytes() {
        return receivedBytes;
    }

    /** For the parser: the frame is complete after {@code bytes} on the wire. */
    void received(int bytes) {
        this.receivedBytes = bytes;
    }

    /** The body bytes, not copied. */
    public byte[] body() {
        return body;
    }

    public void setBody(byte[] body) {
        this.body = body == null ? EMPTY : body;
    }

    public String version() {
        return version;
    }

    /** Re-validates the version; it changes how the head is encoded and escaped. */
    public void setVersion(String version) {
        this.version = StompSpec.version(version);
    }

    /** Copies the deduplicated raw headers into the map form and drops the raw headers. */
    public void unraw() {
        if (rawHeaders != null) {
            headers = headers();
            rawHeaders = null;
        }
    }

    /**
     * Sets {@code content-length} to the body's length. On a raw frame the header is inserted first, so it wins
     * over any other {@code content-length}.
     */
    public void setContentLength() {
        String length = Integer.toString(body.length);
        if (rawHeaders == null) {
            headers().put(StompSpec.CONTENT_LENGTH_HEADER, length);
        } else {
            rawHeaders.add(0, Map.entry(StompSpec.CONTENT_LENGTH_HEADER, length));
        }
    }

    @Override
    public byte[] toBytes() {
        FrameEncoder encoder = new FrameEncoder(plainHeadLength() + body.length + 1);
        encodeHead(encoder);
        encoder.write(body, 0, body.length);
        encoder.write(0);
        return encoder.toByteArray();
    }

    /** Writes the frame without copying the body into an intermediate array. */
    public void writeTo(OutputStream out) throws IOException {
        FrameEncoder head = new FrameEncoder(plainHeadLength());
        encodeHead(head);
        head.writeTo(out);
        out.write(body);
        out.write(0);
    }

    /** The head's length in bytes when it is ASCII with nothing to escape (the usual case), to size the encoder. */
    private int plainHeadLength() {
        int length = command.length() + 2;
        if (rawHeaders != null) {
            for (Map.Entry<String, String> header : rawHeaders) {
                length += length(header.getKey()) + length(header.getValue()) + 2;
            }
        } else if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                length += length(header.getKey()) + length(header.getValue()) + 2;
            }
        }
        return length;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    void encodeHead(FrameEncoder out) {
        out.writeText(command, version, null);
        out.write('\n');
        boolean excluded = HeaderCodec.excluded(version, command);
        boolean ascii = StompSpec.VERSION_1_0.equals(version);
        boolean escapeCr = !excluded && StompSpec.VERSION_1_2.equals(version);
        if (rawHeaders != null) {
            for (Map.Entry<String, String> header : rawHeaders) {
                encodeHeader(out, header.getKey(), header.getValue(), excluded, ascii, escapeCr);
            }
        } else if (hasMapHeaders()) {
            for (Map.Entry<String, String> header : sortedHeaders()) {
                encodeHeader(out, header.getKey(), header.getValue(), excluded, ascii, escapeCr);
            }
        }
        out.write('\n');
    }

    private void encodeHeader(FrameEncoder out, String name, String value, boolean excluded, boolean ascii,
                              boolean escapeCr) {
        if (name == null || value == null) {
            throw new StompFrameError("Header " + (name == null ? "name" : "value") + " is null [command="
                    + command + ", header=" + Repr.str(name) + "]");
        }
        // One pass escapes and encodes; what it cannot judge alone (a refused character, or non-ASCII in 1.0)
        // takes the general path, which raises the error the two-step encoding always raised.
        if (!out.writeCommonName(name) && !out.writeEscaped(name, !excluded, escapeCr, ascii, true)) {
            out.writeText(HeaderCodec.escapeName(name, version, command), version, name);
        }
        out.write(':');
        if (!out.writeEscaped(value, !excluded, escapeCr, ascii, false)) {
            out.writeText(HeaderCodec.escapeValue(value, name, version, command), version, name);
        }
        out.write('\n');
    }

    /**
     * The map's headers in the reference's order, by insertion into an array as the map is walked: a head has a
     * handful of headers, and this costs no list and no sort's copy.
     */
    private Map.Entry<String, String>[] sortedHeaders() {
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] sorted = new Map.Entry[headers.size()];
        int n = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            int j = n++;
            while (j > 0 && compareHeaders(sorted[j - 1], header) > 0) {
                sorted[j] = sorted[j - 1];
                j--;
            }
            sorted[j] = header;
        }
        return sorted;
    }

    /** Python's sort of (name, value) pairs: by code point, not UTF-16 unit; a null sorts first (and fails later). */
    private static int compareHeaders(Map.Entry<String, String> a, Map.Entry<String, String> b) {
        int byName = compareCodePoints(a.getKey(), b.getKey());
        if (byName != 0) {
            return byName;
        }
        return compareCodePoints(a.getValue(), b.getValue());
    }

    private static int compareCodePoints(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int n = Math.min(a.length(), b.length());
        int k = 0;
        while (k < n && a.charAt(k) == b.charAt(k)) {
            k++;
        }
        if (k == n) {
            return Integer.compare(a.length(), b.length());
        }
        char x = a.charAt(k);
        char y = b.charAt(k);
        if (!Character.isSurrogate(x) && !Character.isSurrogate(y)) {
            return Integer.compare(x, y); // below the surrogates UTF-16 units order like code points
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Whether the map form holds headers (it is created lazily on parsed frames). */
    private boolean hasMapHeaders() {
        return headers != null && !headers.isEmpty();
    }

    /** {@code <COMMAND> frame [headers={…}, body=b'…', version=1.1]}, the body cut at {@link #INFO_LENGTH}. */
    @Override
    public String info() {
        StringBuilder out = new StringBuilder(command).append(" frame [");
        Map<String, String> shown = headers();
        if (!shown.isEmpty()) {
            out.append("headers=").append(Repr.map(shown)).append(", ");
        }
        if (body.length > 0) {
            out.append("body=");
            if (body.length > INFO_LENGTH) {
                byte[] cut = Arrays.copyOf(body, INFO_LENGTH + 3);
                cut[INFO_LENGTH] = cut[INFO_LENGTH + 1] = cut[INFO_LENGTH + 2] = '.';
                out.append(Repr.bytes(cut));
            } else {
                out.append(Repr.bytes(body));
            }
            out.append(", ");
        }
        return out.append("version=").append(version).append(']').toString();
    }

    /** The constructor arguments that differ from their defaults, like the reference's {@code dict(frame)}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("command", command);
        if (hasMapHeaders()) {
            map.put("headers", new LinkedHashMap<>(headers));
        }
        if (body.length > 0) {
            map.put("body", body.clone());
        }
        if (rawHeaders != null) {
            map.put("rawHeaders", List.copyOf(rawHeaders));
        }
        if (!StompSpec.DEFAULT_VERSION.equals(version)) {
            map.put("version", version);
        }
        return map;
    }

    /** Equal when both render to the same wire bytes; a frame that cannot be rendered equals only itself. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof StompFrame)) {
            return false;
        }
        try {
            return Arrays.equals(toBytes(), ((StompFrame) other).toBytes());
        } catch (StompError e) {
            return false;
        }
    }

    @Override
    public int hashCode() {
        try {
            return Arrays.hashCode(toBytes());
        } catch (StompError e) {
            return System.identityHashCode(this);
        }
    }

    /** Shaped like the reference's repr: {@code StompFrame(command='SEND', rawHeaders=[('foo', 'bar1')])}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("StompFrame(command=").append(Repr.str(command));
        if (hasMapHeaders()) {
            out.append(", headers=").append(Repr.map(headers));
        }
        if (body.length > 0) {
            out.append(", body=").append(Repr.bytes(body));
        }
        if (rawHeaders != null) {
            out.append(", rawHeaders=").append(Repr.pairs(rawHeaders));
        }
        if (!StompSpec.DEFAULT_VERSION.equals(version)) {
            out.append(", version=").append(Repr.str(version));
        }
        return out.append(')').toString();
    }
}
