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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ceiling: what the broker takes and gives on one connection when the client does next to nothing. Frames are
 * encoded before the clock starts and written straight to the socket, one frame per write when producing without
 * receipts, through a 4 KiB buffer otherwise: Artemis 2.55 slows down when a client outruns its STOMP decoder and its
 * reads grow (see {@link RawStomp}), so the fastest way in is not the biggest write. Incoming frames are counted by
 * their NUL, and for the ACK round only the {@code ack} header is picked out of each head. A fresh connection per
 * round (outside the clock).
 */
public final class CeilingDriver extends Driver {
    private String uri;

    public static void main(String[] args) throws Exception {
        new CeilingDriver().main(args[0]);
    }

    @Override
    protected String name() {
        return "ceiling";
    }

    @Override
    protected String connect(String uri) throws Exception {
        this.uri = uri;
        new RawStomp(uri).close();
        return "ceiling: pre-encoded frames on a plain socket";
    }

    @Override
    protected long run(Scenario scenario, String destination, int count, byte[] body, int window) throws Exception {
        try (RawStomp stomp = new RawStomp(uri)) {
            switch (scenario) {
                case PRODUCE:
                    return produce(stomp, destination, count, body);
                case PRODUCE_RECEIPT:
                    return produceWithReceipts(stomp, destination, count, body, window);
                case CONSUME_AUTO:
                    return consume(stomp, destination, count, false);
                case CONSUME_ACK:
                    return consume(stomp, destination, count, true);
                default:
                    throw new IllegalArgumentException(scenario.name());
            }
        }
    }

    private static long produce(RawStomp stomp, String destination, int count, byte[] body) throws IOException {
        byte[] frame = RawStomp.send(destination, body, null);
        OutputStream out = stomp.out();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            out.write(frame);
            out.flush(); // one frame per write: a client that outruns Artemis' decoder makes it slower (RawStomp)
        }
        stomp.barrier(destination, body);
        return System.nanoTime() - start;
    }

    private static long produceWithReceipts(RawStomp stomp, String destination, int count, byte[] body, int window)
            throws Exception {
        byte[][] frames = new byte[count][];
        for (int i = 0; i < count; i++) {
            frames[i] = RawStomp.send(destination, body, "r" + i);
        }
        Semaphore permits = new Semaphore(window);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        InputStream in = stomp.in();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[64 * 1024];
            int receipts = 0;
            try {
                while (receipts < count) {
                    int n = in.read(buf);
                    if (n < 0) {
                        throw new IOException("Connection closed after " + receipts + " receipts");
                    }
                    int seen = 0;
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == 0) {
                            seen++;
                        }
                    }
                    receipts += seen;
                    permits.release(seen);
                }
            } catch (Throwable e) {
                failure.set(e);
                permits.release(count);
            }
        }, "ceiling-receipts");
        long start = System.nanoTime();
        reader.start();
        OutputStream out = stomp.out();
        for (byte[] frame : frames) {
            if (!permits.tryAcquire()) {
                out.flush();
                permits.acquire();
            }
            out.write(frame);
        }
        out.flush();
        reader.join();
        long nanos = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IOException("Receipts failed", failure.get());
        }
        return nanos;
    }

    private static long consume(RawStomp stomp, String destination, int count, boolean ack) throws IOException {
        long start = System.nanoTime();
        stomp.write("SUBSCRIBE\nid:0\ndestination:" + destination + "\nack:"
                + (ack ? "client-individual" : "auto") + "\n\n\0");
        stomp.flush();
        InputStream in = stomp.in();
        OutputStream out = stomp.out();
        byte[] buf = new byte[64 * 1024];
        byte[] line = new byte[1024];
        int lineLength = 0;
        boolean head = true;
        boolean atLineStart = true;
        boolean message = false;
        boolean firstLine = true;
        String ackId = null;
        int received = 0;
        while (received < count) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("Connection closed after " + received + " messages");
            }
            if (!ack) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == 0) {
                        received++;
                    }
                }
                continue;
            }
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (head) {
                    if (b == '\n') {
                        if (atLineStart && firstLine) {
                            continue; // a heart-beat or the LF Artemis puts after each NUL
                        }
                        if (lineLength == 0) {
                            head = false; // the empty line: the body follows
                        } else if (firstLine) {
                            message = lineLength == 7 && new String(line, 0, 7, StandardCharsets.US_ASCII)
                                    .equals("MESSAGE");
                            firstLine = false;
                        } else if (lineLength > 4 && line[0] == 'a' && line[1] == 'c' && line[2] == 'k'
                                && line[3] == ':') {
                            ackId = new String(line, 4, lineLength - 4, StandardCharsets.UTF_8);
                        }
                        lineLength = 0;
                        atLineStart = true;
                    } else if (b != '\r') {
                        atLineStart = false;
                        if (lineLength < line.length) {
                            line[lineLength++] = b;
                        }
                    }
                } else if (b == 0) {
                    if (message) {
                        received++;
                        out.write(("ACK\nid:" + ackId + "\n\n\0").getBytes(StandardCharsets.UTF_8));
                    }
                    head = true;
                    firstLine = true;
                    atLineStart = true;
                    message = false;
                    ackId = null;
                }
            }
            out.flush();
        }
        return System.nanoTime() - start;
    }

    @Override
    protected void disconnect() {
        // a connection per round, closed by the round
    }
}
