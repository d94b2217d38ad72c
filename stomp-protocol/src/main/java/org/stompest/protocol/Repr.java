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

    static String str(String s) {
        if (s == null) {
            return "None";
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': out.append("\\\\"); break;
                case '\'': out.append("\\'"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('\'').toString();
    }

    static String bytes(byte[] b, int length) {
        StringBuilder out = new StringBuilder(length + 3).append("b'");
        for (int i = 0; i < length; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '\\': out.append("\\\\"); break;
                case '\'': out.append("\\'"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c >= 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.append((char) c);
                    }
            }
        }
        return out.append('\'').toString();
    }

    static String bytes(byte[] b) {
        return bytes(b, b.length);
    }

    static String map(Map<String, String> map) {
        StringBuilder out = new StringBuilder("{");
        Iterator<Map.Entry<String, String>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            out.append(str(e.getKey())).append(": ").append(str(e.getValue()));
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

    static String pairs(Collection<Map.Entry<String, String>> items) {
        StringBuilder out = new StringBuilder("[");
        Iterator<Map.Entry<String, String>> it = items.iterator();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            out.append('(').append(str(e.getKey())).append(", ").append(str(e.getValue())).append(')');
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        return out.append(']').toString();
    }
}
