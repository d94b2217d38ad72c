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
package org.stompest.bench.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The bytes every codec benchmark feeds to every parser, built deterministically so that each fork and each parser
 * sees the same stream.
 *
 * <pre>
 * MESSAGE
 * subscription:sub-0
 * message-id:bench-0000000042
 * destination:/queue/bench.orders
 * ack:bench-0000000042
 * content-type:text/plain
 * content-length:100
 * priority:4
 * timestamp:1732650000000
 *
 * &lt;100 printable bytes&gt;NUL
 * </pre>
 * Header values need no escaping (a bare colon is not allowed in a 1.2 value, and Artemis sends numeric ids).
 * The large stream uses the same head with a 1 MiB body of random non-NUL bytes and its content-length.
 */
public final class Corpus {
    /** MESSAGE frames in the small stream (cases a and c). */
    public static final int SMALL_FRAMES = 1_000;
    /** MESSAGE frames in the stream fed one byte at a time (case d); shorter, or one operation takes too long. */
    public static final int BYTEWISE_FRAMES = 100;
    /** Frames in the large stream (case b). */
    public static final int LARGE_FRAMES = 8;
    public static final int SMALL_BODY = 100;
    public static final int LARGE_BODY = 1 << 20;
    /** What one TCP segment carries on an Ethernet link (case c). */
    public static final int SEGMENT = 1_460;
    /** How the large stream is fed: the size of a typical socket read buffer. */
    public static final int READ_BUFFER = 64 * 1024;

    private Corpus() {
    }

    /** {@code count} MESSAGE frames with 8 headers (content-length among them) and a body of {@code bodyLength}. */
    public static byte[] messages(int count, int bodyLength) {
        Random random = new Random(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * (bodyLength + 220));
        for (int i = 0; i < count; i++) {
            String id = String.format("bench-%010d", i);
            String head = "MESSAGE\n"
                    + "subscription:sub-0\n"
                    + "message-id:" + id + "\n"
                    + "destination:/queue/bench.orders\n"
                    + "ack:" + id + "\n"
                    + "content-type:text/plain\n"
                    + "content-length:" + bodyLength + "\n"
                    + "priority:4\n"
                    + "timestamp:" + (1_732_650_000_000L + i) + "\n"
                    + "\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(body(bodyLength, random, bodyLength > 1024));
            out.write(0);
        }
        return out.toByteArray();
    }

    /** Printable ASCII, or random bytes other than NUL for large bodies. */
    static byte[] body(int length, Random random, boolean binary) {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = binary ? (byte) (1 + random.nextInt(255)) : (byte) ('a' + random.nextInt(26));
        }
        return body;
    }

    /** The 8 headers of the SEND frame every encoder writes (content-length included). */
    public static Map<String, String> sendHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", "/queue/bench.orders");
        headers.put("content-type", "text/plain");
        headers.put("content-length", Integer.toString(SMALL_BODY));
        headers.put("persistent", "true");
        headers.put("priority", "4");
        headers.put("expires", "0");
        headers.put("correlation-id", "order-0000000042");
        headers.put("reply-to", "/queue/bench.replies");
        return headers;
    }

    /** The SEND frame's 100-byte body. */
    public static byte[] sendBody() {
        return body(SMALL_BODY, new Random(7), false);
    }
}
