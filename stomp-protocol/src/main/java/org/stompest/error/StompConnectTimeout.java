package org.stompest.error;

/** The failover transport allows no further attempt: {@code Reconnect timeout: N attempts}. */
public class StompConnectTimeout extends StompConnectionError {
    private static final long serialVersionUID = 1L;

    public StompConnectTimeout(String message) {
        super(message);
    }

    public StompConnectTimeout(String message, Throwable cause) {
        super(message, cause);
    }
}
