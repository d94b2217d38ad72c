package org.stompest.error;

/** A STOMP protocol rule was broken: a command in the wrong state, a missing header, a bad version. */
public class StompProtocolError extends StompError {
    private static final long serialVersionUID = 1L;

    public StompProtocolError(String message) {
        super(message);
    }

    public StompProtocolError(String message, Throwable cause) {
        super(message, cause);
    }
}
