package org.stompest.client;

import java.time.Duration;

import org.stompest.error.StompConnectionError;

/**
 * No reply came on time for a {@link Requestor#request}:
 * {@code No reply on time [destination=/queue/service, correlation-id=..., timeout=PT5S]}.
 */
public final class StompRequestTimeout extends StompConnectionError {
    private static final long serialVersionUID = 1L;

    private final String destination;
    private final String correlationId;

    public StompRequestTimeout(String destination, String correlationId, Duration timeout) {
        super("No reply on time [destination=" + destination + ", correlation-id=" + correlationId + ", timeout="
                + timeout + "]");
        this.destination = destination;
        this.correlationId = correlationId;
    }

    /** Where the request was sent. */
    public String destination() {
        return destination;
    }

    /** The {@code correlation-id} the reply was awaited with. */
    public String correlationId() {
        return correlationId;
    }
}
