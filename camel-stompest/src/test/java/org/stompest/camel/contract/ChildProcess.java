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
package org.stompest.camel.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A child JVM that a test kills with SIGKILL and launches again, one at a time; killed on {@link #close()}. */
abstract class ChildProcess implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final String name;
    private ChildJvm jvm;

    ChildProcess(String name) {
        this.name = name;
    }

    /** Launches {@code main} with {@code args} ({@code tmp} is its temp dir); returns when it was ready (nanoTime). */
    final synchronized long launch(Class<?> main, Path tmp, String... args) {
        if (jvm != null && jvm.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jvm = ChildJvm.start(name, main, tmp, READY_WITHIN, args);
        return jvm.readyAtNanos();
    }

    /** SIGKILL: no shutdown of any kind; peers see their sockets reset. */
    public final synchronized void kill() {
        if (jvm != null) {
            jvm.kill();
        }
    }

    /** The last lines the running (or last) child printed, for a failure message. */
    final synchronized String tail() {
        return jvm == null ? "" : jvm.tail();
    }

    @Override
    public final void close() {
        kill();
    }

    @Override
    public final String toString() {
        return name;
    }
}
