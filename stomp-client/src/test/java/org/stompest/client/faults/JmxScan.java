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

import java.lang.management.ManagementFactory;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * Reads every readable attribute of every MBean matching a pattern on the platform MBean server and renders the
 * values as text (arrays, maps, composite and tabular data included), keyed {@code objectName#attribute}; the object
 * names themselves are part of the keys, so a secret in a name shows too. Attributes that fail to read are rendered
 * as the failure's message (that text must be clean as well).
 */
public final class JmxScan {
    private JmxScan() {
    }

    public static Map<String, String> attributes(String pattern) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, String> values = new TreeMap<>();
        for (ObjectName name : server.queryNames(new ObjectName(pattern), null)) {
            MBeanAttributeInfo[] infos;
            try {
                infos = server.getMBeanInfo(name).getAttributes();
            } catch (Exception e) {
                continue; // unregistered meanwhile
            }
            values.put(name + "#", "");
            for (MBeanAttributeInfo info : infos) {
                if (!info.isReadable()) {
                    continue;
                }
                String value;
                try {
                    value = render(server.getAttribute(name, info.getName()));
                } catch (Exception | LinkageError e) {
                    value = "<unreadable: " + e + (e.getCause() == null ? "" : " / " + e.getCause()) + ">";
                }
                values.put(name + "#" + info.getName(), value);
            }
        }
        return values;
    }

    /** All names and values as one text, for a {@code doesNotContain} check. */
    public static String text(Map<String, String> attributes) {
        StringBuilder out = new StringBuilder();
        attributes.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(value); i++) {
                out.append(i == 0 ? "" : ", ").append(render(Array.get(value, i)));
            }
            return out.append(']').toString();
        }
        if (value instanceof CompositeData composite) {
            StringBuilder out = new StringBuilder("{");
            for (String key : composite.getCompositeType().keySet()) {
                out.append(key).append('=').append(render(composite.get(key))).append(", ");
            }
            return out.append('}').toString();
        }
        if (value instanceof TabularData tabular) {
            StringBuilder out = new StringBuilder("{");
            for (Object row : tabular.values()) {
                out.append(render(row)).append(", ");
            }
            return out.append('}').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(render(k)).append('=').append(render(v)).append(", "));
            return out.append('}').toString();
        }
        if (value instanceof Collection<?> collection) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : collection) {
                out.append(render(item)).append(", ");
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }
}
