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

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import javax.management.InstanceNotFoundException;
import javax.management.ObjectName;

/**
 * {@code jmx-console}: shows and drives the stompest connection MXBeans of a running JVM over JMX.
 * <ol>
 *   <li>{@link CommandLine#parse} turns the arguments into an {@link Invocation} (no JVM needed);</li>
 *   <li>{@link JmxSession#open} attaches to the target JVM or connects to its service URL;</li>
 *   <li>{@link StompestMBeans} reads the beans by object name and attribute name;</li>
 *   <li>{@link TableFormatter}, {@link LiveView} or {@link JsonFormatter} prints them.</li>
 * </ol>
 * Every failure is one line on stderr ({@code jmx-console: <what failed> [<context>]}) and an {@link ExitCode}.
 * {@link #run(String[], PrintStream, PrintStream)} is the whole program without {@code System.exit}, for tests.
 */
public final class JmxConsole {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    private JmxConsole(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the console; stdout counts as a terminal when it is {@code System.out} and the JVM has a console. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, out == System.out && System.console() != null);
    }

    /**
     * Runs the console and returns the exit code.
     *
     * @param terminal whether {@code out} is a terminal ({@code watch} then redraws in place, as with --ansi)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        JmxConsole console = new JmxConsole(out, err, terminal);
        try {
            return console.execute(CommandLine.parse(args)).code();
        } catch (ConsoleException e) {
            return console.fail(e);
        }
    }

    /** Runs a parsed invocation and returns the exit code. */
    public static int run(Invocation invocation, PrintStream out, PrintStream err, boolean terminal) {
        JmxConsole console = new JmxConsole(out, err, terminal);
        try {
            return console.execute(invocation).code();
        } catch (ConsoleException e) {
            return console.fail(e);
        }
    }

    private int fail(ConsoleException e) {
        String message = Redaction.redact(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
        String hint = e.exitCode() == ExitCode.USAGE ? " (see " + CommandLine.PROGRAM + " --help)" : "";
        err.println(CommandLine.PROGRAM + ": " + message + hint);
        err.flush();
        return e.exitCode().code();
    }

    private ExitCode execute(Invocation invocation) {
        if (invocation.help()) {
            out.print(CommandLine.usage());
            out.flush();
            return ExitCode.OK;
        }
        if (invocation.target() instanceof Target.LocalJvms) {
            return discover(invocation);
        }
        try (JmxSession session = JmxSession.open(invocation.target(), invocation.timeoutMillis(),
                invocation.security())) {
            try {
                return execute(invocation, session);
            } catch (IOException e) {
                throw new ConsoleException(ExitCode.CANNOT_CONNECT, "lost connection to "
                        + session.description() + " [" + Failures.reason(e) + "]", e);
            }
        } catch (ConsoleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConsoleException(ExitCode.INTERNAL_ERROR, "unexpected " + e.getClass().getName()
                    + " [" + Failures.reason(e) + "]", e);
        }
    }

    private ExitCode execute(Invocation invocation, JmxSession session) throws IOException {
        StompestMBeans mbeans = session.mbeans();
        switch (invocation.command()) {
            case LIST -> {
                List<ConnectionView> views = mbeans.readAll();
                // JSON answers with an empty list; the table fails with a line on stderr and its own exit code
                print(invocation.json() ? JsonFormatter.connections(views)
                        : TableFormatter.connections(requireConnections(views)));
            }
            case WATCH -> watch(invocation, session);
            case SHOW -> {
                ConnectionView view = read(mbeans, mbeans.resolve(invocation.name()), invocation.name());
                print(invocation.json() ? JsonFormatter.connection(view) : TableFormatter.details(view));
            }
            case RECONNECT -> operation(invocation, mbeans, Attributes.RECONNECT_OPERATION);
            case DISCONNECT -> operation(invocation, mbeans, Attributes.DISCONNECT_OPERATION);
        }
        return ExitCode.OK;
    }

    private void watch(Invocation invocation, JmxSession session) throws IOException {
        boolean ansi = (invocation.ansi() || terminal) && !invocation.json();
        if (!ansi) {
            watchLoop(invocation, session, false);
            return;
        }
        // Ctrl-C ends the JVM without unwinding this frame: a shutdown hook restores the screen then
        Thread restore = new Thread(this::leaveAlternateScreen, "jmx-console-restore-screen");
        print(LiveView.ENTER_ALTERNATE_SCREEN);
        Runtime.getRuntime().addShutdownHook(restore);
        try {
            watchLoop(invocation, session, true);
        } finally {
            leaveAlternateScreen();
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException e) {
                // shutting down already: the hook runs, and leaving twice is harmless
            }
        }
    }

    private void leaveAlternateScreen() {
        print(LiveView.LEAVE_ALTERNATE_SCREEN);
    }

    private void watchLoop(Invocation invocation, JmxSession session, boolean ansi) throws IOException {
        StompestMBeans mbeans = session.mbeans();
        for (long tick = 1; ; tick++) {
            List<ConnectionView> views = mbeans.readAll();
            if (tick == 1) {
                requireConnections(views);
            }
            print(invocation.json()
                    ? JsonFormatter.tick(views, Instant.now())
                    : LiveView.frame(views, session.description(), invocation.intervalMillis(), LocalTime.now(),
                            ansi));
            if (out.checkError() || (invocation.count() > 0 && tick >= invocation.count())) {
                return;
            }
            try {
                Thread.sleep(invocation.intervalMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void operation(Invocation invocation, StompestMBeans mbeans, String operation) throws IOException {
        ObjectName name = mbeans.resolve(invocation.name());
        mbeans.invoke(name, operation);
        print(invocation.json()
                ? JsonFormatter.operation(name, operation)
                : operation + "() invoked on " + StompestMBeans.displayName(name) + "\n");
    }

    private ExitCode discover(Invocation invocation) {
        List<LocalJvms.Jvm> jvms = LocalJvms.discover(pid -> true, invocation.timeoutMillis());
        if (jvms.isEmpty()) {
            throw new ConsoleException(ExitCode.NO_CONNECTIONS,
                    "no local JVM has stompest connections [give a target: --pid, --url or --host/--port]");
        }
        print(invocation.json() ? JsonFormatter.jvms(jvms) : TableFormatter.jvms(jvms));
        return ExitCode.OK;
    }

    private static ConnectionView read(StompestMBeans mbeans, ObjectName name, String typed) throws IOException {
        try {
            return mbeans.read(name);
        } catch (InstanceNotFoundException e) {
            throw new ConsoleException(ExitCode.NO_SUCH_CONNECTION, "no such connection: " + typed);
        }
    }

    private static List<ConnectionView> requireConnections(List<ConnectionView> views) {
        if (views.isEmpty()) {
            throw new ConsoleException(ExitCode.NO_CONNECTIONS, "no stompest connections [no MBean matches "
                    + StompestMBeans.PATTERN + "]");
        }
        return views;
    }

    private void print(String text) {
        out.print(text);
        out.flush();
    }
}
