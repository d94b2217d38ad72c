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

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Send-to-receive latency at a fixed rate, sender and receiver in one process (one clock). Message {@code i} is due
 * at {@code start + i / rate}; the sender waits for that instant (or sends at once when it is late) and the body
 * carries {@code i} and the due instant. The receiver takes {@code now - due}: measuring from the intended send time
 * rather than the actual one keeps a stalled sender from hiding the stall (coordinated omission). The body is
 * {@code <i>:<due - base>;} padded with {@code x} to the body size.
 *
 * <p>Shared source ({@code bench/src/shared/java}) of the bench module's drivers and the Vert.x driver (bench/vertx).
 */
public final class Latency {
    private Latency() {
    }

    /** The client under test: subscribes with ack:auto, handing each body on; closing the result unsubscribes. */
    public interface Subscriber {
        AutoCloseable subscribe(String destination, Consumer<byte[]> onBody) throws Exception;
    }

    /** The client under test: one SEND without a receipt. */
    public interface Sender {
        void send(String destination, byte[] body) throws Exception;
    }

    /** Latency in ns of each message by its number; -1 for a message that did not arrive within 10 s of the last send. */
    public static long[] run(Subscriber subscriber, Sender sender, String destination, int rate, long millis,
                             int bodySize) throws Exception {
        int count = (int) (rate * millis / 1000);
        long period = 1_000_000_000L / rate;
        long[] latencies = new long[count];
        Arrays.fill(latencies, -1);
        AtomicInteger received = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(1);
        long base = System.nanoTime();
        try (AutoCloseable subscription = subscriber.subscribe(destination, body -> {
            long now = System.nanoTime();
            long[] numberAndDue = parseBody(body);
            latencies[(int) numberAndDue[0]] = now - (base + numberAndDue[1]);
            if (received.incrementAndGet() == count) {
                all.countDown();
            }
        })) {
            Thread.sleep(200); // the SUBSCRIBE reaches the broker before the first SEND
            long start = System.nanoTime() + period;
            for (int i = 0; i < count; i++) {
                long due = start + i * period;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                sender.send(destination, body(i, due - base, bodySize));
            }
            all.await(10, TimeUnit.SECONDS);
        }
        return latencies;
    }

    /** {@code <i>:<due>;} padded with {@code x} to {@code size} bytes (longer when the head does not fit). */
    static byte[] body(int i, long due, int size) {
        byte[] head = (i + ":" + due + ";").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[Math.max(size, head.length)];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(head, 0, body, 0, head.length);
        return body;
    }

    /** {i, due} from a body made by {@link #body}. */
    static long[] parseBody(byte[] body) {
        int colon = indexOf(body, (byte) ':');
        int semicolon = indexOf(body, (byte) ';');
        return new long[] {parse(body, 0, colon), parse(body, colon + 1, semicolon)};
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("Not a latency body: no '" + (char) b + "'");
    }

    private static long parse(byte[] bytes, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }

    /** Writes one latency per line (-1 for a lost message) and returns how many arrived. */
    public static int write(long[] latencies, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        int arrived = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (long latency : latencies) {
                out.write(Long.toString(latency));
                out.write('\n');
                if (latency >= 0) {
                    arrived++;
                }
            }
        }
        return arrived;
    }
}
