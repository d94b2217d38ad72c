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
package org.stompest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @Test
    void barsAreAPngWithABarWhereThereIsAFigureAndNoneForNaN(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bars.png");

        Charts.bars(file, "title", "msg/s", List.of("produce", "consume"), List.of("stomp-client", "vertx"),
                new double[][] {{1000, Double.NaN}, {500, 250}});

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(560, image.getHeight());
        // the first group's first bar reaches the top of the plot; the white background is 0xffffff
        assertNotEquals(0xffffff, image.getRGB(105, 400) & 0xffffff);
    }

    @Test
    void percentilesAreAPngAndAClientWithoutFiguresIsLeftOut(@TempDir Path dir) throws Exception {
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        for (long v = 1; v <= 10_000; v++) {
            histogram.recordValue(v * 1_000);
        }
        Map<String, Histogram> byClient = new LinkedHashMap<>();
        byClient.put("stomp-client", histogram);
        byClient.put("camel", null);
        Path file = dir.resolve("latency.png");

        Charts.percentiles(file, "title", byClient);

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(560, image.getHeight());
    }
}
