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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.stompest.error.StompFrameError;

/**
 * A growable byte buffer that encodes head text straight into bytes: ASCII in 1.0 (anything else is an error
 * naming the header), UTF-8 from 1.1 on, without an intermediate {@code byte[]} per string.
 */
final class FrameEncoder {
    /** ASCII characters written as they are in every version and command: none of NUL, LF, CR, ':' and '\\'. */
    private static final boolean[] PLAIN = new boolean[0x80];

    /** The bytes of the common header names: ASCII with nothing to escape, so alike in every version. */
    private static final Map<String, byte[]> COMMON_NAMES = new HashMap<>();

    static {
        for (char c = 0; c < 0x80; c++) {
            PLAIN[c] = c != '\0' && c != '\n' && c != '\r' && c != ':' && c != '\\';
        }
        for (String name : KnownTokens.COMMON_HEADER_NAMES) {
            COMMON_NAMES.put(name, name.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private byte[] buf;
    private int count;

    FrameEncoder(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    void write(int b) {
        ensure(1);
        buf[count++] = (byte) b;
    }

    void write(byte[] bytes, int off, int len) {
        ensure(len);
        System.arraycopy(bytes, off, buf, count, len);
        count += len;
    }

    /**
     * Encodes head text with the version's codec; {@code header} names the header the text belongs to, for the
     * error message ({@code null} for the command).
     */
    void writeText(String text, String version, String header) {
        int n = text.length();
        ensure(n);
        boolean ascii = StompSpec.VERSION_1_0.equals(version);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                buf[count++] = (byte) c;
                continue;
            }
            if (ascii) {
                throw new StompFrameError("Cannot encode non-ASCII character "
                        + Repr.str(new String(Character.toChars(text.codePointAt(i)))) + " at position " + i
                        + " in version 1.0 [text=" + shown(text, header) + context(header) + "]");
            }
            int next = writeUtf8(text, i);
            if (next < 0) {
                throw new StompFrameError("Cannot encode unpaired surrogate at position " + i + " [text="
                        + shown(text, header) + context(header) + "]");
            }
            i = next;
        }
    }

    /** Writes a common header name from its cached bytes; false, with nothing written, for any other name. */
    boolean writeCommonName(String name) {
        byte[] bytes = COMMON_NAMES.get(name);
        if (bytes == null) {
            return false;
        }
        write(bytes, 0, bytes.length);
        return true;
    }

    /**
     * Escapes and encodes a header name or value in one pass, for the usual case. Returns false, with nothing
     * written, when the text holds what only the general path judges: a character the frame cannot carry (the
     * general path raises the error naming it), or a non-ASCII character in 1.0, or an unpaired surrogate.
     *
     * @param escape whether this command's headers are escaped
     * @param escapeCr whether CR has an escape sequence (1.2 with escaping)
     * @param ascii whether the head is ASCII (1.0)
     */
    boolean writeEscaped(String text, boolean escape, boolean escapeCr, boolean ascii, boolean isName) {
        int mark = count;
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && PLAIN[c]) {
                buf[count++] = (byte) c;
                continue;
            }
            if (c < 0x80) {
                byte sequence = escapeSequence(c, escape, escapeCr, isName);
                if (sequence == 0) {
                    buf[count++] = (byte) c;
                } else if (sequence > 0) {
                    ensure(2 + n - i);
                    buf[count++] = '\\';
                    buf[count++] = sequence;
                } else {
                    count = mark;
                    return false;
                }
                continue;
            }
            if (ascii) {
                count = mark;
                return false;
            }
            i = writeUtf8(text, i);
            if (i < 0) {
                count = mark;
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the non-ASCII character at {@code i} (a surrogate pair counts as one) in UTF-8; returns the index of its
     * last char, or -1 for an unpaired surrogate (nothing written).
     */
    private int writeUtf8(String text, int i) {
        int n = text.length();
        char c = text.charAt(i);
        ensure(4 + n - i);
        if (c < 0x800) {
            buf[count++] = (byte) (0xc0 | (c >> 6));
            buf[count++] = (byte) (0x80 | (c & 0x3f));
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, text.charAt(++i));
            buf[count++] = (byte) (0xf0 | (cp >> 18));
            buf[count++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
            buf[count++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
            buf[count++] = (byte) (0x80 | (cp & 0x3f));
        } else if (Character.isSurrogate(c)) {
            return -1;
        } else {
            buf[count++] = (byte) (0xe0 | (c >> 12));
            buf[count++] = (byte) (0x80 | ((c >> 6) & 0x3f));
            buf[count++] = (byte) (0x80 | (c & 0x3f));
        }
        return i;
    }

    /**
     * For an ASCII character up to {@code '\\'}: the letter after the backslash of its escape sequence, 0 to write
     * it as it is, or -1 when it is refused (the rules of {@link HeaderCodec}).
     */
    private static byte escapeSequence(char c, boolean escape, boolean escapeCr, boolean isName) {
        switch (c) {
            case '\\': return escape ? (byte) '\\' : 0;
            case ':': return escape ? (byte) 'c' : isName ? (byte) -1 : 0;
            case '\n': return escape ? (byte) 'n' : -1;
            case '\r': return escapeCr ? (byte) 'r' : -1;
            case '\0': return -1;
            default: return 0;
        }
    }

    /**
     * The text for an error message, masked for a passcode: with that header only its value can fail, since the
     * name itself is ASCII.
     */
    private static String shown(String text, String header) {
        return StompSpec.PASSCODE_HEADER.equals(header) ? Repr.str(Repr.MASK) : Repr.str(text);
    }

    private static String context(String header) {
        return header == null ? ", command" : ", header=" + Repr.str(header);
    }

    /** The bytes; the buffer itself when it was sized exactly (the encoder is not used afterwards). */
    byte[] toByteArray() {
        return count == buf.length ? buf : Arrays.copyOf(buf, count);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, count);
    }

    private void ensure(int more) {
        if (count + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
        }
    }
}
