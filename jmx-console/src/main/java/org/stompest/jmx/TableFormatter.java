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

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plain-text output: the connection table of {@code list}, the attribute list of {@code show} and the table of
 * local JVMs. Columns are as wide as their widest cell, separated by two spaces; text is left-aligned, numbers
 * right-aligned; no line has trailing spaces. Missing values show as {@value Values#NONE}.
 *
 * <p>The connection table fits {@value #WIDTH} columns: when its cells are wider, the shrinkable columns (name,
 * broker) are cut, widest first, and end in {@value #CUT}. Last errors, which are long, follow the table as one
 * line per connection that has one, cut to the same width.
 */
public final class TableFormatter {
    /** The width of a terminal that nothing in {@code list} or {@code watch} may exceed. */
    public static final int WIDTH = 80;
    static final String CUT = "~";
    private static final int MIN_CUT_WIDTH = 6;
    /** Lines a last error may take below the table. */
    private static final int ERROR_LINES = 2;
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A column of a table: its header, alignment, whether it may be cut to fit, and how to get its cell. */
    record Column<T>(String header, boolean rightAligned, boolean shrinkable, Function<T, String> cell) {
        Column(String header, boolean rightAligned, Function<T, String> cell) {
            this(header, rightAligned, false, cell);
        }
    }

    /** The columns of {@code list} and {@code watch}, declared once. */
    static final List<Column<ConnectionView>> CONNECTION_COLUMNS = List.of(
            new Column<>("NAME", false, true, ConnectionView::name),
            new Column<>("STATE", false, v -> Values.text(v.get(Attributes.STATE))),
            new Column<>("BROKER", false, true, TableFormatter::broker),
            new Column<>("BEATS", false, TableFormatter::heartBeats),
            new Column<>("LAST-RX", true, v -> Values.duration(v.get(Attributes.LAST_RECEIVED_AGO_MILLIS))),
            new Column<>("RECONN", true, v -> Values.text(v.get(Attributes.RECONNECTS))),
            new Column<>("NEXT", true, TableFormatter::nextDelay),
            new Column<>("SUBS", true, v -> Values.text(v.get(Attributes.SUBSCRIPTIONS))));

    /** The columns of the local JVM list (no target given). */
    static final List<Column<LocalJvms.Jvm>> JVM_COLUMNS = List.of(
            new Column<>("PID", true, j -> String.valueOf(j.pid())),
            new Column<>("CONNECTIONS", false, j -> Values.text(j.connections())),
            new Column<>("MAIN", false, j -> Values.text(j.displayName())));

    private TableFormatter() {
    }

    /**
     * The {@code list} table, one row per connection, or a note when there are none; then the last errors, with
     * their time of day in the system's zone.
     */
    public static String connections(List<ConnectionView> views) {
        return connections(views, ZoneId.systemDefault());
    }

    static String connections(List<ConnectionView> views, ZoneId zone) {
        String table = table(CONNECTION_COLUMNS, views, WIDTH);
        if (views.isEmpty()) {
            return table + "(no stompest connections)\n";
        }
        StringBuilder errors = new StringBuilder();
        int nameWidth = Math.min(WIDTH / 3, views.stream().mapToInt(v -> v.name().length()).max().orElse(0));
        for (ConnectionView v : views) {
            Object error = v.get(Attributes.LAST_ERROR);
            if (error != null) {
                String head = pad(cut(v.name(), nameWidth), nameWidth, false) + "  "
                        + timeOfDay(v.get(Attributes.LAST_ERROR_TIME), zone) + "  ";
                List<String> lines = wrap(compact(Values.text(error)), WIDTH - head.length(), ERROR_LINES);
                for (int i = 0; i < lines.size(); i++) {
                    errors.append(i == 0 ? head : " ".repeat(head.length())).append(lines.get(i)).append('\n');
                }
            }
        }
        return errors.length() == 0 ? table : table + "LAST ERROR\n" + errors;
    }

    /**
     * An error as short as it can be without losing what happened: no tcp://, no package names, no stompest error
     * type in front (the message says what failed).
     */
    static String compact(String error) {
        return error.replace("tcp://", "").replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z]\\w*)", "$1")
                .replaceAll("\\bStomp\\w*Error: ", "");
    }

    /** {@code text} in lines of at most {@code width}, broken at spaces, at most {@code maxLines} (the last cut). */
    static List<String> wrap(String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (!rest.isEmpty() && lines.size() < maxLines - 1 && rest.length() > width) {
            int space = rest.lastIndexOf(' ', width);
            int end = space > width / 2 ? space : width;
            lines.add(rest.substring(0, end).stripTrailing());
            rest = rest.substring(end).stripLeading();
        }
        if (!rest.isEmpty() || lines.isEmpty()) {
            lines.add(cut(rest, width));
        }
        return lines;
    }

    /** The local JVMs that have stompest connections. */
    public static String jvms(List<LocalJvms.Jvm> jvms) {
        return table(JVM_COLUMNS, jvms);
    }

    /** {@code show}: the object name, then one "Attribute  value" line per attribute. */
    public static String details(ConnectionView view) {
        int width = view.attributes().keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder b = new StringBuilder(view.objectName()).append('\n');
        for (Map.Entry<String, Object> e : view.attributes().entrySet()) {
            b.append("  ").append(pad(e.getKey(), width, false)).append("  ")
                    .append(Values.text(e.getKey(), e.getValue())).append('\n');
        }
        return b.toString();
    }

    /**
     * "client/server" periods of the negotiated heart-beats ({@code 10s/10s}, {@code 0} when a side is off); "-"
     * while not connected (during a reconnect there is no negotiated period, and "0" would read as "off").
     */
    static String heartBeats(ConnectionView v) {
        Object client = first(v, Attributes.CLIENT_HEART_BEAT, Attributes.OLD_CLIENT_HEART_BEAT);
        Object server = first(v, Attributes.SERVER_HEART_BEAT, Attributes.OLD_SERVER_HEART_BEAT);
        Object state = v.get(Attributes.STATE);
        if ((client == null && server == null) || (state != null && !"CONNECTED".equals(state))) {
            return Values.NONE;
        }
        return period(client) + "/" + period(server);
    }

    private static Object first(ConnectionView v, String attribute, String fallback) {
        Object value = v.get(attribute);
        return value != null ? value : v.get(fallback);
    }

    /** 10s, 1.5s, 250ms, 0 (off); "-" when missing. */
    private static String period(Object millis) {
        if (!(millis instanceof Number n)) {
            return Values.NONE;
        }
        long ms = n.longValue();
        if (ms <= 0) {
            return "0";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : Values.duration(ms);
    }

    /** The broker without the default {@code tcp://}: {@code 127.0.0.1:61613}, {@code ssl://host:61614}. */
    private static String broker(ConnectionView v) {
        String broker = Values.text(v.get(Attributes.CURRENT_BROKER));
        return broker.startsWith("tcp://") ? broker.substring("tcp://".length()) : broker;
    }

    /** The delay before the attempt in progress while not connected; "-" when connected or none. */
    private static String nextDelay(ConnectionView v) {
        Object delay = v.get(Attributes.NEXT_DELAY_MILLIS);
        if ("CONNECTED".equals(v.get(Attributes.STATE)) || !(delay instanceof Number n) || n.longValue() <= 0) {
            return Values.NONE;
        }
        return Values.duration(delay);
    }

    private static String timeOfDay(Object isoOrMillis, ZoneId zone) {
        try {
            Instant at = isoOrMillis instanceof Number n ? Instant.ofEpochMilli(n.longValue())
                    : isoOrMillis == null ? null : Instant.parse(isoOrMillis.toString());
            return at == null ? "--:--:--" : TIME_OF_DAY.format(at.atZone(zone));
        } catch (DateTimeParseException e) {
            return "--:--:--";
        }
    }

    /** {@code s} cut to {@code width} characters, ending in {@value #CUT} when cut. */
    static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - CUT.length())) + CUT;
    }

    static <T> String table(List<Column<T>> columns, List<T> rows) {
        return table(columns, rows, Integer.MAX_VALUE);
    }

    /** The table; when wider than {@code maxWidth}, its shrinkable columns are cut, widest first. */
    static <T> String table(List<Column<T>> columns, List<T> rows, int maxWidth) {
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[columns.size()];
        String[] header = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            header[c] = columns.get(c).header();
            widths[c] = header[c].length();
        }
        cells.add(header);
        for (T row : rows) {
            String[] line = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                line[c] = Values.text(columns.get(c).cell().apply(row));
                widths[c] = Math.max(widths[c], line[c].length());
            }
            cells.add(line);
        }
        int total = 2 * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        while (total > maxWidth) {
            int widest = -1;
            for (int c = 0; c < widths.length; c++) {
                if (columns.get(c).shrinkable() && widths[c] > MIN_CUT_WIDTH
                        && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                break; // nothing left to cut
            }
            widths[widest]--;
            total--;
        }
        StringBuilder b = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder l = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                if (c > 0) {
                    l.append("  ");
                }
                l.append(pad(cut(line[c], widths[c]), widths[c], columns.get(c).rightAligned()));
            }
            b.append(l.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
