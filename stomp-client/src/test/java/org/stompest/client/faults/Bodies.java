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
package org.stompest.client.faults;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * Message bodies that carry their sequence number and a checksum, so a receiver can tell which message it got and
 * whether a single byte of it changed on the way: {@code [8 bytes seq][8 bytes CRC32 of everything after][payload]}.
 * The payload is random binary (NUL bytes included, so {@code content-length} matters).
 */
public final class Bodies {
    /** What {@link #verify(byte[])} returns for a body that is too short or fails its checksum. */
    public static final long CORRUPT = -1;
    private static final int HEAD = 16;

    private Bodies() {
    }

    /** A body for {@code seq} with {@code payload} random bytes drawn from {@code random}. */
    public static byte[] make(long seq, int payload, SplittableRandom random) {
        byte[] body = new byte[HEAD + payload];
        for (int i = HEAD; i < body.length; i++) {
            body[i] = (byte) random.nextInt(256);
        }
        CRC32 crc = new CRC32();
        ByteBuffer.wrap(body).putLong(seq);
        crc.update(body, 0, 8);
        crc.update(body, HEAD, payload);
        ByteBuffer.wrap(body).putLong(8, crc.getValue());
        return body;
    }

    /** A body whose payload is derived from {@code seq} alone (same bytes on every retry). */
    public static byte[] make(long seq, int payload) {
        return make(seq, payload, new SplittableRandom(seq * 0x9E3779B97F4A7C15L));
    }

    /** The sequence number of an intact body, or {@link #CORRUPT}. */
    public static long verify(byte[] body) {
        if (body == null || body.length < HEAD) {
            return CORRUPT;
        }
        ByteBuffer buffer = ByteBuffer.wrap(body);
        long seq = buffer.getLong(0);
        long expected = buffer.getLong(8);
        CRC32 crc = new CRC32();
        crc.update(body, 0, 8);
        crc.update(body, HEAD, body.length - HEAD);
        return crc.getValue() == expected && seq >= 0 ? seq : CORRUPT;
    }
}
