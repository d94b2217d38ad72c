package org.stompest.jmx;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The {@code watch} screen: a title line (target, interval, time) above the connection table. In ANSI mode each
 * frame starts with cursor-home and clear-screen, so a terminal redraws in place; otherwise frames follow each
 * other, separated by a blank line, which suits logs and pipes.
 */
public final class LiveView {
    /** Cursor home, then clear the screen. */
    public static final String HOME_AND_CLEAR = "\u001b[H\u001b[2J";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LiveView() {
    }

    public static String frame(List<ConnectionView> views, String target, long intervalMillis, LocalTime time,
                               boolean ansi) {
        StringBuilder b = new StringBuilder();
        if (ansi) {
            b.append(HOME_AND_CLEAR);
        }
        b.append(CommandLine.PROGRAM).append(" watch  ").append(target)
                .append("  every ").append(intervalMillis).append(" ms  ").append(TIME.format(time))
                .append(ansi ? "  (Ctrl-C to quit)" : "").append('\n');
        b.append(TableFormatter.connections(views));
        if (!ansi) {
            b.append('\n');
        }
        return b.toString();
    }
}
