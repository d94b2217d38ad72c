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

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A separate JVM running a main class from this test classpath ({@link FakeJvmMain} by default), started with the
 * current java binary. Waits for its {@code READY} line; {@link #lines()} collects its stdout. Closing it closes
 * its stdin (it exits) and then destroys it if it lingers.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // process ended
            }
        }, "child-jvm-stdout");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code java [jvmOptions] -cp <this module's classes> mainClass args}; waits until it says READY. */
    public static ChildJvm start(List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        return start(classPath(), jvmOptions, mainClass.getName(), List.of(args), "READY", Duration.ofSeconds(30));
    }

    /**
     * Starts {@code java [jvmOptions] -cp classPath mainClass args} with the current java binary and waits until
     * a line of its stdout starts with {@code readyPrefix} (for other applications, such as the examples).
     */
    public static ChildJvm start(String classPath, List<String> jvmOptions, String mainClass, List<String> args,
                                 String readyPrefix, Duration timeout) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ChildJvm child = new ChildJvm(process);
        try {
            Awaitility.await(readyPrefix + " from " + mainClass).atMost(timeout)
                    .until(() -> child.lines.stream().anyMatch(l -> l.startsWith(readyPrefix)) || !process.isAlive());
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("child JVM exited with " + process.exitValue() + ": " + child.lines);
        }
        return child;
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The main and test class folders of this module: enough to run {@link JmxConsole} or {@link FakeJvmMain} in
     * another process (surefire's own {@code java.class.path} may be a manifest-only jar).
     */
    public static String classPath() {
        return location(JmxConsole.class) + File.pathSeparator + location(FakeJvmMain.class);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
