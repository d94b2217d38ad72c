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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plain-text output: the connection table of {@code list}, the attribute list of {@code show} and the table of
 * local JVMs. Columns are as wide as their widest cell, separated by two spaces; text is left-aligned, numbers
 * right-aligned; no line has trailing spaces. Missing values show as {@value Values#NONE}.
 */
public final class TableFormatter {
    /** A column of a table: its header, alignment and how to get its cell from a row. */
    record Column<T>(String header, boolean rightAligned, Function<T, String> cell) {
    }

    /** The columns of {@code list} and {@code watch}, declared once. */
    static final List<Column<ConnectionView>> CONNECTION_COLUMNS = List.of(
            new Column<>("NAME", false, ConnectionView::name),
            new Column<>("STATE", false, v -> Values.text(v.get(Attributes.STATE))),
            new Column<>("BROKER", false, v -> Values.text(v.get(Attributes.CURRENT_BROKER))),
            new Column<>("VERSION", false, v -> Values.text(v.get(Attributes.VERSION))),
            new Column<>("HEART-BEATS", false, TableFormatter::heartBeats),
            new Column<>("LAST-RECEIVED", true, v -> Values.duration(v.get(Attributes.LAST_RECEIVED_AGO_MILLIS))),
            new Column<>("ATTEMPTS", true, v -> Values.text(v.get(Attributes.FAILOVER_ATTEMPTS))),
            new Column<>("RECONNECTS", true, v -> Values.text(v.get(Attributes.RECONNECTS))),
            new Column<>("SUBS", true, v -> Values.text(v.get(Attributes.SUBSCRIPTIONS))));

    /** The columns of the local JVM list (no target given). */
    static final List<Column<LocalJvms.Jvm>> JVM_COLUMNS = List.of(
            new Column<>("PID", true, j -> String.valueOf(j.pid())),
            new Column<>("CONNECTIONS", false, j -> Values.text(j.connections())),
            new Column<>("MAIN", false, j -> Values.text(j.displayName())));

    private TableFormatter() {
    }

    /** The {@code list} table, one row per connection, or a note when there are none. */
    public static String connections(List<ConnectionView> views) {
        String table = table(CONNECTION_COLUMNS, views);
        return views.isEmpty() ? table + "(no stompest connections)\n" : table;
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

    /** "client/server ms" of the negotiated heart-beats; "-" for a missing side. */
    static String heartBeats(ConnectionView v) {
        Object client = v.get(Attributes.CLIENT_HEART_BEAT);
        Object server = v.get(Attributes.SERVER_HEART_BEAT);
        if (client == null && server == null) {
            return Values.NONE;
        }
        return Values.text(client) + "/" + Values.text(server) + " ms";
    }

    static <T> String table(List<Column<T>> columns, List<T> rows) {
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
        StringBuilder b = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder l = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                if (c > 0) {
                    l.append("  ");
                }
                l.append(pad(line[c], widths[c], columns.get(c).rightAligned()));
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
