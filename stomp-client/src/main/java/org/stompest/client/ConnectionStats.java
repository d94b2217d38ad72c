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

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import org.stompest.protocol.StompBroker;

/**
 * Counters of one {@link StompConnection}: what its MXBean shows.
 *
 * <p><b>Lock-free.</b> The connection, its transport and its heart-beats record into this object on their hot
 * paths, so nothing here takes a lock: counters that many threads bump are {@link LongAdder}s, the rest are
 * {@code volatile} fields written by one thread at a time (the reader thread for received data, the failover loop
 * for attempts). A reader may see two counters from slightly different instants; {@link #snapshot()} copies
 * everything into one immutable value, which is what a monitoring tool should format.
 *
 * <p><b>Who records what.</b> The recording methods are package-private:
 * <ol>
 *   <li>{@link #frameSent(int)} for every frame written (its encoded size), {@link #heartBeatSent()} for every
 *       heart-beat written (one EOL byte; do not also call {@code frameSent});</li>
 *   <li>{@link #frameReceived(int)} for every frame parsed, {@link #heartBeatReceived()} for every heart-beat
 *       parsed (one byte), {@link #frameTrailerReceived()} for an EOL directly after a frame's NUL (Artemis sends
 *       one after every frame: it is no heart-beat);</li>
 *   <li>{@link #messageSent()} per SEND, {@link #sendConfirmed(long)} or {@link #sendFailed()} when its receipt
 *       came or did not, {@link #messageReceived(boolean)} per MESSAGE, {@link #ackSent()} and {@link #nackSent()}
 *       per ACK and NACK frame written;</li>
 *   <li>{@link #bytesRead(int, long)} for every successful socket read, however many frames it holds: this is the
 *       liveness signal (last-received time and longest gap), and it does not count bytes;</li>
 *   <li>{@link #missedHeartBeat()} when the server was silent for longer than the tolerance allows;</li>
 *   <li>{@link #attempt(StompBroker, Duration, long)} when the failover loop takes an attempt (before sleeping its
 *       delay), {@link #attemptFailed(StompBroker, Throwable)} when it fails,
 *       {@link #connected(StompBroker, boolean)} when CONNECTED arrived, {@link #connectionLost(Throwable)} when a
 *       live connection was lost, {@link #errorFrame(String)} for an ERROR frame;</li>
 *   <li>{@link #pendingReceipts(int)} and {@link #subscriptions(int)} whenever those numbers change.</li>
 * </ol>
 *
 * <p><b>Times.</b> Methods that need "now" on a hot path take it as an argument ({@code nowNanos} from
 * {@link System#nanoTime()}, {@code nowMillis} from {@link System#currentTimeMillis()}), so tests pass literal
 * times. The few that do not (sent time, received wall time, "ago") read the clocks given to the constructor.
 * A time that never happened reads {@code -1}.
 */
public final class ConnectionStats {

    /** Marks "no read yet in this session": a {@link System#nanoTime()} value never equals it in practice. */
    private static final long NONE = Long.MIN_VALUE;

    private final LongSupplier wallMillis;
    private final LongSupplier monotonicNanos;

    // Written by many sending threads.
    private final LongAdder framesSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder heartBeatsSent = new LongAdder();
    private volatile long lastSentMillis = -1;

    // Written by the reader thread.
    private final LongAdder framesReceived = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder heartBeatsReceived = new LongAdder();
    private volatile long lastReceivedNanos = NONE;
    private volatile long lastReceivedMillis = -1;
    /** Start of the current gap; {@link #NONE} after a loss, so the time spent reconnecting is no receive gap. */
    private volatile long gapStartNanos = NONE;
    private final AtomicLong longestGapNanos = new AtomicLong();

    // Messages: SENDs by many threads, MESSAGEs by the reader thread, receipts and settling by many.
    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder sendsConfirmed = new LongAdder();
    private final LongAdder sendsFailed = new LongAdder();
    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder redelivered = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder nacked = new LongAdder();
    private final MessageRate sentRate;
    private final MessageRate receivedRate;
    private final List<LongConsumer> receiptLatencyListeners = new CopyOnWriteArrayList<>();

    // Written by the heart-beat scheduler.
    private final LongAdder missedHeartBeats = new LongAdder();

