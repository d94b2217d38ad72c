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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a table was made on: cores, CPU model, memory, OS and JDK. */
public final class Machine {
    private Machine() {
    }

    public static String describe() {
        return "nproc " + Runtime.getRuntime().availableProcessors()
                + ", CPU " + field(Path.of("/proc/cpuinfo"), "model name")
                + ", " + memory()
                + ", " + osName()
                + ", JDK " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
    }

    private static String memory() {
        String total = field(Path.of("/proc/meminfo"), "MemTotal");
        try {
            long kib = Long.parseLong(total.replaceAll("[^0-9]", ""));
            return String.format("%.0f GiB RAM", kib / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return "RAM " + total;
        }
    }

    private static String osName() {
        String pretty = field(Path.of("/etc/os-release"), "PRETTY_NAME");
        return pretty.replace("\"", "").replace("=", "").trim();
    }

    /** The value of the first line that starts with {@code key}, after its ':' or '='; "?" when unreadable. */
    private static String field(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    int at = line.indexOf(':');
                    if (at < 0) {
                        at = line.indexOf('=');
                    }
                    return line.substring(at + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "?";
    }
}
