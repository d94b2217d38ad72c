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
