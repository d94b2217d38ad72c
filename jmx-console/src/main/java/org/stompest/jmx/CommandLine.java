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

import java.net.MalformedURLException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.remote.JMXServiceURL;

/**
 * Parses arguments into an {@link Invocation} and prints the help, both from the {@link Command} and
 * {@link Option} tables. Options may come before or after the command, as {@code --opt value} or
 * {@code --opt=value}. A bad command line throws a {@link ConsoleException} with {@link ExitCode#USAGE}.
 */
public final class CommandLine {
    public static final String PROGRAM = "jmx-console";
    /** Refused with a hint rather than as an unknown option: a password on the command line is visible to ps. */
    private static final String PASSWORD_FLAG = "--password";

    private CommandLine() {
    }

    public static Invocation parse(String... args) {
        if (Arrays.stream(args).anyMatch(a -> a.equals(Option.HELP.flag()) || a.equals(Option.HELP.shortFlag()))) {
            return Invocation.helpOnly();
        }
        Map<Option, String> given = new EnumMap<>(Option.class);
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String flag = eq < 0 ? arg : arg.substring(0, eq);
            if (flag.equals(PASSWORD_FLAG)) {
                throw ConsoleException.usage(PASSWORD_FLAG + " is not accepted: other users can read a command line "
                        + "(ps) [use " + Option.PASSWORD_FILE.flag() + " PATH, or type it when asked]");
            }
            Option option = Option.byFlag(flag)
                    .orElseThrow(() -> ConsoleException.usage("unknown option: " + flag));
            if (given.containsKey(option)) {
                throw ConsoleException.usage(option.flag() + " given twice");
            }
            String value;
            if (!option.takesValue()) {
                if (eq >= 0) {
                    throw ConsoleException.usage(option.flag() + " takes no value");
                }
                value = "true";
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw ConsoleException.usage(option.flag() + " needs a value (" + option.valueName() + ")");
            }
            given.put(option, value);
        }
        return build(positional, given);
    }

    private static Invocation build(List<String> positional, Map<Option, String> given) {
        Command command = Command.LIST;
        String name = null;
        if (!positional.isEmpty()) {
            String word = positional.get(0);
            command = Command.byWord(word).orElseThrow(() -> ConsoleException.usage(
                    "unknown command: " + word + " (expected " + commandWords() + ")"));
            if (command.needsName()) {
                if (positional.size() < 2 || positional.get(1).isEmpty()) {
                    throw ConsoleException.usage(command.word() + " needs a connection " + command.argument());
                }
                name = positional.get(1);
            }
        }
        int used = command.needsName() ? 2 : 1;
        if (positional.size() > used) {
            throw ConsoleException.usage("unexpected argument: " + Redaction.redact(positional.get(used)));
        }
        for (Option option : given.keySet()) {
            if (option.watchOnly() && command != Command.WATCH) {
                throw ConsoleException.usage(option.flag() + " only applies to watch");
            }
        }
        Target target = target(given);
        if (target instanceof Target.LocalJvms && command != Command.LIST) {
            throw ConsoleException.usage(command.word() + " needs a target: --pid, --url or --host/--port");
        }
        return new Invocation(command, name, target, security(given, target),
                given.containsKey(Option.JSON),
                number(Option.INTERVAL, value(given, Option.INTERVAL), 1, Long.MAX_VALUE),
                number(Option.COUNT, value(given, Option.COUNT), 0, Long.MAX_VALUE),
                given.containsKey(Option.ANSI),
                number(Option.TIMEOUT, value(given, Option.TIMEOUT), 1, Long.MAX_VALUE),
                false);
    }

    private static Target target(Map<Option, String> given) {
        boolean pid = given.containsKey(Option.PID);
        boolean url = given.containsKey(Option.URL);
        boolean hostPort = given.containsKey(Option.HOST) || given.containsKey(Option.PORT);
        if ((pid ? 1 : 0) + (url ? 1 : 0) + (hostPort ? 1 : 0) > 1) {
            throw ConsoleException.usage("choose one target: --pid, --url or --host/--port");
        }
        if (pid) {
            return new Target.Pid(number(Option.PID, given.get(Option.PID), 1, Long.MAX_VALUE));
        }
        if (url) {
            String u = given.get(Option.URL);
            try {
                new JMXServiceURL(u);
            } catch (MalformedURLException e) {
                throw ConsoleException.usage("--url is not a JMX service URL: " + Redaction.redact(u));
            }
            return new Target.ServiceUrl(u);
        }
        if (hostPort) {
            if (!given.containsKey(Option.PORT)) {
                throw ConsoleException.usage("--host needs --port");
            }
            String host = value(given, Option.HOST);
            if (host.isBlank()) {
                throw ConsoleException.usage("--host must not be empty");
            }
            return new Target.HostPort(host, (int) number(Option.PORT, given.get(Option.PORT), 1, 65535));
        }
        return new Target.LocalJvms();
    }

    private static RemoteSecurity security(Map<Option, String> given, Target target) {
        boolean remote = target instanceof Target.ServiceUrl || target instanceof Target.HostPort;
        for (Option option : given.keySet()) {
            if (option.remoteOnly() && !remote) {
                throw ConsoleException.usage(option.flag() + " only applies to --url or --host/--port");
            }
        }
        String user = given.get(Option.USER);
        if (user != null && user.isBlank()) {
            throw ConsoleException.usage(Option.USER.flag() + " must not be empty");
        }
        requires(given, Option.PASSWORD_FILE, Option.USER);
        requires(given, Option.TRUSTSTORE, Option.SSL);
        requires(given, Option.TRUSTSTORE_PASSWORD_FILE, Option.TRUSTSTORE);
        return new RemoteSecurity(user, path(given, Option.PASSWORD_FILE), given.containsKey(Option.SSL),
                path(given, Option.TRUSTSTORE), path(given, Option.TRUSTSTORE_PASSWORD_FILE));
    }

    private static void requires(Map<Option, String> given, Option option, Option needed) {
        if (given.containsKey(option) && !given.containsKey(needed)) {
            throw ConsoleException.usage(option.flag() + " needs " + needed.flag());
        }
    }

    private static Path path(Map<Option, String> given, Option option) {
        String text = given.get(option);
        if (text == null) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw ConsoleException.usage(option.flag() + " is not a path: " + text);
        }
    }

    private static String value(Map<Option, String> given, Option option) {
        return given.getOrDefault(option, option.defaultValue());
    }

    private static long number(Option option, String text, long min, long max) {
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            n = min - 1;
        }
        if (n < min || n > max) {
            String range = max == Long.MAX_VALUE
                    ? (min == 0 ? "a number >= 0" : "a positive number")
                    : "a number from " + min + " to " + max;
            throw ConsoleException.usage(option.flag() + " must be " + range + ", was: " + text);
        }
        return n;
    }

    private static String commandWords() {
        List<String> words = Arrays.stream(Command.values()).map(Command::word).collect(Collectors.toList());
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** The help text, made from the command and option tables. */
    public static String usage() {
        StringBuilder b = new StringBuilder();
        b.append("Usage: ").append(PROGRAM).append(" [TARGET] [COMMAND] [OPTIONS]\n\n");
        b.append("Shows the stompest STOMP connections of a running JVM: the MXBeans\n");
        b.append(StompestMBeans.DOMAIN).append(":type=Connection,name=<id>.\n\n");
        b.append("Target (one of them; with none, list attaches to every local JVM of this user and shows\n");
        b.append("those that have stompest connections):\n");
        appendOptions(b, Option.Group.TARGET);
        b.append("\nRemote options (with --url or --host/--port):\n");
        appendOptions(b, Option.Group.REMOTE);
        b.append("\nCommands:\n");
        for (Command c : Command.values()) {
            appendRow(b, c.word() + (c.needsName() ? " " + c.argument() : ""), c.help());
        }
        b.append("\nOptions:\n");
        appendOptions(b, Option.Group.GENERAL);
        b.append("\nWatch options:\n");
        appendOptions(b, Option.Group.WATCH);
        b.append("\nExit codes:\n");
        for (ExitCode code : ExitCode.values()) {
            b.append("  ").append(code.code()).append("  ").append(code.meaning()).append('\n');
        }
        return b.toString();
    }

    private static void appendOptions(StringBuilder b, Option.Group group) {
        for (Option o : Option.values()) {
            if (o.group() != group) {
                continue;
            }
            String left = (o.shortFlag() != null ? o.shortFlag() + ", " : "") + o.flag()
                    + (o.takesValue() ? " " + o.valueName() : "");
            String help = o.help() + (o.defaultValue() != null ? " (default: " + o.defaultValue() + ")" : "");
            appendRow(b, left, help);
        }
    }

    private static void appendRow(StringBuilder b, String left, String help) {
        b.append("  ").append(left);
        int pad = Math.max(1, 18 - left.length());
        b.append(" ".repeat(pad)).append(help).append('\n');
    }
}
