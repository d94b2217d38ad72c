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
package org.stompest.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompFrameError;
import org.stompest.protocol.StompBroker;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompItem;

/**
 * STOMP over WebSocket ({@code ws://host:port/path}, {@code wss://…}) with the JDK's {@link WebSocket}: the same
 * contract as {@link SocketTransport}, so failover, heart-beats, receipts and replay work unchanged.
 * <ol>
 * <li>{@link #open} makes the opening handshake within the connect timeout, offering the sub-protocols of every
 * version up to the configured one ({@code v12.stomp}, {@code v11.stomp}, {@code v10.stomp}). For {@code wss://}
 * the config's {@link SSLContext} is used, and hostname verification unless it is turned off.</li>
 * <li>Sending: one STOMP frame (or heart-beat {@code \n}) per WebSocket message, binary by default so that NUL bytes
 * in bodies survive; text messages when the broker's path ends in {@code #text} ({@code ws://host:port/ws#text};
 * {@code #binary} is the default spelled out; the fragment is never sent). Writers take one lock and wait for
 * their message to be handed to the socket, as the JDK allows one outstanding send.</li>
 * <li>Receiving: the JDK calls its listener (on the {@link ClientRuntime#callbacks()} executor) with binary or text
 * messages, whole or in parts; the listener only queues a copy. The reader thread (made by the runtime) feeds the
 * bytes to the parser incrementally, as the socket reader does, so a frame split over messages, or several frames
 * in one message, are read as on a socket; it asks the JDK for the next part only after it handled this one
 * (back-pressure). It never runs user code.</li>
 * <li>Pings from the broker are answered by the JDK with a pong and count as bytes read (liveness); STOMP
 * heart-beats are sent and received beside them as usual.</li>
 * <li>A Close message, an error, a parse error or {@link #close} ends the reader; the handler hears
 * {@link Handler#closed} once. A graceful close ({@link #flush()} first) sends a Close message.</li>
 * </ol>
 * The JDK's {@link HttpClient} has a selector thread of its own ({@code HttpClient-<n>-SelectorManager}); one client
 * serves every WebSocket of a connection ({@link WebSocketSetup#client}).
 */
