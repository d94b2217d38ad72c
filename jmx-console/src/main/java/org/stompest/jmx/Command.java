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

import java.util.Arrays;
import java.util.Optional;

/** The commands, each declared once with its argument and help; {@link CommandLine} prints and parses them. */
public enum Command {
    LIST("list", null, "table of all stompest connections (the default)"),
    WATCH("watch", null, "the table, redrawn every --interval ms"),
    SHOW("show", "NAME", "every attribute of one connection (NAME or the full ObjectName)"),
    RECONNECT("reconnect", "NAME", "invoke reconnect() on one connection"),
    DISCONNECT("disconnect", "NAME", "invoke disconnect() on one connection");

    private final String word;
    private final String argument;
    private final String help;

    Command(String word, String argument, String help) {
        this.word = word;
        this.argument = argument;
        this.help = help;
    }

    /** What the user types. */
    public String word() {
        return word;
    }

    /** The name of the required argument, or null when the command takes none. */
    public String argument() {
        return argument;
    }

    public String help() {
        return help;
    }

    public boolean needsName() {
        return argument != null;
    }

    static Optional<Command> byWord(String word) {
        return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
    }
}
