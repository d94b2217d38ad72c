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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.ObjectName;

/**
 * What the console read from one connection MXBean: its name, object name and attributes as plain values
 * ({@link Values#plain}): strings, numbers, booleans, lists, maps or null. Every {@link Attributes#CONTRACT}
 * attribute is present as a key, null when the bean lacks it; other attributes the bean has follow them.
 *
 * @param name       the {@code name} key of the object name, unquoted
 * @param objectName the full object name as text
 * @param attributes attribute name to plain value, contract attributes first
 */
public record ConnectionView(String name, String objectName, Map<String, Object> attributes) {

    public ConnectionView {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A view from literal values, for tests and tools: the contract attributes missing from values are null. */
    public static ConnectionView of(String name, Map<String, ?> values) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String attribute : Attributes.CONTRACT) {
            attributes.put(attribute, Values.plain(values.get(attribute)));
        }
        values.forEach((k, v) -> attributes.putIfAbsent(k, Values.plain(v)));
        return new ConnectionView(name, StompestMBeans.objectName(name).toString(), attributes);
    }

    public static ConnectionView of(ObjectName objectName, Map<String, ?> values) {
        ConnectionView v = of(StompestMBeans.displayName(objectName), values);
        return new ConnectionView(v.name(), objectName.toString(), v.attributes());
    }

    /** The plain value of an attribute, or null when absent. */
    public Object get(String attribute) {
        return attributes.get(attribute);
    }
}
