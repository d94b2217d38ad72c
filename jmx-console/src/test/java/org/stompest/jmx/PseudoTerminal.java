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

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a command under a pseudo-terminal, so that it sees a real terminal ({@code System.console() != null}), and
 * returns everything it wrote, raw. Uses {@code script} from util-linux, else tmux; {@link #available()} says
 * whether either is installed. Set {@code -Dpty=tmux} to force tmux.
 */
final class PseudoTerminal {
    private PseudoTerminal() {
    }

    /** The tool that will be used ("script" or "tmux"), or null when neither is installed. */
    static String available() {
        boolean forceTmux = "tmux".equals(System.getProperty("pty"));
        if (!forceTmux && onPath("script")) {
            return "script";
        }
        return onPath("tmux") ? "tmux" : null;
    }

    /** Runs {@code command} (words, quoted for the shell here) under a pseudo-terminal; returns its output. */
    static Result run(List<String> command, long timeoutSeconds) throws Exception {
        String line = command.stream().map(PseudoTerminal::quote).collect(Collectors.joining(" "));
        return "script".equals(available()) ? viaScript(line, timeoutSeconds) : viaTmux(line, timeoutSeconds);
    }

    record Result(int exitCode, String output) {
    }

    private static Result viaScript(String line, long timeoutSeconds) throws Exception {
        // -q quiet, -e return the child's exit code, -f flush each write, -c the command; no typescript file
        Process p = new ProcessBuilder("script", "-qefc", line, "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("script did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Result viaTmux(String line, long timeoutSeconds) throws Exception {
        Path dir = Files.createTempDirectory("jmx-console-tmux");
        Path log = dir.resolve("pane.log");
        Path rc = dir.resolve("rc");
        String session = "jmx-console-test-" + ProcessHandle.current().pid();
        String socket = dir.resolve("tmux.sock").toString();
        try {
            // the pane waits for pipe-pane to be attached, runs the command, then records its exit code
            String shell = "sleep 1; " + line + "; echo $? > " + quote(rc.toString()) + "; sleep 1";
            exec("tmux", "-S", socket, "new-session", "-d", "-s", session, "-x", "200", "-y", "50", shell);
            exec("tmux", "-S", socket, "pipe-pane", "-t", session, "-o", "cat >> " + quote(log.toString()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (!Files.exists(rc) || Files.readString(rc).isBlank()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("tmux command did not finish in " + timeoutSeconds + " s");
                }
                Thread.sleep(50);
            }
            Thread.sleep(200);
            return new Result(Integer.parseInt(Files.readString(rc).trim()), Files.readString(log));
        } finally {
            new ProcessBuilder("tmux", "-S", socket, "kill-server").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static boolean onPath(String tool) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
