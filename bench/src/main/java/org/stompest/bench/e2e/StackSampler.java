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
package org.stompest.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * An in-process sampling profiler for the drivers ({@code -Dbench.profile=<dir>}, set by {@code --profile}): every
 * 2 ms it takes {@link Thread#getAllStackTraces()} and counts, for each RUNNABLE thread, its top frames. Samples are
 * taken at safepoints, so they lean towards loop ends and calls, and the sampling itself costs a few percent. A
 * thread RUNNABLE in a native socket read or write (frames {@code read0}, {@code write0}, {@code EPoll.wait}) is
 * waiting on the network or the kernel, not computing.
 */
public final class StackSampler implements AutoCloseable {
    private static final int DEPTH = 5;

    private final Path out;
    private final String title;
    private final Thread thread;
    private volatile boolean running = true;
    private int samples;
    private final Map<String, Integer> stacks = new HashMap<>();
    private final Map<String, Integer> threads = new HashMap<>();

    public StackSampler(Path out, String title) {
        this.out = out;
        this.title = title;
        this.thread = new Thread(this::loop, "bench-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** A sampler writing {@code <dir>/<name>.txt} when {@code bench.profile} names a directory, else null. */
    public static StackSampler forRun(String name, String title) {
        String dir = System.getProperty("bench.profile");
        return dir == null || dir.isEmpty() ? null : new StackSampler(Path.of(dir, name + ".txt"), title);
    }

    private void loop() {
        while (running) {
            Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
            synchronized (this) {
                samples++;
                all.forEach((t, frames) -> {
                    if (t == thread || t.getState() != Thread.State.RUNNABLE || frames.length == 0
                            || t.getName().equals("Reference Handler") || t.getName().equals("Signal Dispatcher")) {
                        return;
                    }
                    String name = t.getName().replaceAll("[0-9]+", "N");
                    List<String> top = new ArrayList<>();
                    for (int i = 0; i < Math.min(DEPTH, frames.length); i++) {
                        top.add(frames[i].getClassName().replaceAll("^.*\\.", "") + "." + frames[i].getMethodName());
                    }
                    stacks.merge(name + "  |  " + String.join(" <- ", top), 1, Integer::sum);
                    threads.merge(name, 1, Integer::sum);
                });
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder text = new StringBuilder();
        synchronized (this) {
            int total = Math.max(1, samples);
            text.append(title).append(" — ").append(samples)
                    .append(" samples every 2 ms; share of samples in which a thread was RUNNABLE\n\nby thread:\n");
            threads.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> text
                    .append(String.format("%5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
            text.append("\nby top ").append(DEPTH).append(" frames:\n");
            stacks.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40).forEach(e -> text
                    .append(String.format("%5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
    }
}
