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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The orchestrator's line protocol on a child process's standard input and output: one command per line, one answer
 * line for each, until {@code quit} or the end of input. Brokers and drivers (the Vert.x one included) serve it.
 */
public final class LineProtocol {
    /** Answers one command, given as its words, with one line. */
    @FunctionalInterface
    public interface Handler {
        String answer(String[] words) throws Exception;
    }

    private LineProtocol() {
    }

    /** Serves commands until {@code quit}; a failure answers {@code FAIL <it>}, its stack trace going to stderr. */
    public static void serve(PrintStream protocol, Handler handler) throws IOException {
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = commands.readLine()) != null && !line.equals("quit")) {
            String answer;
            try {
                answer = handler.answer(line.trim().split(" "));
            } catch (Throwable e) {
                e.printStackTrace();
                answer = "FAIL " + String.valueOf(e).replace('\n', ' ');
            }
            protocol.println(answer);
            protocol.flush();
        }
    }
}
