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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stompest.error.StompFrameError;

/** The example of the reference's "STOMP Frame Representation" section, step by step. */
class FrameReferenceExampleTest {

    @Test
    void stompFrameRepresentation() {
        StompFrame frame = StompFrame.raw(StompSpec.SEND,
                List.of(Map.entry("foo", "bar1"), Map.entry("foo", "bar2")), null, null);

        assertThat(frame).hasToString("StompFrame(command='SEND', rawHeaders=[('foo', 'bar1'), ('foo', 'bar2')])");
        assertThat(wire(frame)).isEqualTo("SEND\nfoo:bar1\nfoo:bar2\n\n\0");
        Map<String, Object> expectedMap = new LinkedHashMap<>();
        expectedMap.put("command", "SEND");
        expectedMap.put("rawHeaders", List.of(Map.entry("foo", "bar1"), Map.entry("foo", "bar2")));
        assertThat(frame.toMap()).containsExactlyEntriesOf(expectedMap);
        assertThat(frame.headers()).containsExactly(Map.entry("foo", "bar1"));

        frame.setHeaders(Map.of("foo", "bar3"));
        assertThat(frame.headers()).containsExactly(Map.entry("foo", "bar1"));

        frame.unraw();
        assertThat(frame).hasToString("StompFrame(command='SEND', headers={'foo': 'bar1'})");
        assertThat(wire(frame)).isEqualTo("SEND\nfoo:bar1\n\n\0");

        frame.setHeaders(Map.of("foo", "bar4"));
        assertThat(frame.headers()).containsExactly(Map.entry("foo", "bar4"));

        String fenetre = new String("fen\u00c3\u00aatre".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        StompFrame french = StompFrame.raw(StompSpec.SEND, List.of(Map.entry("some french", fenetre)), null,
                StompSpec.VERSION_1_0);
        // Java: a StompFrameError naming header and character instead of Python's UnicodeEncodeError.
        assertThatThrownBy(french::toBytes)
                .isInstanceOf(StompFrameError.class)
                .hasMessage("Cannot encode non-ASCII character '\u00ea' at position 3 in version 1.0 "
                        + "[text='fen\u00eatre', header='some french']");

        french.setVersion(StompSpec.VERSION_1_1);
        assertThat(wire(french)).isEqualTo("SEND\nsome french:fen\u00c3\u00aatre\n\n\0");
        assertThat(french.headers()).containsExactly(Map.entry("some french", "fen\u00eatre"));
    }

    /** The wire bytes, one char per byte, so that expectations read like the reference's byte literals. */
    private static String wire(StompItem item) {
        return new String(item.toBytes(), StandardCharsets.ISO_8859_1);
    }
}
