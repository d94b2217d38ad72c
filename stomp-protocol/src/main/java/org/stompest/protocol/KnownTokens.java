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
import java.util.List;

/**
 * Canonical {@code String}s for ASCII tokens that recur in every frame (commands, common header names), matched
 * on the head bytes, so the parser allocates nothing for them and later lookups hit a cached hash. A table
 * indexed by length holds the few candidates of each length.
 */
final class KnownTokens {
    private static final int MAX_LENGTH = 32;
    /** Header names common enough to be worth a canonical string when parsing and cached bytes when encoding. */
    static final List<String> COMMON_HEADER_NAMES = List.of(
            StompSpec.ACCEPT_VERSION_HEADER, StompSpec.ACK_HEADER, StompSpec.CONTENT_LENGTH_HEADER,
            StompSpec.CONTENT_TYPE_HEADER, StompSpec.DESTINATION_HEADER, StompSpec.HEART_BEAT_HEADER,
            StompSpec.HOST_HEADER, StompSpec.ID_HEADER, StompSpec.MESSAGE_HEADER, StompSpec.MESSAGE_ID_HEADER,
            StompSpec.RECEIPT_HEADER, StompSpec.RECEIPT_ID_HEADER, StompSpec.REPLY_TO_HEADER,
            StompSpec.SESSION_HEADER, StompSpec.SERVER_HEADER, StompSpec.SUBSCRIPTION_HEADER,
            StompSpec.TRANSACTION_HEADER, StompSpec.VERSION_HEADER, "persistent", "priority", "timestamp",
            "expires", "redelivered", "correlation-id", "type");
    static final KnownTokens HEADER_NAMES = new KnownTokens(COMMON_HEADER_NAMES);

    private final String[][] byLength = new String[MAX_LENGTH + 1][];

    KnownTokens(Collection<String> tokens) {
        for (String token : tokens) {
            String[] same = byLength[token.length()];
            String[] grown = same == null ? new String[1] : java.util.Arrays.copyOf(same, same.length + 1);
            grown[grown.length - 1] = token;
            byLength[token.length()] = grown;
        }
    }

    /** The token spelled by the ASCII bytes {@code buf[from, to)}, or {@code null} when it is not one of them. */
    String match(byte[] buf, int from, int to) {
        int length = to - from;
        String[] candidates = length <= MAX_LENGTH ? byLength[length] : null;
        if (candidates == null) {
            return null;
        }
        for (String candidate : candidates) {
            int i = 0;
            while (i < length && buf[from + i] == candidate.charAt(i)) {
                i++;
            }
            if (i == length) {
                return candidate;
            }
        }
        return null;
    }
}
