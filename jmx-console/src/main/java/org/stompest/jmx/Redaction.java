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

import java.util.regex.Pattern;

/** Removes credentials from text that may quote a service URL, before the console prints it. */
public final class Redaction {
    /**
     * {@code user:secret@host} anywhere: after {@code //} (also inside {@code /jndi/rmi://...} paths), or quoted
     * on its own in an exception message ({@code invalid authority: user:secret@host:1}).
     */
    private static final Pattern USER_INFO = Pattern.compile("(^|[\\s/\\[(])[^\\s/@\\[\\]()]+@");
    /** {@code password=...}, {@code passcode=...}, {@code secret=...}, {@code token=...} parameters. */
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)\\b(pass(?:word|code|wd)?|secret|token|credentials?)=[^;&,/\\s\\]]*");

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = USER_INFO.matcher(text).replaceAll("$1***@");
        return SECRET_PARAMETER.matcher(s).replaceAll("$1=***");
    }
}
