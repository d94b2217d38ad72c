package org.stompest.error;

/** Wire-level problem: a byte stream that is not a STOMP frame, or a frame that cannot be rendered. */
public class StompFrameError extends StompError {
    private static final long serialVersionUID = 1L;

    public StompFrameError(String message) {
        super(message);
    }

    public StompFrameError(String message, Throwable cause) {
        super(message, cause);
    }
}
