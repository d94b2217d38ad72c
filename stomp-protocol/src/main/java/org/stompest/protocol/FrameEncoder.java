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
import java.util.Arrays;

import org.stompest.error.StompFrameError;

/**
 * A growable byte buffer that encodes head text straight into bytes: ASCII in 1.0 (anything else is an error
 * naming the header), UTF-8 from 1.1 on, without an intermediate {@code byte[]} per string.
 */
final class FrameEncoder {
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
                throw new StompFrameError("Cannot encode unpaired surrogate at position " + i + " [text="
                        + shown(text, header) + context(header) + "]");
            } else {
                buf[count++] = (byte) (0xe0 | (c >> 12));
                buf[count++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[count++] = (byte) (0x80 | (c & 0x3f));
            }
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

    byte[] toByteArray() {
        return Arrays.copyOf(buf, count);
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
