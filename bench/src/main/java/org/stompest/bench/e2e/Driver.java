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

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import org.stompest.bench.shared.AllocationMeter;
import org.stompest.bench.shared.Latency;
import org.stompest.bench.shared.LineProtocol;

/**
 * The line protocol every client under test speaks with the orchestrator ({@link EndToEnd}), over its standard
 * input and output; the Vert.x and stomp.py drivers repeat it in their own language.
 * <pre>
 * driver:        READY &lt;what it is&gt;                    after connecting
 * orchestrator:  &lt;scenario&gt; &lt;destination&gt; &lt;count&gt; &lt;bodySize&gt; &lt;window&gt;
 * driver:        DONE &lt;nanos&gt; [&lt;bytes allocated on the heap, -1 unknown&gt;]   or   FAIL &lt;message&gt;
 * orchestrator:  latency &lt;destination&gt; &lt;msg/s&gt; &lt;millis&gt; &lt;bodySize&gt; &lt;file&gt;
 * driver:        DONE &lt;messages received&gt;   (one latency in ns per line in the file; see {@link Latency})
 * orchestrator:  relay &lt;from&gt; &lt;to&gt; &lt;count&gt; &lt;bodySize&gt; [&lt;producer options&gt;]   (Camel only)
 * driver:        DONE &lt;nanos&gt;
 * orchestrator:  quit
 * </pre>
 * Anything else a driver prints is logged and ignored. The driver connects once and keeps its connection (and its
 * JIT-compiled code) across rounds, as an application would. Drivers log in as guest/guest with virtual host
 * {@code /}: RabbitMQ needs both, Artemis (security off) and Classic ignore them.
 */
public abstract class Driver {
    static final String LOGIN = "guest";
    static final String PASSCODE = "guest";
    static final String VIRTUAL_HOST = "/";

    /** The protocol's channel: System.out is pointed at stderr so that library logging cannot interleave. */
    private final PrintStream protocol = System.out;

    protected abstract String connect(String uri) throws Exception;

    protected abstract long run(Scenario scenario, String destination, int count, byte[] body, int window)
            throws Exception;

    protected abstract void disconnect() throws Exception;

    /** The client's name in profile file names. */
    protected abstract String name();

    /**
     * For the latency run: subscribes with {@code ack:auto} and hands each message's body to {@code onBody}; closing
     * the result unsubscribes.
     */
    protected AutoCloseable subscribe(String destination, Consumer<byte[]> onBody) throws Exception {
        throw new UnsupportedOperationException(name() + " has no latency run");
    }

    /** For the latency run: one SEND without a receipt. */
    protected void send(String destination, byte[] body) throws Exception {
        throw new UnsupportedOperationException(name() + " has no latency run");
    }

    /**
     * Relays {@code count} messages from one queue to another, with {@code producerOptions} (URI query, "" for
     * none) on the sending end; the time until the last has gone on.
     */
    protected long relay(String from, String to, int count, int bodySize, String producerOptions) throws Exception {
        throw new UnsupportedOperationException(name() + " has no relay");
    }

    @SuppressWarnings("try") // the sampler only needs closing
    protected final void main(String uri) throws Exception {
        System.setOut(System.err);
        protocol.println("READY " + connect(uri));
        protocol.flush();
        LineProtocol.serve(protocol, words -> {
            if (words[0].equals("latency")) {
                long[] latencies = Latency.run(this::subscribe, this::send, words[1], Integer.parseInt(words[2]),
                        Long.parseLong(words[3]), Integer.parseInt(words[4]));
                return "DONE " + Latency.write(latencies, Path.of(words[5]));
            }
            if (words[0].equals("relay")) {
                return "DONE " + relay(words[1], words[2], Integer.parseInt(words[3]), Integer.parseInt(words[4]),
                        words.length > 5 ? words[5] : "");
            }
            byte[] body = new byte[Integer.parseInt(words[3])];
            Arrays.fill(body, (byte) 'x');
            Scenario scenario = Scenario.of(words[0]);
            long nanos;
            AllocationMeter allocation = new AllocationMeter().start();
            try (StackSampler sampler = StackSampler.forRun(name() + "-" + scenario.wireName(),
                    name() + " " + scenario.title())) {
                nanos = run(scenario, words[1], Integer.parseInt(words[2]), body, Integer.parseInt(words[4]));
            }
            return "DONE " + nanos + " " + allocation.stop();
        });
        try {
            disconnect();
        } finally {
            System.exit(0);
        }
    }
}
