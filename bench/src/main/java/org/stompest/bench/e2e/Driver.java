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
package org.stompest.bench.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The line protocol every client under test speaks with the orchestrator ({@link EndToEnd}), over its standard
 * input and output; the Vert.x and stomp.py drivers repeat it in their own language.
 * <pre>
 * driver:        READY &lt;what it is&gt;                    after connecting
 * orchestrator:  &lt;scenario&gt; &lt;destination&gt; &lt;count&gt; &lt;bodySize&gt; &lt;window&gt;
 * driver:        DONE &lt;nanos&gt;   or   FAIL &lt;message&gt;
 * orchestrator:  quit
 * </pre>
 * Anything else a driver prints is logged and ignored. The driver connects once and keeps its connection (and its
 * JIT-compiled code) across rounds, as an application would.
 */
public abstract class Driver {
    /** The protocol's channel: System.out is pointed at stderr so that library logging cannot interleave. */
    private final PrintStream protocol = System.out;

    protected abstract String connect(String uri) throws Exception;

    protected abstract long run(Scenario scenario, String destination, int count, byte[] body, int window)
            throws Exception;

    protected abstract void disconnect() throws Exception;

    /** The client's name in profile file names. */
    protected abstract String name();

    @SuppressWarnings("try") // the sampler only needs closing
    protected final void main(String uri) throws Exception {
        System.setOut(System.err);
        protocol.println("READY " + connect(uri));
        protocol.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = commands.readLine()) != null && !line.equals("quit")) {
            String[] words = line.trim().split(" ");
            try {
                byte[] body = new byte[Integer.parseInt(words[3])];
                Arrays.fill(body, (byte) 'x');
                Scenario scenario = Scenario.of(words[0]);
                long nanos;
                try (StackSampler sampler = StackSampler.forRun(name() + "-" + scenario.wireName(),
                        name() + " " + scenario.title())) {
                    nanos = run(scenario, words[1], Integer.parseInt(words[2]), body, Integer.parseInt(words[4]));
                }
                protocol.println("DONE " + nanos);
            } catch (Throwable e) {
                e.printStackTrace();
                protocol.println("FAIL " + String.valueOf(e).replace('\n', ' '));
            }
            protocol.flush();
        }
        try {
            disconnect();
        } finally {
            System.exit(0);
        }
    }
}
