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

/**
 * The bounds a {@link StompParser} enforces so that a broken or hostile peer cannot make it buffer without end.
 * The reference parser has none; each limit is checked while the bytes arrive, so the parser raises as soon as
 * one is passed instead of after buffering the whole head or body.
 *
 * @param maxLineLength the most bytes in one head line (the command line or a header line), counted without
 *                      the terminating LF (a 1.2 CR before it counts)
 * @param maxHeaders    the most header lines in one frame
 * @param maxBodyLength the largest body, whether delimited by {@code content-length} or by the NUL byte
 */
public record StompParserLimits(int maxLineLength, int maxHeaders, int maxBodyLength) {
    /**
     * 64 KiB per head line, 1,000 headers and 64 MiB of body: far above what brokers send, low enough that a
     * runaway stream fails fast.
     */
    public static final StompParserLimits DEFAULTS = new StompParserLimits(64 * 1024, 1_000, 64 * 1024 * 1024);

    /** Rejects limits that are zero or negative with an {@link IllegalArgumentException} naming the limit. */
    public StompParserLimits {
        positive("maxLineLength", maxLineLength);
        positive("maxHeaders", maxHeaders);
        positive("maxBodyLength", maxBodyLength);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
