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
package org.stompest.client.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Micrometer is optional: without it on the class path the client loads, connects its MBean and closes. */
class NoMicrometerTest {

    @Test
    void theClientWorksWithoutMicrometerOnTheClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("micrometer")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> configClass = loader.loadClass("org.stompest.client.StompConfig");
            Object builder = configClass.getMethod("builder").invoke(null);
            Object config = builder.getClass().getMethod("build").invoke(builder);
            Class<?> connectionClass = loader.loadClass("org.stompest.client.StompConnection");
            Object connection = connectionClass.getConstructor(configClass).newInstance(config);
            assertThat(connectionClass.getMethod("state").invoke(connection)).hasToString("NEW");
            Object stats = connectionClass.getMethod("stats").invoke(connection);
            assertThat(stats.getClass().getMethod("messagesSent").invoke(stats)).isEqualTo(0L);
            Object pool = loader.loadClass("org.stompest.client.ConnectionPool").getConstructor().newInstance();
            pool.getClass().getMethod("close").invoke(pool);
            connectionClass.getMethod("close").invoke(connection);
            assertThat(connectionClass.getMethod("state").invoke(connection)).hasToString("CLOSED");
        }
    }
}
