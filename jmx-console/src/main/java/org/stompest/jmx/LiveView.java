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

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The {@code watch} screen: a title line (target, interval, time) above the connection table. In ANSI mode the
 * console switches to the terminal's alternate screen first ({@link #ENTER_ALTERNATE_SCREEN}) and back on exit
 * ({@link #LEAVE_ALTERNATE_SCREEN}), as {@code less} and {@code top} do, so the shell's screen is as it was
 * afterwards; each frame starts with cursor-home and clear-screen, so the terminal redraws in place. Otherwise
 * frames follow each other, separated by a blank line, which suits logs and pipes.
 */
public final class LiveView {
    /** Cursor home, then clear the screen. */
    public static final String HOME_AND_CLEAR = "\u001b[H\u001b[2J";
    /** Switch to the alternate screen (xterm's private mode 1049, which also saves the cursor). */
    public static final String ENTER_ALTERNATE_SCREEN = "\u001b[?1049h";
    /** Back to the normal screen, as it was before {@link #ENTER_ALTERNATE_SCREEN}. */
    public static final String LEAVE_ALTERNATE_SCREEN = "\u001b[?1049l";
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
