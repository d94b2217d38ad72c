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

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompFrameError;
import org.stompest.protocol.StompBroker;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompItem;
import org.stompest.protocol.StompParser;

/**
 * One socket to one broker: opens it (tcp or ssl), writes frames, and runs the reader thread that feeds the bytes
 * to a {@link StompParser} and hands every item to its {@link Handler}. It never runs user code.
 * <ol>
 * <li>{@link #open} connects with the connect timeout, sets {@code TCP_NODELAY}, and for {@code ssl://} completes the
 * TLS handshake (with {@code HTTPS} endpoint identification unless turned off).</li>
 * <li>{@link #start()} starts the reader thread (made by the {@link ClientRuntime}). Its parser starts at version 1.0 (CONNECTED is parsed by 1.0 rules)
 * and the handler switches it to the negotiated version with {@link #setVersion(String)}, on the reader thread.</li>
 * <li>{@link #write(StompItem)} is called by many threads: one lock guards the encoder and the buffered stream, and
 * the writer flushes only when no other writer waits for the lock, so a burst of sends becomes few syscalls; a
 * deferred write ({@code write(item, false)}, see {@link #writeLocked}) leaves its bytes for a later flush.</li>
 * <li>The first of EOF, a read error, a parse error or {@link #close()} ends the reader; the handler hears
 * {@link Handler#closed} exactly once.</li>
 * </ol>
 * Its {@link Handler} is {@link Transport.Handler}.
 */
final class SocketTransport extends Transport {
    private static final Logger LOG = LoggerFactory.getLogger(SocketTransport.class);
    private static final int READ_BUFFER = 64 * 1024;
    private static final int WRITE_BUFFER = 16 * 1024;
    /** Deferred writes flush once this many bytes wait (see {@link #writeLocked}). */
    private static final int MAX_DEFERRED = 4 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final CountingOutputStream counter;
    private final OutputStream out;
    /** Guarded by the write lock: the byte count at the last flush, and whether a flushing writer left bytes. */
    private long flushedAt;
    private boolean flushOwed;
    private final Thread reader;

    private SocketTransport(StompBroker broker, Socket socket, Handler handler, ConnectionStats stats,
                            ClientRuntime runtime, String threadName) throws IOException {
        super(broker, handler, stats);
        this.socket = socket;
        this.in = socket.getInputStream();
        this.counter = new CountingOutputStream(new BufferedOutputStream(socket.getOutputStream(), WRITE_BUFFER));
        this.out = counter;
        this.reader = runtime.newThread(threadName, this::read);
    }

