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

import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.error.StompConnectionError;
import org.stompest.protocol.StompBroker;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompHeartBeat;
import org.stompest.protocol.StompItem;
import org.stompest.protocol.StompParser;
import org.stompest.protocol.StompSpec;

/**
 * One connection to one broker, whatever carries it: a socket ({@link SocketTransport}, {@code tcp://} and
 * {@code ssl://}) or a WebSocket ({@link WebSocketTransport}, {@code ws://} and {@code wss://}). The connection and
 * its parts ({@link Connector}, {@link HeartBeats}, {@link FrameRouter}, receipts, replay) see only this.
 *
 * <p>Every transport keeps the same rules: {@link #start()} starts one reader thread made by the
 * {@link ClientRuntime}, which feeds what it reads to its own parser and hands every item to the {@link Handler};
 * it never runs user code. {@link #write} is called by many threads under one lock. The first of EOF, a read
 * error, a parse error or {@link #close} ends the reader, and the handler hears {@link Handler#closed} once.
 * An abstract class rather than an interface so that the methods stay package-private.
 */
abstract class Transport {

    /** Receives what the reader thread reads; called on the reader thread only (except {@link #closed}). */
    interface Handler {
        /** {@code n > 0} bytes were read at {@code nowNanos} (liveness). */
        void bytesRead(Transport transport, int n, long nowNanos);

        /** A frame or heart-beat was parsed. */
        void itemReceived(Transport transport, StompItem item);

        /** Something was written at {@code nowNanos} (heart-beat timing). */
        void wrote(Transport transport, long nowNanos);

        /** The transport is closed: {@code cause} says why (EOF, read error, parse error, or a local close). */
        void closed(Transport transport, Throwable cause);
    }

    /** Starts the reader thread. */
    abstract void start();

    /** Logs under the subclass's name (org.stompest.client.SocketTransport: the wire log users switch on). */
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final StompBroker broker;
    final Handler handler;
    final ConnectionStats stats;
    /** Used by the reader thread only. */
    final StompParser parser = new StompParser(StompSpec.VERSION_1_0);
    volatile boolean closed;
    /** Why it closed; set before {@link #closed}. */
    volatile Throwable closeCause;

    Transport(StompBroker broker, Handler handler, ConnectionStats stats) {
        this.broker = broker;
        this.handler = handler;
        this.stats = stats;
    }

    final StompBroker broker() {
        return broker;
    }

    /** {@code tcp://host:port}, or {@code ws://host:port/path} for a WebSocket. */
    abstract String address();

    /** Switches the parser to the negotiated version; call it on the reader thread (from the handler). */
    final void setVersion(String version) {
        parser.setVersion(version);
    }

    final boolean isClosed() {
        return closed;
    }

    /** Why the transport closed (set before {@link #isClosed()} turns true), or null while open or if unknown. */
    final Throwable closeCause() {
        return closeCause;
    }

    /** Call before writing: fails with {@code Not connected [<address> closed]} (and the close's cause) once closed. */
    final void requireOpen() {
        if (closed) {
            throw new StompConnectionError("Not connected [" + address() + " closed]", closeCause);
        }
    }

    /**
     * Counts a parsed item in the statistics, logs a frame at DEBUG (not an ERROR: it may echo the passcode, and the
     * connection logs it once redacted) and hands it to the handler; on the reader thread.
     */
    final void handUp(StompItem item) {
        if (item instanceof StompHeartBeat beat && beat.isFrameTrailer()) {
            stats.frameTrailerReceived(); // the EOL Artemis puts after every frame: no heart-beat
        } else if (item.isHeartBeat()) {
            stats.heartBeatReceived();
        } else {
            stats.frameReceived(((StompFrame) item).receivedBytes());
            if (log.isDebugEnabled() && !StompSpec.ERROR.equals(((StompFrame) item).command())) {
                log.debug("Received {} from {}", item.info(), address());
            }
        }
        handler.itemReceived(this, item);
    }

    /** Serialises the writers of one transport. */
    final ReentrantLock writeLock = new ReentrantLock();

    /** Bytes are buffered that a deferred write left for a later write or {@link #flushDeferred()} to send. */
    volatile boolean deferred;

    /**
     * Writes one frame or heart-beat.
     *
     * @throws org.stompest.error.StompConnectionError if the transport is closed or the write fails (it is then
     *         closed)
     */
    final void write(StompItem item) {
        write(item, true);
    }

    /**
     * Writes one frame; with {@code flush} false the bytes may stay buffered (up to a few KiB) until a later write
     * or {@link #flushDeferred()} sends them, so a burst of ACKs shares one system call. Whoever defers must call
     * {@link #flushDeferred()} before it waits; a heart-beat flushes too.
     */
    final void write(StompItem item, boolean flush) {
        writeLock.lock();
        try {
            writeLocked(item, flush);
        } finally {
            writeLock.unlock();
        }
    }

    /** Sends what deferred writes left buffered; nothing to do (and no lock taken) when nothing is. */
    final void flushDeferred() {
        if (!deferred) {
            return;
        }
        writeLock.lock();
        try {
            flushLocked();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Writes a heart-beat unless another writer holds the lock (its write counts as a beat anyway).
     *
     * @return whether the beat was written
     */
    final boolean tryBeat() {
        if (!writeLock.tryLock()) {
            return false;
        }
        try {
            writeLocked(StompHeartBeat.INSTANCE, true);
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes one item, flushing unless {@code flush} is false (see {@link #write(StompItem, boolean)}); call with {@link #writeLock} held. */
    abstract void writeLocked(StompItem item, boolean flush);

    /** Sends what is buffered; call with {@link #writeLock} held. */
    abstract void flushLocked();

    /** Closes the transport (idempotent); the reader then reports {@link Handler#closed} with {@code cause}. */
    abstract void close(Throwable cause);

    /** Gets what is written out before a close, unless a writer holds the lock for long (it may be stuck). */
    abstract void flush();
}
