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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveViewTest {
    static final List<ConnectionView> ONE = List.of(ConnectionView.of("c", Map.of("State", "CONNECTED")));

    @Test
    void ansiFrameStartsWithHomeAndClear() {
        String frame = LiveView.frame(ONE, "pid 42", 1000, LocalTime.of(9, 5, 7), true);
        assertThat(frame).isEqualTo("\u001b[H\u001b[2J"
                + "jmx-console watch  pid 42  every 1000 ms  09:05:07  (Ctrl-C to quit)\n"
                + TableFormatter.connections(ONE));
    }

    @Test
    void plainFramesFollowEachOtherWithABlankLine() {
        String frame = LiveView.frame(ONE, "pid 42", 250, LocalTime.of(23, 0), false);
        assertThat(frame).doesNotContain("\u001b").isEqualTo(
                "jmx-console watch  pid 42  every 250 ms  23:00:00\n" + TableFormatter.connections(ONE) + "\n");
    }
}
