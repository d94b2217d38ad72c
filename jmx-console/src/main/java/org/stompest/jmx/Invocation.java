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

/**
 * One parsed command line: what to run against which JVM, and how to print it. Made by {@link CommandLine#parse}
 * without touching any JVM, so it is easy to test; run by {@link JmxConsole}.
 *
 * @param command        what to do; {@link Command#LIST} when none was given
 * @param name           the connection name (or full ObjectName) for show, reconnect and disconnect; else null
 * @param target         the JVM to talk to
 * @param security       credentials and TLS for a remote target ({@link RemoteSecurity#NONE} otherwise)
 * @param json           print JSON instead of text
 * @param intervalMillis watch: time between redraws
 * @param count          watch: stop after this many redraws; 0 = until interrupted
 * @param ansi           watch: redraw in place even when stdout is not a terminal
 * @param timeoutMillis  limit for attaching or connecting
 * @param help           print the help and do nothing else
 */
public record Invocation(
        Command command,
        String name,
        Target target,
        RemoteSecurity security,
        boolean json,
        long intervalMillis,
        long count,
        boolean ansi,
        long timeoutMillis,
        boolean help) {

    static Invocation helpOnly() {
        return new Invocation(Command.LIST, null, new Target.LocalJvms(), RemoteSecurity.NONE, false,
                Long.parseLong(Option.INTERVAL.defaultValue()), Long.parseLong(Option.COUNT.defaultValue()), false,
                Long.parseLong(Option.TIMEOUT.defaultValue()), true);
    }
}
