package org.stompest.jmx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a pid before the Attach API touches it. On Linux the Attach API starts a JVM's attach listener by sending
 * it SIGQUIT, whose default action terminates a process; older JDK builds send it without checking, and newer ones
 * wait some ten seconds for a socket that never comes. A HotSpot JVM catches SIGQUIT, so a process that does not
 * is refused here, at once and without a signal.
 */
final class AttachGuard {
    /** Bit of SIGQUIT (3) in the signal masks of /proc/PID/status. */
    private static final long SIGQUIT_BIT = 1L << 2;

    private AttachGuard() {
    }

    /** Why attaching to this pid must not be tried, or empty when it may. */
    static Optional<String> refusal(long pid) {
        if (ProcessHandle.of(pid).isEmpty()) {
            return Optional.of("No such process");
        }
        return refusal(Path.of("/proc", String.valueOf(pid), "status"));
    }

    /** The check on a {@code /proc/PID/status} file; when it cannot be read (not Linux) attaching may go ahead. */
    static Optional<String> refusal(Path procStatus) {
        String status;
        try {
            status = Files.readString(procStatus);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        for (String line : status.split("\n")) {
            if (line.startsWith("SigCgt:")) {
                long caught;
                try {
                    caught = Long.parseUnsignedLong(line.substring("SigCgt:".length()).trim(), 16);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                return (caught & SIGQUIT_BIT) != 0 ? Optional.empty()
                        : Optional.of("not a JVM that can be attached to: it does not catch SIGQUIT");
            }
        }
        return Optional.empty();
    }
}
