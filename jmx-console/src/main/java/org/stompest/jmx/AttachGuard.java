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

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Checks a pid before the Attach API touches it. On Linux the Attach API starts a JVM's attach listener by sending
 * it SIGQUIT, whose default action terminates a process (nginx, gunicorn, php-fpm and Xvfb stop on it), so
 * {@code --pid} attaches only to a process that the JVM attach mechanism itself lists
 * ({@link VirtualMachine#list()}: the same user's HotSpot JVMs, found by their perf-data files, without a signal).
 * Anything else is refused at once and never receives a signal.
 */
final class AttachGuard {
    static final String NOT_A_JVM = "not a JVM the attach mechanism lists (a JVM of this user"
            + " without -XX:-UsePerfData); no signal sent";

    private AttachGuard() {
    }

    /** Why attaching to this pid must not be tried, or empty when it may. */
    static Optional<String> refusal(long pid) {
        return refusal(pid, AttachGuard::listedPids);
    }

    /** The check against a given list of attachable pids (tests). */
    static Optional<String> refusal(long pid, Supplier<Set<Long>> attachable) {
        if (ProcessHandle.of(pid).isEmpty()) {
            return Optional.of("No such process");
        }
        return attachable.get().contains(pid) ? Optional.empty() : Optional.of(NOT_A_JVM);
    }

    /** The pids of {@link VirtualMachine#list()}. */
    static Set<Long> listedPids() {
        return VirtualMachine.list().stream().map(VirtualMachineDescriptor::id).map(AttachGuard::parse)
                .filter(pid -> pid > 0).collect(Collectors.toSet());
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
