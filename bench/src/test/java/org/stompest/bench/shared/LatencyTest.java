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
package org.stompest.bench.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyTest {
    @Test
    void aBodyCarriesItsNumberAndDueInstantPaddedToTheSize() {
        byte[] body = Latency.body(42, 123_456_789L, 100);

        assertEquals(100, body.length);
        assertEquals("42:123456789;xxx", new String(body, 0, 16, StandardCharsets.US_ASCII));
        assertArrayEquals(new long[] {42, 123_456_789L}, Latency.parseBody(body));
    }

    @Test
    void aBodySmallerThanItsHeadKeepsTheWholeHead() {
        byte[] body = Latency.body(7, 5_000_000_000L, 4);

        assertEquals("7:5000000000;", new String(body, StandardCharsets.US_ASCII));
        assertArrayEquals(new long[] {7, 5_000_000_000L}, Latency.parseBody(body));
    }

    @Test
    void aBodyWithoutTheHeadIsRefusedNamingWhatIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Latency.parseBody("xxxx".getBytes(StandardCharsets.US_ASCII)));

        assertEquals("Not a latency body: no ':'", e.getMessage());
    }

    @Test
    void writeGivesOneLatencyPerLineAndCountsTheArrived(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve("latencies.txt");

        int arrived = Latency.write(new long[] {1500, -1, 20}, file);

        assertEquals(2, arrived);
        assertEquals(List.of("1500", "-1", "20"), Files.readAllLines(file));
    }
}
