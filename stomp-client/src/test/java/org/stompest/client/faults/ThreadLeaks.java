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
package org.stompest.client.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Compares the live threads before and after a case: a thread that a case started and that is still alive once the
 * case closed everything is a leak. Pools that idle threads out by themselves (the callback pool and scheduler of a
 * shared {@code ClientRuntime}, the common fork-join pool, Awaitility's poller) are not leaks and are ignored; the
 * runtime a connection makes for itself ends with it.
 */
public final class ThreadLeaks {
    private static final Pattern SHARED = Pattern.compile(
            "stompest-callback-\\d+|stompest-scheduler-\\d+|ForkJoinPool.*|awaitility.*|Attach Listener"
            + "|Common-Cleaner|process reaper|RMI .*|JMX .*|fake-stomp-peer-beats|Reference Handler|Finalizer"
            + "|Signal Dispatcher|Notification Thread|surefire.*|main|junit.*|Thread-\\d+ \\(activemq.*\\).*"
            + "|Keep-Alive-.*|CompletableFutureDelayScheduler");

    private final Set<String> before;

    private ThreadLeaks(Set<String> before) {
        this.before = before;
    }

    /** The live threads now. */
    public static ThreadLeaks snapshot() {
        return new ThreadLeaks(names());
    }

    /** Names of the live threads. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive()) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    /** Live threads whose names were not there at the snapshot, except shared pools and {@code ignore}d ones. */
    public Set<String> leaked(Predicate<String> ignore) {
        Set<String> now = names();
        now.removeAll(before);
        now.removeIf(name -> SHARED.matcher(name).matches() || ignore.test(name));
        return now;
    }

    /**
     * Waits up to {@code within} for the new threads to end (threads do not stop in the instant their owner is
     * closed) and fails naming those that do not.
     */
    public void assertNoLeaks(Duration within, Predicate<String> ignore) {
        await("threads started by the case end").atMost(within).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(leaked(ignore))
                        .as("threads left behind").isEmpty());
    }

    /** {@link #assertNoLeaks(Duration, Predicate)} ignoring nothing beyond the shared pools. */
    public void assertNoLeaks(Duration within) {
        assertNoLeaks(within, name -> false);
    }
}
