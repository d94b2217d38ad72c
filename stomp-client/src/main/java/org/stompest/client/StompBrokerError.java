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

import java.nio.charset.StandardCharsets;

import org.stompest.error.StompProtocolError;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * The broker answered with an ERROR frame. The message reads
 * {@code Received ERROR [message=<message header>]: <body>} (the body cut at 1000 characters, left out when it
 * repeats the message), and
 * {@link #frame()} is the frame itself.
 */
public class StompBrokerError extends StompProtocolError {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 1000;
    private static final int MAX_LINE = 200;

    private final transient StompFrame frame;

    public StompBrokerError(StompFrame frame) {
        super(describe(frame));
        this.frame = frame;
    }

    /** The ERROR frame (may be null after deserialization). */
    public StompFrame frame() {
        return frame;
    }

    /** The ERROR's {@code message} header, or null. */
    public String brokerMessage() {
        return frame == null ? null : frame.header(StompSpec.MESSAGE_HEADER);
    }

    /** The ERROR's body as UTF-8 text ("" when empty). */
    public String body() {
        return frame == null ? "" : new String(frame.body(), StandardCharsets.UTF_8);
    }

    /**
     * The ERROR in one line for people: its {@code message} header and, where the body says more (RabbitMQ's
     * {@code Bad CONNECT} names the virtual host only there), the body's first line, cut at 200 characters.
     */
    public static String summary(StompFrame frame) {
        String message = frame.header(StompSpec.MESSAGE_HEADER);
        String body = new String(frame.body(), StandardCharsets.UTF_8).strip();
        int end = body.indexOf('\n');
        String line = (end < 0 ? body : body.substring(0, end)).strip();
        if (line.length() > MAX_LINE) {
            line = line.substring(0, MAX_LINE) + "...";
        }
        if (line.isEmpty() || line.equals(message)) {
            return String.valueOf(message);
        }
        return message == null ? line : message + ": " + line;
    }

    /** {@code Received ERROR [message=...]: body}, the body cut at 1000 characters. */
    static String describe(StompFrame frame) {
        StringBuilder text = new StringBuilder("Received ERROR [message=")
                .append(frame.header(StompSpec.MESSAGE_HEADER)).append(']');
        String body = new String(frame.body(), StandardCharsets.UTF_8).strip();
        if (!body.isEmpty() && !body.equals(frame.header(StompSpec.MESSAGE_HEADER))) {
            text.append(": ").append(body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + "..." : body);
        }
        return text.toString();
    }
}
