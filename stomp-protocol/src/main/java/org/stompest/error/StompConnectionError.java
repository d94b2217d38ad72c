package org.stompest.error;

/** No connection, or the connection failed. A send that was not confirmed fails with this so it can be retried. */
public class StompConnectionError extends StompError {
    private static final long serialVersionUID = 1L;

    public StompConnectionError(String message) {
        super(message);
    }

    public StompConnectionError(String message, Throwable cause) {
        super(message, cause);
    }
}
