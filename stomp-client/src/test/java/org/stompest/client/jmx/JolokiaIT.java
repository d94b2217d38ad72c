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
package org.stompest.client.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The connection MBeans over HTTP JSON through the Jolokia JVM agent (the bridge Hawtio uses), on a child JVM started
 * as the README shows: {@code java -javaagent:jolokia-agent-jvm-2.3.0-javaagent.jar=port=8778,host=127.0.0.1 ...}.
 */
class JolokiaIT {

    @Test
    void aConnectionsAttributesReadOverJolokiaHttpJson() throws Exception {
        String agent = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("jolokia-agent-jvm")).findFirst()
                .orElseThrow(() -> new AssertionError("jolokia-agent-jvm (javaagent) not on the test class path"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent + "=port=" + port + ",host=127.0.0.1", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), JolokiaChildMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String ready;
            while ((ready = out.readLine()) != null && !ready.startsWith("READY ")) {
                // the agent's own start-up lines
            }
            assertThat(ready).as("child JVM started").isNotNull();
            String id = ready.substring("READY ".length());
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port + "/jolokia/read/org.stompest:type=Connection,name=" + id;

            String state = get(http, base + "/State");
            assertThat(state).contains("\"status\":200").containsPattern("\"value\":\"(CONNECTING|RECONNECTING|FAILED)\"");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> get(http, base + "/ConnectAttempts").matches(".*\"value\":([2-9]|\\d{2,}).*"));
            String all = get(http, base);
            assertThat(all).contains("\"status\":200").contains("\"Login\":\"monitor\"")
                    .contains("\"ClientHeartBeatMillis\":0").contains("\"FailoverAttempts\":0")
                    .containsPattern("\"LastError\":\"tcp://127\\.0\\.0\\.1:\\d+: ")
                    .doesNotContain(JolokiaChildMain.PASSCODE);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
