package org.stompest.jmx;

/**
 * A failure the console reports as one line on stderr and an exit code. The message is printed as is (after
 * {@link Redaction#redact}), so it says what failed, then gives context in brackets.
 */
public final class ConsoleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public ConsoleException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ConsoleException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    static ConsoleException usage(String message) {
        return new ConsoleException(ExitCode.USAGE, message);
    }
}
