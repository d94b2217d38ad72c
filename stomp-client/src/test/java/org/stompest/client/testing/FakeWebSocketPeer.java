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
package org.stompest.client.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A scripted WebSocket server (RFC 6455, written here so that the client is tested against code of another hand) on a
 * loopback port: answers the upgrade with the first offered sub-protocol (or a status you choose), records every
 * message the client sends with its opcode, answers pings, and sends whatever the test asks: whole messages,
 * messages in continuation frames, pings, Close, or raw bytes.
 * <pre>
 * try (FakeWebSocketPeer peer = FakeWebSocketPeer.start()) {
 *     connection.connectAsync();                                  // failover ws://127.0.0.1:port/ws
 *     FakeWebSocketPeer.Connection conn = peer.awaitConnection(Duration.ofSeconds(5));
 *     conn.awaitMessage(Duration.ofSeconds(5));                   // CONNECT, one binary message
 *     conn.sendBinary(connected);                                 // or split: conn.sendBinary(part) per byte
 * }
 * </pre>
 */
public final class FakeWebSocketPeer implements AutoCloseable {
    public static final int TEXT = 1;
    public static final int BINARY = 2;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final BlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private volatile String refusal;

    private FakeWebSocketPeer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-ws-acceptor-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FakeWebSocketPeer start() throws IOException {
        return new FakeWebSocketPeer();
    }

    /** {@code ws://127.0.0.1:<port>/ws}. */
    public String uri() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/ws";
    }

    /** Answers every later upgrade with this status line instead (e.g. {@code 404 Not Found}), then closes. */
    public void refuseWith(String status) {
        this.refusal = status;
    }

    /** The next upgraded connection, or TimeoutException. */
    public Connection awaitConnection(Duration timeout) throws InterruptedException, TimeoutException {
        Connection connection = accepted.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (connection == null) {
            throw new TimeoutException("No WebSocket connection within " + timeout);
        }
        return connection;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread handshake = new Thread(() -> upgrade(socket), "fake-ws-" + socket.getPort());
                handshake.setDaemon(true);
                handshake.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void upgrade(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            Map<String, String> headers = new LinkedHashMap<>();
            String requestLine = line(in);
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            OutputStream out = socket.getOutputStream();
            String refused = refusal;
            if (refused != null) {
                out.write(("HTTP/1.1 " + refused + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.close();
                return;
            }
            String offered = headers.getOrDefault("sec-websocket-protocol", "");
            String chosen = offered.split(",")[0].trim();
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((headers.get("sec-websocket-key") + GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n"
                    + (chosen.isEmpty() ? "" : "Sec-WebSocket-Protocol: " + chosen + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Connection connection = new Connection(socket, requestLine, headers);
            connections.add(connection);
            accepted.add(connection);
            connection.read();
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            closeQuietly(socket);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("EOF in the HTTP head");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.forEach(Connection::close);
    }

    /** A message the client sent: its opcode ({@link #TEXT} or {@link #BINARY}) and payload. */
    public record Message(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The STOMP command: the payload up to its first LF. */
        public String command() {
            String text = text();
            int lf = text.indexOf('\n');
            return lf < 0 ? text : text.substring(0, lf);
        }
    }

    /** One upgraded connection. */
    public static final class Connection {
        private final Socket socket;
        private final String requestLine;
        private final Map<String, String> headers;
        private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        private final BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
        private final Object writeLock = new Object();

        Connection(Socket socket, String requestLine, Map<String, String> headers) {
            this.socket = socket;
            this.requestLine = requestLine;
            this.headers = headers;
        }

        /** {@code GET /ws HTTP/1.1}. */
        public String requestLine() {
            return requestLine;
        }

        /** The upgrade request's headers, names in lower case. */
        public Map<String, String> headers() {
            return headers;
        }

        /** The next data message the client sent (heart-beats included), or TimeoutException. */
        public Message awaitMessage(Duration timeout) throws InterruptedException, TimeoutException {
            Message message = messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new TimeoutException("No message within " + timeout);
            }
            return message;
        }

        /** The next message whose STOMP command is {@code command}, skipping others (heart-beats). */
        public Message awaitCommand(String command, Duration timeout) throws InterruptedException, TimeoutException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Message message = awaitMessage(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (message.command().equals(command)) {
                    return message;
                }
            }
        }

        /** The payload of the next pong the client sent, or TimeoutException. */
        public byte[] awaitPong(Duration timeout) throws InterruptedException, TimeoutException {
            byte[] pong = pongs.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (pong == null) {
                throw new TimeoutException("No pong within " + timeout);
            }
            return pong;
        }

        public void sendBinary(byte[] payload) throws IOException {
            frame(true, BINARY, payload);
        }

        public void sendText(String payload) throws IOException {
            frame(true, TEXT, payload.getBytes(StandardCharsets.UTF_8));
        }

        /** One message in {@code parts.length} frames: the first with {@code opcode}, then continuations. */
        public void sendInFrames(int opcode, byte[]... parts) throws IOException {
            for (int i = 0; i < parts.length; i++) {
                frame(i == parts.length - 1, i == 0 ? opcode : 0, parts[i]);
            }
        }

        public void ping(byte[] payload) throws IOException {
            frame(true, 9, payload);
        }

        /** A Close message with {@code code} and {@code reason}; the socket stays open until the client closes. */
        public void sendClose(int code, String reason) throws IOException {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + text.length];
            payload[0] = (byte) (code >> 8);
            payload[1] = (byte) code;
            System.arraycopy(text, 0, payload, 2, text.length);
            frame(true, 8, payload);
        }

        /** One unmasked frame as a server sends it. */
        public void frame(boolean fin, int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
            frame.write((fin ? 0x80 : 0) | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length < 65536) {
                frame.write(126);
                frame.write(payload.length >> 8);
                frame.write(payload.length);
            } else {
                frame.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >> shift));
                }
            }
            frame.write(payload);
            synchronized (writeLock) {
                OutputStream out = socket.getOutputStream();
                out.write(frame.toByteArray());
                out.flush();
            }
        }

        /** Closes the TCP connection without a Close message. */
        public void close() {
            closeQuietly(socket);
        }

        public boolean isClosed() {
            return socket.isClosed();
        }

        private void read() {
            try {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                int messageOpcode = 0;
                while (true) {
                    int first = in.readUnsignedByte();
                    int second = in.readUnsignedByte();
                    long length = second & 0x7f;
                    if (length == 126) {
                        length = in.readUnsignedShort();
                    } else if (length == 127) {
                        length = in.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((second & 0x80) != 0) {
                        in.readFully(mask);
                    }
                    byte[] payload = new byte[(int) length];
                    in.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    int opcode = first & 0x0f;
                    if (opcode == 9) {
                        frame(true, 10, payload);
                    } else if (opcode == 10) {
                        pongs.add(payload);
                    } else if (opcode == 8) {
                        frame(true, 8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                        close();
                        return;
                    } else {
                        messageOpcode = opcode == 0 ? messageOpcode : opcode;
                        message.write(payload);
                        if ((first & 0x80) != 0) {
                            messages.add(new Message(messageOpcode, message.toByteArray()));
                            message.reset();
                        }
                    }
                }
            } catch (IOException e) {
                close();
            }
        }
    }
}
