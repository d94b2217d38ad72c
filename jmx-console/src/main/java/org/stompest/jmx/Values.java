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

import java.lang.reflect.Array;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/** Turns JMX open-type values into plain Java values, and plain values into text. */
public final class Values {
    /** What text output shows for a missing, null or empty value. */
    public static final String NONE = "-";

    private Values() {
    }

    /**
     * A plain value: String, Number, Boolean, List, Map (String keys, insertion-ordered) or null. An MXBean's
     * {@code Map<K,V>} arrives as TabularData with key/value rows and becomes a Map sorted by key; other
     * CompositeData and TabularData become maps and lists; arrays become lists; enums their names.
     */
    public static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CompositeData composite) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String key : composite.getCompositeType().keySet()) {
                map.put(key, plain(composite.get(key)));
            }
            return map;
        }
        if (value instanceof TabularData table) {
            return plainTable(table);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), plain(v)));
            return result;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>();
            collection.forEach(e -> list.add(plain(e)));
            return list;
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(plain(Array.get(value, i)));
            }
            return list;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value.toString();
    }

    private static Object plainTable(TabularData table) {
        Set<String> keys = table.getTabularType().getRowType().keySet();
        List<CompositeData> rows = new ArrayList<>();
        for (Object row : table.values()) {
            rows.add((CompositeData) row);
        }
        if (keys.size() == 2 && keys.contains("key") && keys.contains("value")) {
            rows.sort(Comparator.comparing(r -> String.valueOf(r.get("key"))));
            Map<String, Object> map = new LinkedHashMap<>();
            for (CompositeData row : rows) {
                map.put(String.valueOf(row.get("key")), plain(row.get("value")));
            }
            return map;
        }
        List<Object> list = new ArrayList<>();
        rows.forEach(r -> list.add(plain(r)));
        return list;
    }

    /** One line of text for a plain value: null, "" and empty collections show as {@value #NONE}. */
    public static String text(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return NONE;
            }
            StringBuilder b = new StringBuilder();
            map.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(text(v)));
            return b.toString();
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return NONE;
            }
            StringBuilder b = new StringBuilder();
            list.forEach(e -> b.append(b.length() == 0 ? "" : ", ").append(text(e)));
            return b.toString();
        }
        String s = value.toString().replaceAll("\\s*\\R\\s*", " ");
        return s.isEmpty() ? NONE : s;
    }

    /** Text for an attribute: times in epoch millis become ISO-8601, negative millis and counts "-". */
    public static String text(String attribute, Object value) {
        if (Attributes.TIMES.contains(attribute) && value instanceof Number n) {
            return n.longValue() <= 0 ? NONE : Instant.ofEpochMilli(n.longValue()).toString();
        }
        if (attribute.endsWith("Millis") && value instanceof Number n && n.longValue() < 0) {
            return NONE;
        }
        return text(value);
    }

    /** A short duration: 850ms, 12.3s, 5m03s, 2h05m; null or negative gives {@value #NONE}. */
    public static String duration(Object millis) {
        if (!(millis instanceof Number n) || n.longValue() < 0) {
            return NONE;
        }
        long ms = n.longValue();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return (ms / 1000) + "." + (ms % 1000) / 100 + "s";
        }
        Duration d = Duration.ofMillis(ms);
        if (ms < 3_600_000) {
            return d.toMinutes() + "m" + String.format("%02d", d.toSecondsPart()) + "s";
        }
        return d.toHours() + "h" + String.format("%02d", d.toMinutesPart()) + "m";
    }
}
