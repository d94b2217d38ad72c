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

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON writer for plain values ({@link Values#plain}): String, Number, Boolean, null, List and Map (keys as
 * strings). Pretty output indents by two spaces; compact output is one line. Non-finite numbers become null.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    public static String pretty(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0, true);
        return b.append('\n').toString();
    }

    public static String compact(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0, false);
        return b.append('\n').toString();
    }

    private static void write(StringBuilder b, Object value, int depth, boolean pretty) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof String s) {
            string(b, s);
        } else if (value instanceof Boolean) {
            b.append(value);
        } else if (value instanceof Number n) {
            number(b, n);
        } else if (value instanceof Map<?, ?> map) {
            container(b, '{', '}', map.entrySet().iterator(), depth, pretty, (e, d) -> {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) e;
                string(b, String.valueOf(entry.getKey()));
                b.append(pretty ? ": " : ":");
                write(b, entry.getValue(), d, pretty);
            });
        } else if (value instanceof List<?> list) {
            container(b, '[', ']', list.iterator(), depth, pretty, (e, d) -> write(b, e, d, pretty));
        } else {
            write(b, Values.plain(value), depth, pretty);
        }
    }

    private interface ElementWriter {
        void write(Object element, int depth);
    }

    private static void container(StringBuilder b, char open, char close, Iterator<?> elements, int depth,
                                  boolean pretty, ElementWriter writer) {
        b.append(open);
        if (!elements.hasNext()) {
            b.append(close);
            return;
        }
        while (elements.hasNext()) {
            if (pretty) {
                b.append('\n').append("  ".repeat(depth + 1));
            }
            writer.write(elements.next(), depth + 1);
            if (elements.hasNext()) {
                b.append(',');
            }
        }
        if (pretty) {
            b.append('\n').append("  ".repeat(depth));
        }
        b.append(close);
    }

    private static void number(StringBuilder b, Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            b.append(Double.isFinite(d) ? (d == Math.rint(d) && Math.abs(d) < 1e15
                    ? String.valueOf((long) d) : String.valueOf(d)) : "null");
        } else if (n instanceof BigDecimal big) {
            b.append(big.toPlainString());
        } else {
            b.append(n);
        }
    }

    /** Writes a JSON string: quotes, backslashes and control characters escaped; U+2028/2029 too. */
    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
