package org.stompest.jmx;

/** Short, one-line reasons for exceptions, for the console's one-line errors. */
final class Failures {
    private Failures() {
    }

    /** The message of the deepest cause (the original failure), or its class name when it has none. */
    static String reason(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = root.getClass().getSimpleName();
        }
        return Redaction.redact(message.replaceAll("\\s*\\R\\s*", " ").trim());
    }
}
