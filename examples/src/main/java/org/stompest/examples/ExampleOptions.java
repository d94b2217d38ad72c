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
package org.stompest.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The examples' command line, each option declared once with its default and help:
 * {@code --duration=SECONDS --broker=URI --port=N --period=MS --failover-after=SECONDS}.
 */
public record ExampleOptions(int durationSeconds, String broker, int port, long periodMillis,
                             int failoverAfterSeconds) {

    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("duration", "stop by itself after this many seconds; 0 runs until Ctrl-C (default 0)");
        HELP.put("broker", "use this external STOMP broker (tcp://host:port or a failover: URI) instead of an "
                + "embedded one");
        HELP.put("port", "port of the embedded broker (default: a free port)");
        HELP.put("period", "milliseconds between two orders sent (default 200)");
        HELP.put("failover-after", "FailoverExample only: stop the active broker after this many seconds "
                + "(default 5)");
    }

    public static ExampleOptions parse(String... args) {
        int duration = 0;
        String broker = System.getProperty("stompest.broker");
        int port = 0;
        long period = 200;
        int failoverAfter = 5;
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'; expected --name=value with "
                        + "name one of " + HELP.keySet() + "\n" + usage());
            }
            String name = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            switch (name) {
                case "duration": duration = nonNegative(name, value); break;
                case "broker": broker = value; break;
                case "port": port = nonNegative(name, value); break;
                case "period": period = Math.max(1, nonNegative(name, value)); break;
                case "failover-after": failoverAfter = nonNegative(name, value); break;
                default:
                    throw new IllegalArgumentException("Unknown option '--" + name + "'\n" + usage());
            }
        }
        return new ExampleOptions(duration, broker, port, period, failoverAfter);
    }

    public static String usage() {
        StringBuilder out = new StringBuilder("options:\n");
        HELP.forEach((name, help) -> out.append(String.format("  --%-16s %s%n", name + "=…", help)));
        return out.toString();
    }

    private static int nonNegative(String name, String value) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below, which names the option
        }
        throw new IllegalArgumentException("Option --" + name + " needs a non-negative whole number, not '"
                + value + "'");
    }
}
