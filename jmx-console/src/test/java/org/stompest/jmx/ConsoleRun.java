package org.stompest.jmx;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of the console in this JVM, with stdout and stderr captured; stdout is not a terminal.
 *
 * @param exitCode what the process would exit with
 * @param out      everything printed on stdout
 * @param err      everything printed on stderr
 */
public record ConsoleRun(int exitCode, String out, String err) {

    public static ConsoleRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = JmxConsole.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new ConsoleRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
