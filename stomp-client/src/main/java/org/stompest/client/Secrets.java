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
package org.stompest.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.stompest.protocol.StompFrame;

/**
 * Keeps the passcode out of what a broker sends back. Some brokers echo the CONNECT frame (or the credentials) in
 * the ERROR that refuses it, and an ERROR's text travels into exceptions, logs, listeners and JMX; so every ERROR
 * frame is redacted once, as it arrives, before anything reads it.
 */
final class Secrets {
    static final String MASK = "***";

    private Secrets() {
    }

    /**
     * The frame with every occurrence of {@code secret} in its header values and body replaced by {@value #MASK};
     * the frame itself when the secret is empty or absent. The secret is also found in its escaped header form
     * ({@code \c} for a colon and so on), since the ERROR may be unescaped only later.
     */
    static StompFrame redact(StompFrame frame, String secret) {
        if (secret == null || secret.isEmpty()) {
            return frame;
        }
        String escaped = secret.replace("\\", "\\\\").replace(":", "\\c").replace("\n", "\\n").replace("\r", "\\r");
        boolean changed = false;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : raw(frame)) {
            String value = header.getValue() == null ? null
                    : header.getValue().replace(secret, MASK).replace(escaped, MASK);
            changed |= value != null && !value.equals(header.getValue());
            headers.add(Map.entry(header.getKey(), value == null ? "" : value));
        }
        byte[] body = replace(frame.body(), secret.getBytes(StandardCharsets.UTF_8));
        changed |= body != frame.body();
        return changed ? StompFrame.raw(frame.command(), headers, body, frame.version()) : frame;
    }

    private static List<Map.Entry<String, String>> raw(StompFrame frame) {
        List<Map.Entry<String, String>> raw = frame.rawHeaders();
        return raw != null ? raw : new ArrayList<>(frame.headers().entrySet());
    }

    /** {@code body} with each occurrence of {@code secret} replaced by the mask, or {@code body} itself if none. */
    private static byte[] replace(byte[] body, byte[] secret) {
        int at = indexOf(body, secret, 0);
        if (at < 0) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int from = 0;
        byte[] mask = MASK.getBytes(StandardCharsets.US_ASCII);
        while (at >= 0) {
            out.write(body, from, at - from);
            out.write(mask, 0, mask.length);
            from = at + secret.length;
            at = indexOf(body, secret, from);
        }
        out.write(body, from, body.length - from);
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
