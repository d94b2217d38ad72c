package org.stompest.error;

/**
 * Base of every error raised by stompest. Unchecked, as in the reference, so that protocol code reads like
 * the Python it was ported from; messages say what failed, then give context in brackets.
 */
public class StompError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StompError(String message) {
        super(message);
    }

    public StompError(String message, Throwable cause) {
        super(message, cause);
    }
}
