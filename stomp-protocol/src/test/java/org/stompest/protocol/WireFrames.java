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

import java.nio.charset.StandardCharsets;

/**
 * Wire frames the parser tests share, as strings in which each char is one byte (ISO-8859-1); {@link #wire}
 * turns them into bytes. Non-ASCII text that must be UTF-8 on the wire goes through {@link #utf8}.
 */
final class WireFrames {
    /** The reference's "Wire-Level Parser" example. */
    static final String RECEIPT = "RECEIPT\nreceipt-id:message-12345\n\n\0";
    static final String NACK = "NACK\nsubscription:0\nmessage-id:007\n\n\0";

    static final String DISCONNECT = "DISCONNECT\n\n\0";
    static final String DISCONNECT_HEAD = "DISCONNECT\n\n";
    static final String HELLO = "HELLO\n\n\0";
    static final String DUPLICATE_HEADERS = "SEND\nfoo:bar1\nfoo:bar2\n\nsome stuff\nand more\0";
    static final String COLON_IN_VALUE = "DISCONNECT\nheader:with:colon\n\n\0";
    static final String REPEATED_CONNECT = "\nCONNECT\nrepeat:1\nrepeat:2\n\n\0";
    /** Upstream ended this frame at the NUL inside the header value; the NUL search now starts after the head. */
    static final String NUL_IN_HEADER = "MESSAGE\nfoo:a\0b\n\nbody\0";

    /** Binary body {@code f0 00 0a 09} delimited by content-length. */
    static final String BINARY = "MESSAGE\ncontent-length:4\n\n\u00f0\u0000\n\t\u0000";
    /** BINARY with the real NUL later, one byte later, earlier and one byte earlier than content-length says. */
    static final String BAD_EOF_LATER = "MESSAGE\ncontent-length:4\n\n\u00f0\n\t\u00ff\u0001\n\nCONNECT\n\u0000";
    static final String BAD_EOF_JUST_LATER = "MESSAGE\ncontent-length:4\n\n\u00f0\n\t\u00ff\u0001\u0000";
    static final String BAD_EOF_EARLIER = "MESSAGE\ncontent-length:4\n\n\u00f0\u0000\n\t\u0001";
    static final String BAD_EOF_JUST_EARLIER = "MESSAGE\ncontent-length:4\n\n\u00f0\n\t\u0000\u0001";
    static final String NULS_IN_BODY = "MESSAGE\ncontent-length:5\n\na\u0000b\u0000c\u0000";
    static final String EMPTY_CONTENT_LENGTH_BODY = "MESSAGE\ncontent-length:0\n\n\u0000";
    static final String DUPLICATE_CONTENT_LENGTH = "MESSAGE\ncontent-length:3\ncontent-length:99\n\nxyz\u0000";

    static final String CRLF_MESSAGE = "MESSAGE\r\nk:v\r\n\r\nbody\0";
    static final String DESTINATION_WITH_CR = "SEND\ndestination:/queue/test\r\n\n\0";
    static final String DESTINATION_WITH_ESCAPED_CR = "SEND\ndestination:/queue/test\\r\n\n\0";

    /** Header line {@code \n\\:\c<TAB>\n}: escapes in name and value, one real TAB. */
    static final String ESCAPES = "DISCONNECT\n\\n\\\\:\\c\t\\n\n\n\0";
    /** As ESCAPES, with the undefined escape {@code \t}. */
    static final String ESCAPE_TAB = "DISCONNECT\n\\n\\\\:\\c\\t\n\n\0";
    /** As ESCAPES, with {@code \r} (1.2 only). */
    static final String ESCAPE_CR = "DISCONNECT\n\\n\\\\:\\c\t\\r\n\n\0";
    /** A SEND whose destination is {@code *queue}; tests put other characters in place of the star. */
    static final String SEND_STAR_QUEUE = "SEND\ndestination:*queue\n\n\0";
    static final String SEND_TRAILING_BACKSLASH = "SEND\ndestination:queue\\\n\n\0";

    /** {@code fenêtre:¿qué tal?}, to be encoded with {@link #utf8}. */
    static final String UTF8_HEADER = "DISCONNECT\nfen\u00eatre:\u00bfqu\u00e9 tal?\n\n\0";

    private WireFrames() {
    }

    static byte[] wire(String frame) {
        return frame.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] utf8(String frame) {
        return frame.getBytes(StandardCharsets.UTF_8);
    }
}
