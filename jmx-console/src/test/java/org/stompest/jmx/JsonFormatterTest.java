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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFormatterTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JsonWriter.compact("a\"b\\c\nd\re\tf\bg\fh\u0001i\u001fj\u007fk\u2028l/é€😀"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001fj\\u007fk\\u2028l/é€😀\"\n");
    }

    @Test
    void writesEveryPlainType() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "x");
        m.put("i", 42);
        m.put("l", -7L);
        m.put("d", 1.5);
        m.put("whole", 2.0);
        m.put("nan", Double.NaN);
        m.put("t", true);
        m.put("n", null);
        m.put("list", List.of(1, "two"));
        m.put("empty", List.of());
        m.put("map", Map.of());
        assertThat(JsonWriter.compact(m)).isEqualTo(
                "{\"s\":\"x\",\"i\":42,\"l\":-7,\"d\":1.5,\"whole\":2,\"nan\":null,\"t\":true,\"n\":null,"
                        + "\"list\":[1,\"two\"],\"empty\":[],\"map\":{}}\n");
    }

    @Test
    void prettyIndentsByTwoSpaces() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", List.of(1, 2));
        m.put("b", Map.of("c", "d"));
        assertThat(JsonWriter.pretty(m)).isEqualTo("""
                {
                  "a": [
                    1,
                    2
                  ],
                  "b": {
                    "c": "d"
                  }
                }
                """);
    }

    @Test
    void showJsonHasNameObjectNameAndEveryContractAttributeWithNullForMissing() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("State", "CONNECTED");
        values.put("ClientHeartBeatMillis", 10000);
        values.put("AttemptsPerBroker", Map.of("tcp://a:1", 2L));
        values.put("SubscriptionDestinations", new String[] {"/queue/\"odd\""});
        values.put("LastError", "broken\npipe");
        String json = JsonFormatter.connection(ConnectionView.of("c-1", values));
        assertThat(json).startsWith("""
                {
                  "name": "c-1",
                  "objectName": "org.stompest:type=Connection,name=c-1",
                  "attributes": {
                    "State": "CONNECTED",
                    "Version": null,
                """);
        assertThat(json)
                .contains("\n    \"ClientHeartBeatMillis\": 10000,\n")
                .contains("\n    \"LastError\": \"broken\\npipe\",\n")
                .contains("\n    \"AttemptsPerBroker\": {\n      \"tcp://a:1\": 2\n    },\n")
                .contains("\n    \"SubscriptionDestinations\": [\n      \"/queue/\\\"odd\\\"\"\n    ],\n")
                .contains("\n    \"Login\": null\n  }\n}\n");
        List<String> keys = new ArrayList<>();
        json.lines().filter(l -> l.startsWith("    \"")).forEach(l -> keys.add(l.substring(5, l.indexOf('"', 5))));
        assertThat(keys).isEqualTo(Attributes.CONTRACT);
    }

    @Test
    void listJsonWrapsConnections() {
        assertThat(JsonFormatter.connections(List.of()))
                .isEqualTo("{\n  \"connections\": []\n}\n");
    }

    @Test
    void watchTickIsOneLine() {
        String tick = JsonFormatter.tick(List.of(ConnectionView.of("c", Map.of("State", "CONNECTED"))),
                Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(tick).startsWith("{\"time\":\"2024-05-01T12:00:00Z\",\"connections\":[{\"name\":\"c\","
                + "\"objectName\":\"org.stompest:type=Connection,name=c\",\"attributes\":{\"State\":\"CONNECTED\",");
        assertThat(tick.lines()).hasSize(1);
    }

    @Test
    void operationResult() {
        assertThat(JsonFormatter.operation(StompestMBeans.objectName("c-1"), "reconnect")).isEqualTo("""
                {
                  "name": "c-1",
                  "objectName": "org.stompest:type=Connection,name=c-1",
                  "operation": "reconnect",
                  "result": "ok"
                }
                """);
    }

    @Test
    void jvmList() {
        assertThat(JsonFormatter.jvms(List.of(new LocalJvms.Jvm(9, "Main", List.of("a"))))).isEqualTo("""
                {
                  "jvms": [
                    {
                      "pid": 9,
                      "displayName": "Main",
                      "connections": [
                        "a"
                      ]
                    }
                  ]
                }
                """);
    }
}
