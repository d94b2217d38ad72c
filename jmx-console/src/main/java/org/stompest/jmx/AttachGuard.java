/*
 * Copyright 2026 the stompest for Java authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
