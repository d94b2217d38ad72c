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

import org.stompest.error.StompFrameError;

/**
 * Header escaping per (version, command), applied separately to each header name and value. One pass over the
 * characters, no regex; a text with nothing to escape is returned as it is, without a copy.
 *
 * <p>Rendering refuses what the frame cannot carry, because a raw line feed in a header would start a new header
 * line on the wire (header injection: {@code x-note:a\ndestination:/queue/evil} moves a 1.0 message). So a NUL
 * is refused everywhere (no version escapes it), LF everywhere escaping is off (all of 1.0, CONNECT and CONNECTED
 * in every version), CR everywhere but 1.2 with escaping on (brokers take CR LF as a line end in any version), and
 * {@code ':'} in a header name where escaping is off. The error names the header, never its value, so a passcode
 * cannot leak through it.
 */
final class HeaderCodec {
    private HeaderCodec() {
    }

    static boolean excluded(String version, String command) {
        // 1.0 has no escape table at all: every command is exempt (upstream crashes on NACK/STOMP in 1.0).
        return StompSpec.VERSION_1_0.equals(version)
                || StompSpec.COMMANDS_ESCAPE_EXCLUDED.get(version).contains(command);
    }

    /** A header name for the wire; throws {@link StompFrameError} for a character the frame cannot carry. */
    static String escapeName(String name, String version, String command) {
        return escape(name, true, name, version, command);
    }

    /** A header value for the wire; throws {@link StompFrameError} (naming the header) like {@link #escapeName}. */
    static String escapeValue(String value, String name, String version, String command) {
        return escape(value, false, name, version, command);
    }

    private static String escape(String text, boolean isName, String name, String version, String command) {
        boolean excluded = excluded(version, command);
        boolean cr = !excluded && StompSpec.VERSION_1_2.equals(version);
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            // Every character that needs a look is at most '\\'; everything above goes straight through.
            String sequence = null;
            if (c <= '\\') {
                if (refused(c, excluded, cr, isName)) {
                    throw refusal(c, isName, name, version, command, excluded);
                }
                sequence = excluded ? null : sequence(c);
            }
            if (sequence != null) {
                if (out == null) {
                    out = new StringBuilder(n + 8).append(text, 0, i);
                }
                out.append(sequence);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean refused(char c, boolean excluded, boolean cr, boolean isName) {
        return c == '\0' || (c == '\r' && !cr) || (excluded && (c == '\n' || (isName && c == ':')));
    }

    /** The escape sequence of a character that was not refused, or null to write it as it is. */
    private static String sequence(char c) {
        switch (c) {
            case '\\': return "\\\\";
            case ':': return "\\c";
            case '\n': return "\\n";
            case '\r': return "\\r";
            default: return null;
        }
    }

    private static StompFrameError refusal(char c, boolean isName, String name, String version, String command,
                                           boolean excluded) {
        String what = isName ? "Header name " + Repr.str(name) : "Header value of " + Repr.str(name);
        String where = excluded && !StompSpec.VERSION_1_0.equals(version) ? " in " + command + " frames" : "";
        return new StompFrameError(what + " contains " + describe(c) + ", which STOMP " + version
                + " cannot escape" + where + " [command=" + command + "]");
    }

    private static String describe(char c) {
        switch (c) {
            case '\n': return "a line feed (LF)";
            case '\r': return "a carriage return (CR)";
            case '\0': return "a NUL";
            default: return "a colon (':')";
        }
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