    // Written by the failover loop (one at a time).
    private final LongAdder connectAttempts = new LongAdder();
    private final LongAdder failoverAttempts = new LongAdder();
    private final LongAdder failovers = new LongAdder();
    private volatile long connectedSinceMillis = -1;
    private volatile long lastFailoverMillis = -1;
    private volatile long lastErrorMillis = -1;
    private final ConcurrentHashMap<String, LongAdder> attemptsPerBroker = new ConcurrentHashMap<>();
    private volatile long consecutiveFailures;
    private final LongAdder reconnects = new LongAdder();
    private volatile long lastAttemptMillis = -1;
    private volatile String lastAttemptError;
    private volatile long nextDelayMillis;
    private volatile String connectedBroker;
    private volatile String lastError;

    private volatile int pendingReceipts;
    private volatile int subscriptions;

    /** Stats on the system clocks. */
    public ConnectionStats() {
        this(System::currentTimeMillis, System::nanoTime);
    }

    /** Stats on the given clocks (tests). */
    ConnectionStats(LongSupplier wallMillis, LongSupplier monotonicNanos) {
        this.wallMillis = wallMillis;
        this.monotonicNanos = monotonicNanos;
        long now = monotonicNanos.getAsLong();
        this.sentRate = new MessageRate(messagesSent::sum, now);
        this.receivedRate = new MessageRate(messagesReceived::sum, now);
    }

    // ---------------------------------------------------------------------------------------------- recording

    void frameSent(int bytes) {
        framesSent.increment();
        bytesSent.add(bytes);
        lastSentMillis = wallMillis.getAsLong();
    }

    void heartBeatSent() {
        heartBeatsSent.increment();
        bytesSent.increment();
        lastSentMillis = wallMillis.getAsLong();
    }

    void frameReceived(int bytes) {
        framesReceived.increment();
        bytesReceived.add(bytes);
    }

    void heartBeatReceived() {
        heartBeatsReceived.increment();
        bytesReceived.increment();
    }

    /** An EOL directly after a frame's NUL: a byte received, not a heart-beat. */
    void frameTrailerReceived() {
        bytesReceived.increment();
    }

    void messageSent() {
        messagesSent.increment();
    }

    /** The RECEIPT of a SEND came {@code latencyNanos} after the SEND was handed to the socket. */
    void sendConfirmed(long latencyNanos) {
        sendsConfirmed.increment();
        for (LongConsumer listener : receiptLatencyListeners) {
            listener.accept(latencyNanos);
        }
    }

    /** A SEND's receipt did not come: the connection was lost, it timed out, or an ERROR answered it. */
    void sendFailed() {
        sendsFailed.increment();
    }

    /** A SEND got its receipt {@code elapsedNanos} after it was sent ({@code error} null), or did not. */
    void sendSettled(long elapsedNanos, Throwable error) {
        if (error == null) {
            sendConfirmed(elapsedNanos);
        } else {
            sendFailed();
        }
    }

    void messageReceived(boolean redelivered) {
        messagesReceived.increment();
        if (redelivered) {
            this.redelivered.increment();
        }
    }

    void ackSent() {
        acked.increment();
    }

    void nackSent() {
        nacked.increment();
    }

    /** Liveness: {@code n} bytes were read at {@code nowNanos}; measures the gap since the previous read. */
    void bytesRead(int n, long nowNanos) {
        if (n <= 0) {
            return;
        }
        long start = gapStartNanos;
        if (start != NONE) {
            long gap = nowNanos - start;
            if (gap > longestGapNanos.get()) {
                longestGapNanos.accumulateAndGet(gap, Math::max);
            }
        }
        gapStartNanos = nowNanos;
        lastReceivedNanos = nowNanos;
        lastReceivedMillis = wallMillis.getAsLong();
    }

    void missedHeartBeat() {
        missedHeartBeats.increment();
    }

    /** The failover loop takes an attempt on {@code broker} after {@code delay}, at {@code nowMillis}. */
    void attempt(StompBroker broker, Duration delay, long nowMillis) {
        connectAttempts.increment();
        if (connectedBroker != null) {
            failoverAttempts.increment(); // connected before: this attempt fails over
        }
        attemptsPerBroker.computeIfAbsent(key(broker), k -> new LongAdder()).increment();
        lastAttemptMillis = nowMillis;
        nextDelayMillis = delay.toMillis();
    }

    void attemptFailed(StompBroker broker, Throwable error) {
        consecutiveFailures++; // single writer: the failover loop
        lastAttemptError = key(broker) + ": " + describe(error);
        error(lastAttemptError);
    }