    /**
     * Connects to {@code broker}: TCP within the config's connect timeout; for {@code ssl://} also the TLS
     * handshake, within the same timeout. The reader is not started yet.
     *
     * @throws IOException if the socket cannot be opened or the handshake fails (hostname verification included)
     */
    static SocketTransport open(StompBroker broker, StompConfig config, Handler handler, ConnectionStats stats,
                                ClientRuntime runtime, String threadName) throws IOException {
        int timeout = (int) Math.min(Integer.MAX_VALUE, Math.max(1, config.connectTimeout().toMillis()));
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(broker.host(), broker.port()), timeout);
            if ("ssl".equals(broker.protocol())) {
                socket = handshake(socket, broker, config, timeout);
            }
            return new SocketTransport(broker, socket, handler, stats, runtime, threadName);
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static Socket handshake(Socket plain, StompBroker broker, StompConfig config, int timeout)
            throws IOException {
        SSLContext context = config.sslContext();
        if (context == null) {
            try {
                context = SSLContext.getDefault();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IOException("No default SSLContext", e);
            }
        }
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, broker.host(), broker.port(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        if (config.hostnameVerification()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout(timeout);
        ssl.startHandshake();
        ssl.setSoTimeout(0);
        return ssl;
    }

    /** Starts the reader thread. */
    void start() {
        reader.start();
    }

    /** {@code tcp://host:port}. */
    String address() {
        return broker().protocol() + "://" + broker().host() + ":" + broker().port();
    }

    /**
     * Writes into the buffered stream, then flushes unless another writer waits for the lock (it flushes) or the
     * write is deferred. A deferred write flushes anyway when a flushing writer left bytes behind or
     * {@link #MAX_DEFERRED} bytes wait: Artemis' decoder slows down on large reads of small frames, so batches
     * stay small. Only a flush counts as writing for the heart-beats, so a deferred ACK never hides a missing beat.
     */
    @Override
    void writeLocked(StompItem item, boolean flush) {
        assert writeLock.isHeldByCurrentThread();
        requireOpen();
        try {
            long before = counter.count;
            if (item instanceof StompFrame) {
                ((StompFrame) item).writeTo(out);
            } else {
                out.write('\n');
            }
            boolean due = flush || flushOwed || counter.count - flushedAt >= MAX_DEFERRED;
            if (due && !writeLock.hasQueuedThreads()) {
                flushBuffer();
            } else {
                flushOwed = due;
                deferred = true;
            }
            long now = System.nanoTime();
            if (item.isHeartBeat()) {
                stats.heartBeatSent();
            } else {
                stats.frameSent((int) (counter.count - before));
            }
            if (due) {
                handler.wrote(this, now);
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("Sent {} to {}", item.info(), address());
            }
        } catch (IOException e) {
            StompConnectionError error = new StompConnectionError("Could not send to connection [" + e + "]", e);
            close(error);
            throw error;
        }
    }

    @Override
    void flushLocked() {
        assert writeLock.isHeldByCurrentThread();
        if (closed || !deferred) {
            return;
        }
        try {
            flushBuffer();
            handler.wrote(this, System.nanoTime());
        } catch (IOException e) {
            close(new StompConnectionError("Could not send to connection [" + e + "]", e));
        }
    }

    private void flushBuffer() throws IOException {
        out.flush();
        flushedAt = counter.count;
        flushOwed = false;
        deferred = false;
    }

    /** Closes the socket (idempotent); the reader then reports {@link Handler#closed} with {@code cause}. */
    void close(Throwable cause) {
        if (closed) {
            return;
        }
        closeCause = cause;
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Could not close connection cleanly [{}]", e.toString());
        }
        if (!reader.isAlive() && reader.getState() == Thread.State.NEW) {
            handler.closed(this, cause); // never started: nobody else will report it
        }
    }

    /** Flushes what is buffered before a close, unless a writer holds the lock for long (it may be stuck). */
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
                flushBuffer();
            }
        } catch (IOException e) {
            LOG.debug("Could not flush before closing [{}]", e.toString());
        } finally {
            writeLock.unlock();
        }
    }

    private void read() {
        Throwable cause = null;
        byte[] buffer = new byte[READ_BUFFER];
        try {
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    cause = new StompConnectionError("Connection closed [No more data]");
                    break;
                }
                if (n == 0) {
                    continue;
                }
                handler.bytesRead(this, n, System.nanoTime());
                parser.add(buffer, 0, n);
                StompItem item;
                while ((item = parser.get()) != null) {
                    handUp(item);
                    if (closed) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            cause = new StompConnectionError("Connection closed [" + e + "]", e);
        } catch (StompFrameError e) {
            cause = new StompConnectionError("Connection closed [" + e.getMessage() + "]", e);
        } catch (RuntimeException | Error e) {
            LOG.error("Reader of {} failed", address(), e);
            cause = new StompConnectionError("Connection closed [" + e + "]", e);
        } finally {
            Throwable reported = closed && closeCause != null ? closeCause : cause;
            closeCause = reported;
            closed = true;
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("Could not close connection cleanly [{}]", e.toString());
            }
            handler.closed(this, reported);
        }
    }

    @Override
    public String toString() {
        return "SocketTransport[" + address() + (closed ? ", closed" : "") + "]";
    }

    /** Counts the bytes written into the buffer: the encoded size of each frame. */
    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
