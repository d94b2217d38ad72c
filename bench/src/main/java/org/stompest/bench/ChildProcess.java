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
package org.stompest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A process the orchestrator talks to by lines: commands on its standard input, answers on its standard output
 * (lines that start with an upper-case protocol word), everything on its standard error appended to a log file.
 */
public final class ChildProcess implements AutoCloseable {
    private static final String EOF = "\u0000EOF";

    private final String name;
    private final Process process;
    private final PrintWriter in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    public ChildProcess(String name, List<String> command, Path log) throws IOException {
        this.name = name;
        java.nio.file.Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process went away; EOF below says so
            } finally {
                lines.add(EOF);
            }
        }, "child-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * CPU time the process has used so far (user + system, from /proc/&lt;pid&gt;/stat, in clock ticks of 10 ms),
     * or -1 where there is no /proc.
     */
    public long cpuTicks() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public void send(String line) {
        in.println(line);
    }

    /**
     * The next protocol line (the first word upper case), skipping any other output; throws when the process ends
     * or nothing comes within the timeout.
     */
    public String await(long timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException(name + " did not answer within " + timeoutSeconds + " s");
            }
            if (line.equals(EOF)) {
                lines.add(EOF);
                throw new IOException(name + " ended" + exitStatus());
            }
            if (!line.isEmpty() && Character.isUpperCase(line.charAt(0))) {
                return line;
            }
        }
    }

    /** The next protocol line, which must start with {@code word}; a FAIL line or another word throws. */
    public String expect(String word, long timeoutSeconds) throws IOException, InterruptedException {
        String line = await(timeoutSeconds);
        if (!line.startsWith(word)) {
            throw new IOException(name + ": expected " + word + " but was: " + line);
        }
        return line.substring(word.length()).trim();
    }

    private String exitStatus() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? " with exit code " + process.exitValue() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Asks it to quit, waits a little, then ends it (and its children). */
    @Override
    public void close() {
        try {
            send("quit");
            in.close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
