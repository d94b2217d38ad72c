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
package org.stompest.protocol;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders values the way the reference's messages and reprs do (Python literals), so that error texts and
 * {@code toString()} read the same as in the original: {@code 'a:b'}, {@code b'\x00'}, {@code {'k': 'v'}}.
 */
final class Repr {
    private Repr() {
    }

    /** What a non-empty {@code passcode} header value shows as in {@link #map} and {@link #pairs}. */
    static final String MASK = "***";

    /**
     * Python's {@code repr(str)}: single quotes unless the text holds a single quote and no double quote;
     * characters Python does not print get its hex escapes (x, u or U, by code point size).
     */
    static String str(String s) {
        if (s == null) {
            return "None";
        }
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == ' ' || printable(c)) {
                out.appendCodePoint(c);
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\U%08x", c));
            }
        }
        return out.append(quote).toString();
    }

    /** Python's {@code str.isprintable()} for one code point: not Other (C*) and not Separator (Z*). */
    private static boolean printable(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** Python's {@code repr(bytes)} of the first {@code length} bytes. */
    static String bytes(byte[] b, int length) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < length; i++) {
            single |= b[i] == '\'';
            dbl |= b[i] == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder out = new StringBuilder(length + 3).append('b').append(quote);
        for (int i = 0; i < length; i++) {
            int c = b[i] & 0xff;
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        }
        return out.append(quote).toString();
    }

    static String bytes(byte[] b) {
        return bytes(b, b.length);
    }

    /** A header dict; a non-empty {@code passcode} value shows as {@link #MASK}. */
    static String map(Map<String, String> map) {
        StringBuilder out = new StringBuilder("{");
        Iterator<Map.Entry<String, String>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            out.append(str(e.getKey())).append(": ").append(str(masked(e.getKey(), e.getValue())));
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        return out.append('}').toString();
    }

    static String list(Collection<String> items) {
        StringBuilder out = new StringBuilder("[");
        Iterator<String> it = items.iterator();
        while (it.hasNext()) {
            out.append(str(it.next()));
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        return out.append(']').toString();
    }

    /** A list of (name, value) header pairs; a non-empty {@code passcode} value shows as {@link #MASK}. */
    static String pairs(Collection<Map.Entry<String, String>> items) {
        StringBuilder out = new StringBuilder("[");
        Iterator<Map.Entry<String, String>> it = items.iterator();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            out.append('(').append(str(e.getKey())).append(", ").append(str(masked(e.getKey(), e.getValue())))
                    .append(')');
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        return out.append(']').toString();
    }

    private static String masked(String name, String value) {
        return StompSpec.PASSCODE_HEADER.equals(name) && value != null && !value.isEmpty() ? MASK : value;
    }
}
