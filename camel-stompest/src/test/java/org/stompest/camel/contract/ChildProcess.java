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

    @Override
    public final void close() {
        kill();
    }

    @Override
    public final String toString() {
        return name;
    }
}
