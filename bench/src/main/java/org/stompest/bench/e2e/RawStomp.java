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

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * STOMP 1.2 straight on a socket with no client library: pre-encoded frames out, frames counted by their NUL
 * on the way in. The ceiling of the end-to-end table and the tool that fills queues before a consume round.
 * Bodies of this benchmark never hold a NUL, so counting NULs counts frames.
 *
 * <p>Writes go out in pieces of at most {@link #WRITE_CHUNK} bytes. Artemis' STOMP decoder (2.55) moves the
 * unread rest of its working buffer to the front after every frame it decodes, so one large read of many small
 * frames costs it time quadratic in the read size: 100,000 SENDs written in 16 KiB or 64 KiB pieces arrive about
 * half as fast as in 4 KiB pieces on this machine.
 */
public final class RawStomp implements AutoCloseable {
    private static final int READ_BUFFER = 64 * 1024;
    /** The largest write: big enough to save system calls, small enough for Artemis' decoder (see above). */
    static final int WRITE_CHUNK = 4 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[READ_BUFFER];

    /** Connects and waits for CONNECTED; {@code uri} is {@code tcp://host:port}. */
    public RawStomp(String uri) throws IOException {
        URI parsed = URI.create(uri);
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(parsed.getHost(), parsed.getPort()), 10_000);
        socket.setSoTimeout(120_000);
        in = socket.getInputStream();
        out = new BufferedOutputStream(socket.getOutputStream(), WRITE_CHUNK);
        // guest on virtual host /: RabbitMQ needs both; Artemis (security off) and Classic ignore them
        write("CONNECT\naccept-version:1.2\nhost:/\nlogin:guest\npasscode:guest\nheart-beat:0,0\n\n\0");
        out.flush();
        byte[] frame = readFrame();
        String head = new String(frame, StandardCharsets.UTF_8);
        if (!head.startsWith("CONNECTED")) {
            throw new IOException("Expected CONNECTED but was: " + head);
        }
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    /** Writes {@code bytes} in pieces of at most {@link #WRITE_CHUNK}, each flushed. */
    void writeChunked(byte[] bytes) throws IOException {
        out.flush();
        for (int off = 0; off < bytes.length; off += WRITE_CHUNK) {
            out.write(bytes, off, Math.min(WRITE_CHUNK, bytes.length - off));
            out.flush();
        }
    }

    void write(String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
    }

    void flush() throws IOException {
        out.flush();
    }

    /** One SEND frame as the clients under test send it: destination, content-length, the body. */
    static byte[] send(String destination, byte[] body, String receipt) {
        String head = "SEND\ndestination:" + destination + "\ncontent-length:" + body.length + "\n"
                + (receipt == null ? "" : "receipt:" + receipt + "\n") + "\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[headBytes.length + body.length + 1];
        System.arraycopy(headBytes, 0, frame, 0, headBytes.length);
        System.arraycopy(body, 0, frame, headBytes.length, body.length);
        return frame;
    }

    /** {@code count} SEND frames back to back (with receipts {@code r0..} when asked). */
    static byte[] sends(String destination, byte[] body, int count, boolean receipts) {
        int size = 0;
        byte[][] frames = new byte[count][];
        for (int i = 0; i < count; i++) {
            frames[i] = send(destination, body, receipts ? "r" + i : null);
            size += frames[i].length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] frame : frames) {
            System.arraycopy(frame, 0, all, at, frame.length);
            at += frame.length;
        }
        return all;
    }

    /** Sends a frame with {@code receipt:barrier} and reads until a RECEIPT arrives (nothing else is expected). */
    void barrier(String destination, byte[] body) throws IOException {
        out.write(send(destination, body, "barrier"));
        out.flush();
        byte[] frame = readFrame();
        String head = new String(frame, 0, Math.min(frame.length, 200), StandardCharsets.UTF_8);
        if (!head.startsWith("RECEIPT")) {
            throw new IOException("Expected RECEIPT but was: " + head);
        }
    }

    /** Puts {@code count} messages on {@code destination} and returns once the broker has taken them all. */
    public static void fill(String uri, String destination, byte[] body, int count) throws IOException {
        try (RawStomp stomp = new RawStomp(uri)) {
            if (body.length >= WRITE_CHUNK) { // large bodies frame by frame: no array of all of them at once
                byte[] frame = send(destination, body, null);
                for (int i = 0; i < count - 1; i++) {
                    stomp.writeChunked(frame);
                }
            } else {
                stomp.writeChunked(sends(destination, body, count - 1, false));
            }
            stomp.barrier(destination, body); // the last message asks for the receipt
        }
    }

    private int pos;
    private int lim;

    /** The next frame's bytes up to its NUL (heart-beat LFs before it skipped). */
    byte[] readFrame() throws IOException {
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
        while (true) {
            if (pos == lim) {
                lim = in.read(buf);
                pos = 0;
                if (lim < 0) {
                    throw new IOException("Connection closed by the broker");
                }
            }
            byte b = buf[pos++];
            if (b == 0) {
                return frame.toByteArray();
            }
            if (frame.size() == 0 && (b == '\n' || b == '\r')) {
                continue;
            }
            frame.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            write("DISCONNECT\n\n\0");
            out.flush();
        } catch (IOException ignored) {
            // closing anyway
        }
        socket.close();
    }
}
