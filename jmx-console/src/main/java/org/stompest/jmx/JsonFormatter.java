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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * JSON output. Attribute values are the plain values read from JMX (numbers stay numbers, times stay as the bean
 * gives them, a missing attribute is null), so scripts see the same data as the tables, unrounded.
 * <pre>
 * list:     {"connections": [CONNECTION, ...]}                  (pretty)
 * show:     CONNECTION = {"name": .., "objectName": .., "attributes": {"State": .., ...}}   (pretty)
 * watch:    {"time": "2024-..Z", "connections": [...]}          (one compact line per redraw)
 * reconnect/disconnect: {"name": .., "objectName": .., "operation": "reconnect", "result": "ok"}
 * no target: {"jvms": [{"pid": 123, "displayName": .., "connections": ["name", ...]}]}
 * </pre>
 */
public final class JsonFormatter {
    private JsonFormatter() {
    }

    public static String connections(List<ConnectionView> views) {
        return JsonWriter.pretty(Map.of("connections", connectionList(views)));
    }

    public static String connection(ConnectionView view) {
        return JsonWriter.pretty(connectionObject(view));
    }

    /** One {@code watch} tick as a single line. */
    public static String tick(List<ConnectionView> views, Instant time) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time.toString());
        m.put("connections", connectionList(views));
        return JsonWriter.compact(m);
    }

    public static String operation(ObjectName target, String operation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", StompestMBeans.displayName(target));
        m.put("objectName", target.toString());
        m.put("operation", operation);
        m.put("result", "ok");
        return JsonWriter.pretty(m);
    }

    public static String jvms(List<LocalJvms.Jvm> jvms) {
        List<Object> list = new ArrayList<>();
        for (LocalJvms.Jvm jvm : jvms) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pid", jvm.pid());
            m.put("displayName", jvm.displayName());
            m.put("connections", jvm.connections());
            list.add(m);
        }
        return JsonWriter.pretty(Map.of("jvms", list));
    }

    private static List<Object> connectionList(List<ConnectionView> views) {
        List<Object> list = new ArrayList<>();
        views.forEach(v -> list.add(connectionObject(v)));
        return list;
    }

    private static Map<String, Object> connectionObject(ConnectionView view) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", view.name());
        m.put("objectName", view.objectName());
        m.put("attributes", view.attributes());
        return m;
    }
}
