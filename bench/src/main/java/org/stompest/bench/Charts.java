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

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The report's pictures as PNG files, drawn with java.awt (headless) and written with ImageIO: grouped bars of
 * msg/s per scenario and client, and latency percentile distributions as HdrHistogram's plotter draws them (the x
 * axis is the percentile on a log scale of 1 / (1 - p), so 90 %, 99 %, 99.9 % ... are evenly spaced; here the
 * latency axis is logarithmic too, because clients differ by orders of magnitude).
 */
public final class Charts {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 110;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0x9467bd), new Color(0xff7f0e),
        new Color(0x2ca02c), new Color(0xd62728), new Color(0x7f7f7f), new Color(0x8c564b)};

    /** Each client keeps its colour in every picture. */
    private static final List<String> NAMES = List.of("stomp-client", "stomp-client-ws", "camel", "vertx", "stomp.py",
            "ceiling");

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static Color color(String name, int position) {
        int known = NAMES.indexOf(name);
        return PALETTE[(known >= 0 ? known : NAMES.size() + position) % PALETTE.length];
    }

    private Charts() {
    }

    /**
     * Grouped bars: one group per row of {@code values} (e.g. scenario), one bar per series (client) in each; NaN
     * draws no bar.
     */
    public static void bars(Path file, String title, String unit, List<String> groups, List<String> series,
                            double[][] values) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, title);
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double top = niceCeiling(max);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            double v = top * i / 5;
            int y = TOP + plotH - (int) (plotH * i / 5.0);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            drawRight(g, String.format("%,.0f", v), LEFT - 6, y + 4);
        }
        g.drawString(unit, 10, TOP - 12);
        int groupW = plotW / Math.max(1, groups.size());
        int barW = Math.max(4, (groupW - 20) / Math.max(1, series.size()));
        for (int gi = 0; gi < groups.size(); gi++) {
            int x0 = LEFT + gi * groupW + 10;
            for (int si = 0; si < series.size(); si++) {
                double v = values[gi][si];
                if (Double.isNaN(v) || top <= 0) {
                    continue;
                }
                int h = (int) (plotH * v / top);
                g.setColor(color(series.get(si), si));
                g.fillRect(x0 + si * barW, TOP + plotH - h, barW - 2, h);
            }
            g.setColor(Color.BLACK);
            drawCentered(g, groups.get(gi), LEFT + gi * groupW + groupW / 2, TOP + plotH + 18);
        }
        g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        legend(g, series, TOP + plotH + 45);
        write(image, file);
    }

    /** Latency by percentile, one line per client; the axes are log scales. */
    public static void percentiles(Path file, String title, Map<String, Histogram> byClient) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, title);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        double maxX = 5; // up to 99.999 %
        long maxValue = 1;
        long minValue = Long.MAX_VALUE;
        for (Histogram h : byClient.values()) {
            if (h != null && h.getTotalCount() > 0) {
                maxValue = Math.max(maxValue, h.getMaxValue());
                minValue = Math.min(minValue, Math.max(1, h.getMinValue()));
            }
        }
        double lowDecade = Math.floor(Math.log10(minValue == Long.MAX_VALUE ? 1_000 : minValue));
        double highDecade = Math.max(lowDecade + 1, Math.ceil(Math.log10(maxValue)));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double d = lowDecade; d <= highDecade; d++) {
            int y = TOP + plotH - (int) (plotH * (d - lowDecade) / (highDecade - lowDecade));
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            drawRight(g, duration(Math.pow(10, d)), LEFT - 6, y + 4);
        }
        String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int i = 0; i <= maxX; i++) {
            int x = LEFT + (int) (plotW * i / maxX);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP, x, TOP + plotH);
            g.setColor(Color.DARK_GRAY);
            drawCentered(g, labels[i], x, TOP + plotH + 18);
        }
        drawCentered(g, "percentile", LEFT + plotW / 2, TOP + plotH + 36);
        g.drawString("latency", 10, TOP - 12);
        List<String> names = new ArrayList<>(byClient.keySet());
        g.setStroke(new BasicStroke(2f));
        for (int si = 0; si < names.size(); si++) {
            Histogram h = byClient.get(names.get(si));
            if (h == null || h.getTotalCount() == 0) {
                continue;
            }
            g.setColor(color(names.get(si), si));
            int lastX = -1;
            int lastY = -1;
            for (HistogramIterationValue v : h.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo() / 100.0;
                double x = p >= 1 ? maxX : Math.min(maxX, Math.log10(1 / (1 - p)));
                double y = (Math.log10(Math.max(1, v.getValueIteratedTo())) - lowDecade) / (highDecade - lowDecade);
                int px = LEFT + (int) (plotW * x / maxX);
                int py = TOP + plotH - (int) (plotH * Math.min(1, Math.max(0, y)));
                if (lastX >= 0) {
                    g.drawLine(lastX, lastY, px, py);
                }
                lastX = px;
                lastY = py;
            }
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        legend(g, names, TOP + plotH + 60);
        write(image, file);
    }

    private static Graphics2D canvas(BufferedImage image, String title) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        drawCentered(g, title, image.getWidth() / 2, 28);
        return g;
    }

    private static void legend(Graphics2D g, List<String> names, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        int x = LEFT;
        for (int i = 0; i < names.size(); i++) {
            g.setColor(color(names.get(i), i));
            g.fillRect(x, y - 10, 14, 12);
            g.setColor(Color.BLACK);
            g.drawString(names.get(i), x + 20, y);
            x += 20 + fm.stringWidth(names.get(i)) + 24;
        }
    }

    private static void drawCentered(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    private static void drawRight(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text), y);
    }

    /** 1, 2, 5 times a power of ten, at least {@code max}. */
    private static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** Nanoseconds as ns, µs, ms or s. */
    private static String duration(double nanos) {
        if (nanos >= 1e9) {
            return String.format("%.0f s", nanos / 1e9);
        }
        if (nanos >= 1e6) {
            return String.format("%.0f ms", nanos / 1e6);
        }
        if (nanos >= 1e3) {
            return String.format("%.0f µs", nanos / 1e3);
        }
        return String.format("%.0f ns", nanos);
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
