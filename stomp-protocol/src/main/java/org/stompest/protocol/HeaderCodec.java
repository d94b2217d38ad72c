package org.stompest.protocol;

import org.stompest.error.StompFrameError;

/**
 * Header escaping per (version, command), applied separately to each header name and value. One pass over the
 * characters, no regex; a text with nothing to escape is returned as it is, without a copy.
 */
final class HeaderCodec {
    private HeaderCodec() {
    }

    static boolean excluded(String version, String command) {
        // 1.0 has no escape table at all: every command is exempt (upstream crashes on NACK/STOMP in 1.0).
        return StompSpec.VERSION_1_0.equals(version)
                || StompSpec.COMMANDS_ESCAPE_EXCLUDED.get(version).contains(command);
    }

    static String escape(String text, String version, String command) {
        if (excluded(version, command)) {
            return text;
        }
        boolean cr = StompSpec.VERSION_1_2.equals(version);
        int n = text.length();
        int i = 0;
        while (i < n && !special(text.charAt(i), cr)) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 8).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\': out.append("\\\\"); break;
                case ':': out.append("\\c"); break;
                case '\n': out.append("\\n"); break;
                case '\r':
                    if (cr) {
                        out.append("\\r");
                    } else {
                        out.append(c);
                    }
                    break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String text, String version, String command) {
        if (excluded(version, command)) {
            return text;
        }
        boolean cr = StompSpec.VERSION_1_2.equals(version);
        int n = text.length();
        int i = 0;
        while (i < n && !special(text.charAt(i), cr)) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                char next = i + 1 < n ? text.charAt(i + 1) : '\n';
                switch (next) {
                    case '\\': out.append('\\'); break;
                    case 'c': out.append(':'); break;
                    case 'n': out.append('\n'); break;
                    case 'r':
                        if (!cr) {
                            throw undefined(version, "\\r", text);
                        }
                        out.append('\r');
                        break;
                    case '\n': throw undefined(version, "\\", text);
                    default: throw undefined(version, "\\" + Character.toString(text.codePointAt(i + 1)), text);
                }
                i++;
            } else if (special(c, cr)) {
                throw undefined(version, String.valueOf(c), text);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean special(char c, boolean cr) {
        return c == '\\' || c == ':' || c == '\n' || (cr && c == '\r');
    }

    private static StompFrameError undefined(String version, String match, String text) {
        return new StompFrameError("No escape sequence defined for this character (version " + version + "): "
                + Repr.str(match) + " [text=" + Repr.str(text) + "]");
    }
}
