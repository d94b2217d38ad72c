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
package org.stompest.client.faults;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures what log4j2 logs under some logger names, at a level chosen for the test (e.g. DEBUG for
 * {@code org.stompest}), with the thrown exceptions' stack traces, messages and causes: a test scans it for secrets.
 * <pre>
 * try (LogCapture logs = LogCapture.start(Level.DEBUG, "org.stompest", "org.apache.camel")) {
 *     ...
 *     assertThat(logs.text()).doesNotContain(passcode);
 * }
 * </pre>
 * {@link #close()} restores the levels and removes the appender.
 */
public final class LogCapture implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context;
    private final AbstractAppender appender;
    private final Map<String, Level> previousLevels = new HashMap<>();
    private final List<String> added = new ArrayList<>();

    private LogCapture(Map<String, Level> loggers) {
        context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        appender = new AbstractAppender("fault-capture-" + UUID.randomUUID(), null, null, true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ')
                        .append(event.getLoggerName()).append(" [").append(event.getThreadName()).append("] ")
                        .append(event.getMessage().getFormattedMessage());
                Throwable thrown = event.getThrown();
                if (thrown != null) {
                    StringWriter trace = new StringWriter();
                    thrown.printStackTrace(new PrintWriter(trace));
                    line.append('\n').append(trace);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        configuration.addAppender(appender);
        for (Map.Entry<String, Level> entry : loggers.entrySet()) {
            String name = entry.getKey();
            Level level = entry.getValue();
            LoggerConfig config = configuration.getLoggerConfig(name);
            if (!config.getName().equals(name)) {
                config = new LoggerConfig(name, level, true);
                configuration.addLogger(name, config);
                added.add(name);
            } else {
                previousLevels.put(name, config.getLevel());
                config.setLevel(level);
            }
            config.addAppender(appender, Level.ALL, null);
        }
        context.updateLoggers();
    }

    /** Starts capturing these loggers (and their children) at {@code level}. */
    public static LogCapture start(Level level, String... loggers) {
        Map<String, Level> levels = new java.util.LinkedHashMap<>();
        for (String name : loggers) {
            levels.put(name, level);
        }
        return new LogCapture(levels);
    }

    /** Starts capturing each logger (and its children) at its own level. */
    public static LogCapture start(Map<String, Level> loggers) {
        return new LogCapture(loggers);
    }

    /** Every captured line so far (messages and stack traces). */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Everything captured, one string. */
    public String text() {
        return String.join("\n", lines);
    }

    public int size() {
        return lines.size();
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        for (String name : added) {
            configuration.removeLogger(name);
        }
        previousLevels.forEach((name, level) -> {
            LoggerConfig config = configuration.getLoggerConfig(name);
            config.removeAppender(appender.getName());
            config.setLevel(level);
        });
        appender.stop();
        context.updateLoggers();
    }
}