    /** CONNECTED arrived from {@code broker}; {@code reconnect} is false for the first connect of the connection. */
    void connected(StompBroker broker, boolean reconnect) {
        consecutiveFailures = 0;
        nextDelayMillis = 0;
        String previous = connectedBroker;
        connectedBroker = key(broker);
        long now = wallMillis.getAsLong();
        connectedSinceMillis = now;
        if (reconnect) {
            reconnects.increment();
            lastFailoverMillis = now;
            if (previous != null && !previous.equals(connectedBroker)) {
                failovers.increment();
            }
        }
    }

    /** A live connection was lost (also called for a graceful close with a {@code null} cause: no error kept). */
    void connectionLost(Throwable cause) {
        gapStartNanos = NONE;
        connectedSinceMillis = -1;
        if (cause != null) {
            error(describe(cause));
        }
    }

    void errorFrame(String message) {
        error("ERROR frame: " + message);
    }

    private void error(String description) {
        lastErrorMillis = wallMillis.getAsLong();
        lastError = description;
    }

    /** Adds a listener of receipt latencies (nanoseconds), called on the runtime's callback threads. */
    public void addReceiptLatencyListener(LongConsumer listener) {
        receiptLatencyListeners.add(listener);
    }

    public void removeReceiptLatencyListener(LongConsumer listener) {
        receiptLatencyListeners.remove(listener);
    }

    void pendingReceipts(int n) {
        pendingReceipts = n;
    }

    void subscriptions(int n) {
        subscriptions = n;
    }

    // ------------------------------------------------------------------------------------------------ reading

    public long framesSent() {
        return framesSent.sum();
    }

    public long framesReceived() {
        return framesReceived.sum();
    }

    /** Encoded frame bytes plus one per heart-beat. */
    public long bytesSent() {
        return bytesSent.sum();
    }

    /** Frame bytes as parsed plus one per heart-beat. */
    public long bytesReceived() {
        return bytesReceived.sum();
    }

    public long heartBeatsSent() {
        return heartBeatsSent.sum();
    }

    public long heartBeatsReceived() {
        return heartBeatsReceived.sum();
    }

    public long missedHeartBeats() {
        return missedHeartBeats.sum();
    }

    /** Epoch millis of the last frame or heart-beat written, -1 if none. */
    public long lastSentMillis() {
        return lastSentMillis;
    }

    /** Epoch millis of the last socket read, -1 if none. */
    public long lastReceivedMillis() {
        return lastReceivedMillis;
    }

    /** Milliseconds since the last socket read, -1 if none. */
    public long lastReceivedAgoMillis() {
        return lastReceivedAgoMillis(monotonicNanos.getAsLong());
    }

    /** Milliseconds between the last socket read and {@code nowNanos}, -1 if none. */
    public long lastReceivedAgoMillis(long nowNanos) {
        long last = lastReceivedNanos;
        return last == NONE ? -1 : Math.max(0, (nowNanos - last) / 1_000_000);
    }

    /**
     * The longest silence between two socket reads of one session, including the silence in progress (time spent
     * reconnecting excluded).
     */
    public long longestReceiveGapMillis() {
        return longestReceiveGapMillis(monotonicNanos.getAsLong());
    }

    /** {@link #longestReceiveGapMillis()} at {@code nowNanos}. */
    public long longestReceiveGapMillis(long nowNanos) {
        long start = gapStartNanos;
        long current = start == NONE ? 0 : nowNanos - start;
        return Math.max(longestGapNanos.get(), current) / 1_000_000;
    }

    /** Every attempt of the failover loop, the first connect's included. */
    public long connectAttempts() {
        return connectAttempts.sum();
    }

    /** Attempts after the connection had been connected once: 0 for a connection that never failed over. */
    public long failoverAttempts() {
        return failoverAttempts.sum();
    }

    /** Reconnects that landed on another broker than the session before. */
    public long failovers() {
        return failovers.sum();
    }

    /** Epoch millis of the current session's CONNECTED, -1 when not connected. */
    public long connectedSinceMillis() {
        return connectedSinceMillis;
    }

    /** Epoch millis of the last reconnect (after a loss), -1 if none. */
    public long lastFailoverMillis() {
        return lastFailoverMillis;
    }

    /** Epoch millis of {@link #lastError()}, -1 if none. */
    public long lastErrorMillis() {
        return lastErrorMillis;
    }

