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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the orchestrator starts the other processes: JVMs on the bench class path (its own), the Vert.x driver on
 * the class path of bench/vertx, and stomp.py under Debian's /usr/bin/python3. Each JVM gets the same heap settings
 * and the bench's log configuration (everything at WARN, Artemis audit logging included).
 */
public record Launcher(Path benchDir, Path logs, String classpath, String vertxClasspath, String python) {
    private static final List<String> HEAP = List.of("-Xms512m", "-Xmx1g");

    public String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String logConfig() {
        try {
            return Path.of(Launcher.class.getResource("/bench-log4j2.xml").toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException("bench-log4j2.xml is not on the class path", e);
        }
    }

    /** A JVM on the bench class path running {@code mainClass}. */
    public List<String> jvm(String mainClass, List<String> jvmArgs, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(HEAP);
        command.addAll(jvmArgs);
        command.add("-Dlog4j2.configurationFile=" + logConfig());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** The Vert.x driver on its own class path (Netty 4.2). */
    public List<String> vertx(List<String> jvmArgs, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(HEAP);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(vertxClasspath);
        command.add("org.stompest.bench.vertx.VertxDriver");
        command.addAll(Arrays.asList(args));
        return command;
    }

    public List<String> stompPy(String... args) {
        List<String> command = new ArrayList<>(List.of(python, "-u",
                benchDir.resolve("python").resolve("stomppy_driver.py").toString()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    public Path log(String name) {
        return logs.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
    }
}
