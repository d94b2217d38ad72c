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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A main class of the test sources running in a JVM of its own, so that a test can kill it with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) and start it again.
 * <ol>
 * <li>{@link #start}: {@code java -cp <test classpath> <main> <args>}, then wait (bounded) for the child to print
 * the line {@value #READY}; a child that exits or stays silent fails the start with the tail of its output.</li>
 * <li>The child's stdout and stderr are drained by one daemon thread that keeps the last lines for diagnosis.</li>
 * <li>{@link #kill()}: SIGKILL and wait until the process is gone.</li>
 * </ol>
 * A child's main runs in {@link #runChild}: the parent keeps the child's stdin open, so its end of file means the
 * parent is gone (surefire killed, for instance) and the child halts instead of leaking.
 */
final class ChildJvm implements AutoCloseable {
    /** The line a child prints once it does its job. */
    static final String READY = "READY";
    private static final int TAIL = 60;

    private final String name;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<Long> ready = new CompletableFuture<>();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread drain = new Thread(this::drain, "child-output-" + name);
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Starts {@code main} with {@code args} and waits until it prints {@value #READY}; {@code tmp} becomes its
     * {@code java.io.tmpdir} (whatever it leaves behind when killed stays there).
     */
    static ChildJvm start(String name, Class<?> main, Path tmp, Duration readyWithin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-cp");
        // surefire runs tests from a manifest-only jar; the real classpath is in surefire.test.class.path
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " (" + main.getName() + ")", e);
        }
        ChildJvm child = new ChildJvm(name, process);
        try {
            child.ready.get(readyWithin.toMillis(), TimeUnit.MILLISECONDS);
            return child;
        } catch (TimeoutException | ExecutionException e) {
            child.kill();
            throw new IllegalStateException(name + " did not print " + READY + " within " + readyWithin
                                            + (process.isAlive() ? "" : " (exit " + process.exitValue() + ")")
                                            + "; its output ends:\n" + child.tail(), e);
        } catch (InterruptedException e) {
            child.kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting " + name, e);
        }
    }

    private void drain() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (tail) {
                    if (tail.size() == TAIL) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
                if (line.equals(READY)) {
                    ready.complete(System.nanoTime());
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
        ready.completeExceptionally(new IllegalStateException(name + " closed its output"));
    }

    /** When the child printed {@value #READY}, in {@link System#nanoTime()}. */
    long readyAtNanos() {
        return ready.join();
    }

    /** The last lines the child printed. */
    String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits (bounded) until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }

    /** What a child's main does before it is ready. */
    interface ChildMain {
        void start(String[] args) throws Exception;
    }

    /**
     * The body of a child's main: checks the argument count, halts when the parent is gone, runs {@code main},
     * prints {@value #READY} and waits for SIGKILL. A failure is printed and halts the JVM (the broker's or Camel's
     * non-daemon threads would keep it alive).
     */
    static void runChild(String[] args, int argCount, String usage, ChildMain main) {
        try {
            if (args.length != argCount) {
                throw new IllegalArgumentException("usage: " + usage + ", got " + String.join(" ", args));
            }
            exitWhenParentDies();
            main.start(args);
            System.out.println(READY);
            System.out.flush();
            Thread.currentThread().join(); // until SIGKILL
        } catch (Throwable e) {
            e.printStackTrace();
            System.err.flush();
            Runtime.getRuntime().halt(2);
        }
    }

    /** Halts as soon as the parent is gone (its end of our stdin closes). */
    private static void exitWhenParentDies() {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent writes nothing; wait for end of file
                }
            } catch (IOException e) {
                // as good as end of file
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