    /** SEND frames written. */
    public long messagesSent() {
        return messagesSent.sum();
    }

    /** SENDs whose RECEIPT came. */
    public long sendsConfirmed() {
        return sendsConfirmed.sum();
    }

    /** SENDs with a receipt asked for that failed (lost connection, timeout, ERROR). */
    public long sendsFailed() {
        return sendsFailed.sum();
    }

    /** MESSAGE frames received for an active subscription. */
    public long messagesReceived() {
        return messagesReceived.sum();
    }

    /** MESSAGE frames marked {@code redelivered:true}. */
    public long redelivered() {
        return redelivered.sum();
    }

    /** ACK frames written. */
    public long acked() {
        return acked.sum();
    }

    /** NACK frames written. */
    public long nacked() {
        return nacked.sum();
    }

    /** SENDs per second, one-minute moving average. */
    public double sentPerSecond() {
        return sentRate.perSecond(monotonicNanos.getAsLong());
    }

    /** MESSAGEs received per second, one-minute moving average. */
    public double receivedPerSecond() {
        return receivedRate.perSecond(monotonicNanos.getAsLong());
    }

    /** Failed attempts since the last successful connect. */
    public long consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Successful connects after the first one. */
    public long reconnects() {
        return reconnects.sum();
    }

    /**
     * The most recent error: what ended the last session, a failed connect attempt or an ERROR frame; null if
     * nothing went wrong.
     */
    public String lastError() {
        return lastError;
    }

    /** Epoch millis of the last failover attempt, -1 if none. */
    public long lastAttemptMillis() {
        return lastAttemptMillis;
    }

    /** {@code "tcp://host:port: Error: message"} of the last failed attempt, null if none. */
    public String lastAttemptError() {
        return lastAttemptError;
    }

    /** Delay of the attempt in progress; 0 once connected. */
    public long nextDelayMillis() {
        return nextDelayMillis;
    }

    /** {@code "tcp://host:port"} of the broker of the last successful connect, null before the first. */
    public String connectedBroker() {
        return connectedBroker;
    }

    /** Attempts per broker, keyed {@code "tcp://host:port"}, sorted; a copy. */
    public Map<String, Long> attemptsPerBroker() {
        Map<String, Long> copy = new TreeMap<>();
        attemptsPerBroker.forEach((broker, count) -> copy.put(broker, count.sum()));
        return Collections.unmodifiableMap(copy);
    }

    public int pendingReceipts() {
        return pendingReceipts;
    }

    public int subscriptions() {
        return subscriptions;
    }

    /** Every value at (about) one instant, immutable. */
    public Snapshot snapshot() {
        return new Snapshot(framesSent(), framesReceived(), bytesSent(), bytesReceived(), heartBeatsSent(),
                heartBeatsReceived(), missedHeartBeats(), lastSentMillis(), lastReceivedMillis(),
                lastReceivedAgoMillis(), longestReceiveGapMillis(), failoverAttempts(), consecutiveFailures(),
                reconnects(), lastError(), lastAttemptMillis(), lastAttemptError(), nextDelayMillis(),
                connectedBroker(), attemptsPerBroker(), pendingReceipts(), subscriptions());
    }

    /** An immutable copy of the counters; see the accessors of {@link ConnectionStats} for their meaning. */
    public record Snapshot(long framesSent, long framesReceived, long bytesSent, long bytesReceived,
                           long heartBeatsSent, long heartBeatsReceived, long missedHeartBeats, long lastSentMillis,
                           long lastReceivedMillis, long lastReceivedAgoMillis, long longestReceiveGapMillis,
                           long failoverAttempts, long consecutiveFailures, long reconnects, String lastError,
                           long lastAttemptMillis, String lastAttemptError, long nextDelayMillis,
                           String connectedBroker, Map<String, Long> attemptsPerBroker, int pendingReceipts,
                           int subscriptions) {
    }

    @Override
    public String toString() {
        return "ConnectionStats[framesSent=" + framesSent() + ", framesReceived=" + framesReceived()
                + ", failoverAttempts=" + failoverAttempts() + ", reconnects=" + reconnects() + "]";
    }

    /** {@code "tcp://host:port"}: the key of {@link #attemptsPerBroker()}. */
    static String key(StompBroker broker) {
        return broker.protocol() + "://" + broker.host() + ":" + broker.port();
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        String type = error.getClass().getSimpleName();
        return message == null ? type : type + ": " + message;
    }
}
