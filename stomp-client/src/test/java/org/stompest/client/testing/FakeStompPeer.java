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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.stompest.protocol.StompFrame;

/**
 * A scripted STOMP server on a loopback {@link ServerSocket}: answers CONNECT with the CONNECTED headers you choose,
 * records what the client sends, and on command goes silent, sends heart-beats or garbage, or closes.
 * <pre>
 * try (FakeStompPeer peer = FakeStompPeer.start()) {                 // 127.0.0.1, a free port
 *     peer.connectedHeaders(Map.of("version", "1.2", "heart-beat", "0,200"));   // promises a beat every 200 ms
 *     StompConnection c = new StompConnection(StompConfig.builder().failover(peer.uri()).build());
 *     c.connect();
 *     FakeStompPeer.Connection conn = peer.awaitConnection(Duration.ofSeconds(5));
 *     conn.beatEvery(Duration.ofMillis(200));  // ... then:
 *     conn.goSilent();                         // no more beats, receipts or answers: the client must notice
 *     conn.sendRaw("garbage\u0000");           // or a broken frame
 *     conn.close();                            // or EOF
 * }
 * </pre>
 *
 * <p>Every accepted socket gets its own reader thread (daemon). By default each CONNECT or STOMP frame is answered
 * with {@code CONNECTED} carrying {@link #connectedHeaders(Map)} (default {@code version:1.2}, {@code heart-beat:0,0},
 * {@code server:FakeStompPeer}, {@code session:fake-<n>}); {@link #onConnect(ConnectHandler)} replaces that answer
 * (send an ERROR and close, or say nothing to test the CONNECTED timeout). Every frame with a {@code receipt}
 * header is answered with a RECEIPT while {@link #autoReceipts(boolean)} is on (the default) and the connection is
 * not silent; a DISCONNECT's receipt is answered too, after which the peer closes that socket. How a frame is
 * answered is decided when it arrives, before {@link Connection#awaitFrame} returns it, so changing a setting after
 * awaiting a frame never changes that frame's answer.
 *
 * <p>Received frames are parsed by a deliberately small parser of its own (independent of the code under test):
 * header values are kept exactly as on the wire (not unescaped), {@code content-length} is honoured, LFs between
 * frames count as heart-beats. Frames carry version 1.2 for rendering.
 */
public final class FakeStompPeer implements AutoCloseable {
    /** Answers a CONNECT (or STOMP) frame; it may send anything and close the connection. */
    @FunctionalInterface
    public interface ConnectHandler {
        void onConnect(Connection connection, StompFrame connect) throws IOException;
    }

    /** Answers any other frame, on the peer's reader thread, after its RECEIPT (e.g. a MESSAGE for a SUBSCRIBE). */
    @FunctionalInterface
    public interface FrameHandler {
        void onFrame(Connection connection, StompFrame frame) throws IOException;
    }

    private final ServerSocket server;
    private final SSLContext sslContext;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-stomp-peer-beats");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger sessions = new AtomicInteger();
    private final Thread acceptor;
    private volatile Map<String, String> connectedHeaders =
            Map.of("version", "1.2", "heart-beat", "0,0", "server", "FakeStompPeer");
    private volatile ConnectHandler connectHandler;
    private volatile FrameHandler frameHandler;
    private volatile boolean autoReceipts = true;
    private int awaited;