final class WebSocketTransport extends Transport {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);
    /** The largest frame payload sent: under the 65,536 bytes Artemis' WebSocket acceptor accepts by default. */
    static final int MAX_FRAME_PAYLOAD = 32 * 1024;

    /** A ping or pong of {@code bytes} payload bytes (liveness only). */
    private record Control(int bytes) {
    }

    /** The WebSocket is closed: the reader reports {@code cause} and ends. */
    private record End(Throwable cause) {
    }

    private final boolean text;
    /** What the listener hands the reader: byte[] (data), {@link Control} or {@link End}. */
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile WebSocket webSocket;

    private WebSocketTransport(StompBroker broker, Handler handler, ConnectionStats stats, ClientRuntime runtime,
                               String threadName) {
        super(broker, handler, stats);
        this.text = WebSocketSetup.isText(broker);
        this.reader = runtime.newThread(threadName, this::read);
    }

    /**
     * Opens a WebSocket to {@code broker} within the config's connect timeout (TCP, TLS and the upgrade). The reader
     * is not started yet.
     *
     * @throws IOException if the handshake fails (refused, wrong path, TLS or hostname verification, timeout)
     */
    static WebSocketTransport open(StompBroker broker, StompConfig config, Handler handler, ConnectionStats stats,
                                   ClientRuntime runtime, String threadName, HttpClient client) throws IOException {
        WebSocketSetup.checkFragment(broker);
        WebSocketTransport transport = new WebSocketTransport(broker, handler, stats, runtime, threadName);
        List<String> protocols = WebSocketSetup.subprotocols(config.version());
        Duration timeout = config.connectTimeout();
        CompletableFuture<WebSocket> opening;
        try {
            opening = client.newWebSocketBuilder().connectTimeout(timeout)
                    .subprotocols(protocols.get(0), protocols.subList(1, protocols.size()).toArray(new String[0]))
                    .buildAsync(WebSocketSetup.uri(broker), transport.new Listener());
        } catch (IllegalArgumentException e) {
            throw new IOException("Invalid WebSocket URI " + transport.address() + " [" + e.getMessage() + "]", e);
        }
        try {
            transport.webSocket = opening.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                    ? e.getCause().getCause() : e.getCause();
            String detail = cause instanceof WebSocketHandshakeException refused
                    ? "HTTP status " + refused.getResponse().statusCode() + " instead of 101" : cause.toString();
            throw new IOException("WebSocket handshake with " + transport.address() + " failed [" + detail + "]",
                    cause);
        } catch (TimeoutException e) {
            opening.thenAccept(WebSocket::abort);
            throw new IOException("WebSocket handshake with " + transport.address() + " timed out [timeout="
                    + timeout + "]", e);
        } catch (InterruptedException e) {
            opening.thenAccept(WebSocket::abort);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted during the WebSocket handshake with "
                    + transport.address());
        }
        LOG.debug("WebSocket to {} open [sub-protocol={}, frames={}]", transport.address(),
                transport.webSocket.getSubprotocol(), transport.text ? "text" : "binary");
        return transport;
    }

    @Override
    void start() {
        reader.start();
    }

    @Override
    String address() {
        return broker().protocol() + "://" + broker().host() + ":" + broker().port() + broker().path();
    }

    @Override
    void flushLocked() {
        // every write is sent at once: nothing is ever buffered
    }

    /**
     * One message as frames of at most {@value #MAX_FRAME_PAYLOAD} bytes: brokers cap a frame, not a message (Artemis
     * closes the connection on a frame over 65,536 bytes by default), and reassemble the continuation frames.
     */
    private void sendBinary(byte[] bytes) {
        int offset = 0;
        do {
            int length = Math.min(MAX_FRAME_PAYLOAD, bytes.length - offset);
            boolean last = offset + length == bytes.length;
            webSocket.sendBinary(ByteBuffer.wrap(bytes, offset, length), last).join();
            offset += length;
        } while (offset < bytes.length);
    }

    /** As {@link #sendBinary}, in pieces of at most {@value #MAX_FRAME_PAYLOAD} / 4 chars, never inside a surrogate pair. */
    private void sendText(String message) {
        int offset = 0;
        do {
            int end = Math.min(message.length(), offset + MAX_FRAME_PAYLOAD / 4); // 4 UTF-8 bytes per char at most
            if (end < message.length() && Character.isHighSurrogate(message.charAt(end - 1))) {
                end--;
            }
            webSocket.sendText(message.subSequence(offset, end), end == message.length()).join();
            offset = end;
        } while (offset < message.length());
    }

    /**
     * Sends every item at once, as one WebSocket message in frames of at most {@value #MAX_FRAME_PAYLOAD} bytes (or
     * chars): {@code flush} changes nothing.
     */
    @Override
    void writeLocked(StompItem item, boolean flush) {
        assert writeLock.isHeldByCurrentThread();
        requireOpen();
        byte[] bytes = encode(item);
        try {
            if (text) {
                sendText(utf8(bytes));
            } else {
                sendBinary(bytes);
            }
        } catch (CompletionException | IllegalStateException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            StompConnectionError error = new StompConnectionError("Could not send to connection [" + cause + "]",
                    cause);
            close(error);
            throw error;
        }
        if (item.isHeartBeat()) {
            stats.heartBeatSent();
        } else {
            stats.frameSent(bytes.length);
        }
        handler.wrote(this, System.nanoTime());
        if (LOG.isDebugEnabled()) {
            LOG.debug("Sent {} to {}", item.info(), address());
        }
    }

    /**
     * The frame as text for a {@code #text} broker, decoded strictly: a body that is not UTF-8 would be changed on
     * the way, so it is refused (the connection stays up).
     *
     * @throws StompFrameError naming the broker
     */
    private String utf8(byte[] frame) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(frame)).toString();
        } catch (CharacterCodingException e) {
            throw new StompFrameError("Frame is not UTF-8: a text-mode WebSocket cannot carry it unchanged [broker="
                    + address() + "; use binary frames for binary bodies]", e);
        }
    }

    private static byte[] encode(StompItem item) {
        return item.isHeartBeat() ? new byte[] {'\n'} : ((StompFrame) item).toBytes();
    }

    @Override
    void close(Throwable cause) {
        if (closed) {
            return;
        }
        closeCause = cause;
        closed = true;
        WebSocket socket = webSocket;
        if (socket != null) {
            socket.abort();
        }
        inbox.add(new End(cause));
        if (reader.getState() == Thread.State.NEW) {
            handler.closed(this, cause); // never started: nobody else will report it
        }
    }

    /** Nothing is buffered: sends a Close message (normal closure) and waits up to 100 ms for it to go out. */
    @Override
    void flush() {
        try {
            if (!writeLock.tryLock(100, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            if (!closed) {
                webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(100, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            LOG.debug("Could not send a Close message to {} [{}]", address(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writeLock.unlock();
        }
    }

    private void read() {
        Throwable cause = null;
        try {
            while (true) {
                Object next = inbox.take();
                if (next instanceof End end) {
                    cause = end.cause() != null ? end.cause()
                            : new StompConnectionError("Connection closed [" + address() + " closed locally]");
                    break;
                } else if (next instanceof Control control) {
                    handler.bytesRead(this, Math.max(1, control.bytes()), System.nanoTime());
                    webSocket.request(1);
                } else if (!closed) {
                    parse((byte[]) next);
                    webSocket.request(1);
                }
            }
        } catch (InterruptedException e) {
            cause = new StompConnectionError("Connection closed [reader interrupted]", e);
        } catch (StompFrameError e) {
            cause = new StompConnectionError("Connection closed [" + e.getMessage() + "]", e);
        } catch (RuntimeException | Error e) {
            LOG.error("Reader of {} failed", address(), e);
            cause = new StompConnectionError("Connection closed [" + e + "]", e);
        } finally {
            Throwable reported = closed && closeCause != null ? closeCause : cause;
            closeCause = reported;
            closed = true;
            WebSocket socket = webSocket;
            if (socket != null) {
                socket.abort();
            }
            handler.closed(this, reported);
        }
    }

    /** Feeds one message (or part) to the parser and hands up every item it completes. */
    private void parse(byte[] data) {
        if (data.length == 0) {
            return;
        }
        handler.bytesRead(this, data.length, System.nanoTime());
        parser.add(data, 0, data.length);
        for (StompItem item = parser.get(); item != null && !closed; item = parser.get()) {
            handUp(item);
        }
    }

    @Override
    public String toString() {
        return "WebSocketTransport[" + address() + (closed ? ", closed" : "") + "]";
    }

    /** Called by the JDK, one call at a time; it only queues what came for the reader thread. */
    private final class Listener implements WebSocket.Listener {
        /** A high surrogate that ended a text part: it is encoded with the next part. */
        private String pendingSurrogate = "";

        @Override
        public void onOpen(WebSocket socket) {
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            inbox.add(copy);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            String part = pendingSurrogate + data;
            pendingSurrogate = "";
            if (!last && !part.isEmpty() && Character.isHighSurrogate(part.charAt(part.length() - 1))) {
                pendingSurrogate = part.substring(part.length() - 1);
                part = part.substring(0, part.length() - 1);
            }
            inbox.add(part.getBytes(StandardCharsets.UTF_8));
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
            inbox.add(new Control(message.remaining()));
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket socket, ByteBuffer message) {
            inbox.add(new Control(message.remaining()));
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            inbox.add(new End(new StompConnectionError("Connection closed [WebSocket Close " + statusCode
                    + (reason.isEmpty() ? "" : " " + reason) + "]")));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            inbox.add(new End(new StompConnectionError("Connection closed [" + WebSocketSetup.describe(error) + "]", error)));
        }
    }
}
