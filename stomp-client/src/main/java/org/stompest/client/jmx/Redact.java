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
package org.stompest.client.jmx;

import java.util.StringJoiner;
import java.util.regex.Pattern;

/** Takes secrets out of URIs before JMX shows them. */
final class Redact {

    /** {@code scheme://user:password@} → {@code scheme://}. */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@()\\s,]*@");

    /** Option names that hold secrets: {@code password}, {@code passcode}, {@code keyStorePassword}, … */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pass|pwd|secret|token|credential).*");

    private Redact() {
    }

    /**
     * The URI without user info and without options whose name looks like a secret; null stays null.
     * Options follow the first {@code ?}, separated by {@code ,} (failover URIs) or {@code &}.
     */
    static String uri(String uri) {
        if (uri == null) {
            return null;
        }
        int question = uri.indexOf('?');
        String head = USER_INFO.matcher(question < 0 ? uri : uri.substring(0, question)).replaceAll("$1");
        if (question < 0) {
            return head;
        }
        String options = uri.substring(question + 1);
        String separator = options.indexOf('&') >= 0 ? "&" : ",";
        StringJoiner kept = new StringJoiner(separator);
        for (String option : options.split("[&,]")) {
            int eq = option.indexOf('=');
            String name = eq < 0 ? option : option.substring(0, eq);
            if (!option.isEmpty() && !SECRET_NAME.matcher(name).matches()) {
                kept.add(option);
            }
        }
        return kept.length() == 0 ? head : head + "?" + kept;
    }
}