    private FakeStompPeer(SSLContext sslContext) throws IOException {
        this.sslContext = sslContext;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.server = sslContext == null
                ? new ServerSocket(0, 50, loopback)
                : sslContext.getServerSocketFactory().createServerSocket(0, 50, loopback);
        this.acceptor = new Thread(this::accept, "fake-stomp-peer-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A plain TCP peer on 127.0.0.1 and a free port, accepting connections. */
    public static FakeStompPeer start() {
        try {
            return new FakeStompPeer(null);
        } catch (IOException e) {
            throw new IllegalStateException("Could not open the fake peer", e);
        }
    }

    /** A TLS peer presenting the context's certificate (e.g. {@link TestTls#serverSslContext()}). */
    public static FakeStompPeer startTls(SSLContext serverContext) {
        try {
            return new FakeStompPeer(Objects.requireNonNull(serverContext, "serverContext"));
        } catch (IOException e) {
            throw new IllegalStateException("Could not open the fake TLS peer", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code tcp://127.0.0.1:<port>}, or {@code ssl://localhost:<port>} for a TLS peer. */
    public String uri() {
        return sslContext == null ? "tcp://127.0.0.1:" + port() : "ssl://localhost:" + port();
    }

    /** The headers of every later CONNECTED answer ({@code session} is added unless given). */
    public FakeStompPeer connectedHeaders(Map<String, String> headers) {
        this.connectedHeaders = Map.copyOf(headers);
        return this;
    }

    /** Replaces the default CONNECTED answer; {@code null} restores it. */
    public FakeStompPeer onConnect(ConnectHandler handler) {
        this.connectHandler = handler;
        return this;
    }

    /** Also answers every frame other than CONNECT and STOMP with {@code handler}; {@code null} stops that. */
    public FakeStompPeer onFrame(FrameHandler handler) {
        this.frameHandler = handler;
        return this;
    }

    /** Whether frames with a {@code receipt} header get a RECEIPT (default true). */
    public FakeStompPeer autoReceipts(boolean on) {
        this.autoReceipts = on;
        return this;
    }

    /** How many connections were accepted so far. */
    public int connectionCount() {
        return connections.size();
    }

    /** Every accepted connection, oldest first. */
    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** The newest accepted connection, or null. */
    public Connection latest() {
        List<Connection> all = connections;
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /**
     * The next connection not returned by an earlier call (the first call returns the first connection), waiting
     * for it to be accepted.
     */
    public synchronized Connection awaitConnection(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connections.size() <= awaited) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("No connection #" + (awaited + 1) + " within " + timeout);
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return connections.get(awaited++);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Connection connection = new Connection(socket, connections.size() + 1);
                connections.add(connection);
                synchronized (this) {
                    notifyAll();
                }
                connection.reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Stops accepting (new connections are refused) and closes every connection. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Connection connection : connections) {
            connection.close();
        }
        beats.shutdownNow();
    }

    /** Wire bytes of a frame built as written: no escaping, {@code content-length} only if you pass it. */
    public static byte[] frame(String command, Map<String, String> headers, String body) {
        StringBuilder out = new StringBuilder(command).append('\n');
        headers.forEach((name, value) -> out.append(name).append(':').append(value).append('\n'));
        out.append('\n').append(body == null ? "" : body).append('\0');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One accepted socket. */
    public final class Connection {
        private final Socket socket;
        private final int number;
        private final Thread reader;
        private final OutputStream out;
        private final List<StompFrame> frames = new ArrayList<>();
        private final Map<String, Integer> returned = new HashMap<>();
        private final AtomicInteger heartBeats = new AtomicInteger();
        private volatile boolean silent;
        private volatile boolean closed;
        private ScheduledFuture<?> beating;

        private Connection(Socket socket, int number) throws IOException {
            this.socket = socket;
            this.number = number;
            this.out = socket.getOutputStream();
            this.reader = new Thread(this::read, "fake-stomp-peer-" + port() + "-" + number);
            reader.setDaemon(true);
        }

        /** 1 for the first connection the peer accepted. */
        public int number() {
            return number;
        }

        /** Every frame received so far, in order (heart-beats not included). */
        public synchronized List<StompFrame> frames() {
            return List.copyOf(frames);
        }

        /** How many heart-beats (LFs between frames) the client sent. */
        public int heartBeatsReceived() {
            return heartBeats.get();
        }

        /**
         * The next frame with this command not returned by an earlier call for the same command, waiting for it.
         */
        public synchronized StompFrame awaitFrame(String command, Duration timeout)
                throws TimeoutException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                int skip = returned.getOrDefault(command, 0);
                for (StompFrame frame : frames) {
                    if (frame.command().equals(command) && skip-- == 0) {
                        returned.merge(command, 1, Integer::sum);
                        return frame;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("No " + command + " frame within " + timeout + " [received="
                            + frames.stream().map(StompFrame::command).toList() + "]");
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }

        /** Sends the frame's wire bytes (rendered with its version's escaping). */
        public void send(StompFrame frame) throws IOException {
            sendRaw(frame.toBytes());
        }

        /** Sends these bytes as they are. */
        public void sendRaw(byte[] bytes) throws IOException {
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        }

        /** Sends the UTF-8 bytes of this text as they are (e.g. garbage, or a hand-written frame ending in NUL). */
        public void sendRaw(String text) throws IOException {
            sendRaw(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Sends one heart-beat (LF). */
        public void beat() throws IOException {
            sendRaw(new byte[] {'\n'});
        }

        /** Sends a heart-beat every period until {@link #goSilent()} or close. */
        public synchronized void beatEvery(Duration period) {
            stopBeating();
            long millis = Math.max(1, period.toMillis());
            beating = beats.scheduleAtFixedRate(() -> {
                try {
                    if (!silent && !closed) {
                        beat();
                    }
                } catch (IOException e) {
                    stopBeating();
                }
            }, millis, millis, TimeUnit.MILLISECONDS);
        }

        private synchronized void stopBeating() {
            if (beating != null) {
                beating.cancel(false);
                beating = null;
            }
        }

        /** Sends nothing any more (no beats, no receipts, no answers) but keeps the socket open and reads on. */
        public void goSilent() {
            silent = true;
            stopBeating();
        }

        public boolean isSilent() {
            return silent;
        }

        /** Closes the socket: the client sees EOF. */
        public void close() {
            closed = true;
            stopBeating();
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        /** True once this side closed or the client's EOF was read. */
        public boolean isClosed() {
            return closed;
        }

        private void read() {
            byte[] chunk = new byte[8192];
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    pending.write(chunk, 0, n);
                    byte[] data = pending.toByteArray();
                    int consumed = parse(data);
                    pending.reset();
                    pending.write(data, consumed, data.length - consumed);
                }
            } catch (SocketException e) {
                // closed
            } catch (IOException e) {
                // treated as EOF
            } finally {
                closed = true;
                stopBeating();
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                synchronized (this) {
                    notifyAll();
                }
            }
        }

        /** Parses complete items from the start of data; returns how many bytes were consumed. */
        private int parse(byte[] data) throws IOException {
            int pos = 0;
            while (pos < data.length) {
                if (data[pos] == '\n') {
                    heartBeats.incrementAndGet();
                    pos++;
                    continue;
                }
                if (data[pos] == '\r' && pos + 1 < data.length && data[pos + 1] == '\n') {
                    heartBeats.incrementAndGet();
                    pos += 2;
                    continue;
                }
                int headEnd = indexOf(data, pos, "\n\n".getBytes(StandardCharsets.US_ASCII));
                int crlfEnd = indexOf(data, pos, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                int bodyStart;
                if (crlfEnd >= 0 && (headEnd < 0 || crlfEnd < headEnd)) {
                    headEnd = crlfEnd;
                    bodyStart = crlfEnd + 4;
                } else if (headEnd >= 0) {
                    bodyStart = headEnd + 2;
                } else {
                    return pos;
                }
                String[] lines = new String(data, pos, headEnd - pos, StandardCharsets.UTF_8).split("\r?\n");
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.add(colon < 0 ? Map.entry(lines[i], "")
                            : Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1)));
                }
                String length = headers.stream().filter(h -> h.getKey().equals("content-length"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                int bodyEnd;
                if (length != null) {
                    bodyEnd = bodyStart + Integer.parseInt(length.trim());
                    if (bodyEnd >= data.length) {
                        return pos;
                    }
                } else {
                    bodyEnd = indexOf(data, bodyStart, new byte[] {0});
                    if (bodyEnd < 0) {
                        return pos;
                    }
                }
                byte[] body = java.util.Arrays.copyOfRange(data, bodyStart, bodyEnd);
                StompFrame frame = StompFrame.raw(lines[0], headers, body, "1.2");
                pos = bodyEnd + 1;
                received(frame);
            }
            return pos;
        }

        private void received(StompFrame frame) throws IOException {
            // decide how to answer before anyone waiting for this frame can change the settings
            boolean answer = !silent;
            boolean receipts = autoReceipts;
            ConnectHandler handler = connectHandler;
            FrameHandler other = frameHandler;
            Map<String, String> connected = connectedHeaders;
            synchronized (this) {
                frames.add(frame);
                notifyAll();
            }
            if (!answer) {
                return;
            }
            String command = frame.command();
            if (command.equals("CONNECT") || command.equals("STOMP")) {
                if (handler != null) {
                    handler.onConnect(this, frame);
                } else {
                    Map<String, String> headers = new LinkedHashMap<>(connected);
                    headers.putIfAbsent("session", "fake-" + sessions.incrementAndGet());
                    sendRaw(frame("CONNECTED", headers, ""));
                }
                return;
            }
            String receipt = frame.header("receipt");
            if (receipt != null && receipts) {
                sendRaw(frame("RECEIPT", Map.of("receipt-id", receipt), ""));
            }
            if (other != null) {
                other.onFrame(this, frame);
            }
            if (command.equals("DISCONNECT")) {
                close();
            }
        }

        @Override
        public String toString() {
            return "FakeStompPeer.Connection#" + number + "[" + socket.getRemoteSocketAddress() + "]";
        }
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "FakeStompPeer[" + uri() + "]";
    }
}
