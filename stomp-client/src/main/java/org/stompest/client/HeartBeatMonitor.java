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

/**
 * The timing of heart-beats for one live connection, without threads or clocks: callers pass
 * {@link System#nanoTime()} values, tests pass literal ones.
 * <ol>
 * <li>{@link #wrote(long)} records that something (a frame or a beat) was written; {@link #read(long)} that bytes
 * were read. Liveness counts bytes read, not frames processed, so a slow consumer never looks like a dead broker.</li>
 * <li>{@link #tick(long)} decides: a beat is due when nothing was written for the client period; the broker is
 * silent when nothing was read for more than {@code tolerance} x the server period. It returns the next deadline
 * at which {@code tick} should run again ({@link #NEVER} when nothing is to be watched any more).</li>
 * <li>While the reader is blocked on a full subscription queue (backpressure) it reads nothing on purpose:
 * {@link #suspend()} stops the silence check and {@link #resume(long)} restarts it counting from the resume time.</li>
 * </ol>
 * A period of 0 turns that side off. After silence was reported once, the monitor is done: {@code tick} returns
 * {@link #NEVER}. Fields are volatile: the writers, the reader and the scheduler each update their own.
 */
final class HeartBeatMonitor {
    /** A deadline that never comes. */
    public static final long NEVER = Long.MAX_VALUE;

    /** What {@link #tick(long)} asks its owner to do. */
    public interface Actions {
        /** Send one heart-beat now (and report it with {@link #wrote(long)}). */
        void beat();

        /** The broker sent nothing for {@code silentNanos}: the connection is lost. */
        void silent(long silentNanos);
    }

    private final long clientPeriodNanos;
    private final long serverPeriodNanos;
    private final long silenceLimitNanos;
    private final Actions actions;
    private volatile long lastWrite;
    private volatile long lastRead;
    private volatile boolean suspended;
    private volatile boolean dead;

    /**
     * @param clientPeriodNanos negotiated client period (how often we must send), 0 = off
     * @param serverPeriodNanos negotiated server period (how often the broker sends), 0 = off
     * @param tolerance         silence beyond {@code tolerance x serverPeriod} means the broker is gone
     * @param nowNanos          the start: counts as both the last write and the last read
     */
    public HeartBeatMonitor(long clientPeriodNanos, long serverPeriodNanos, double tolerance, long nowNanos,
                            Actions actions) {
        if (clientPeriodNanos < 0 || serverPeriodNanos < 0) {
            throw new IllegalArgumentException("Invalid periods: " + clientPeriodNanos + ", " + serverPeriodNanos);
        }
        if (!(tolerance >= 1.0)) {
            throw new IllegalArgumentException("Invalid tolerance: " + tolerance + " (expected >= 1.0)");
        }
        this.clientPeriodNanos = clientPeriodNanos;
        this.serverPeriodNanos = serverPeriodNanos;
        this.silenceLimitNanos = (long) Math.min(Long.MAX_VALUE / 4.0, serverPeriodNanos * tolerance);
        this.actions = actions;
        this.lastWrite = nowNanos;
        this.lastRead = nowNanos;
    }

    /** Something was written at {@code nowNanos}. */
    public void wrote(long nowNanos) {
        lastWrite = nowNanos;
    }

    /** Bytes were read at {@code nowNanos}. */
    public void read(long nowNanos) {
        lastRead = nowNanos;
    }

    /** The reader is blocked on purpose (backpressure): do not count the silence. */
    public void suspend() {
        suspended = true;
    }

    /** The reader reads again: the silence is counted from {@code nowNanos}. */
    public void resume(long nowNanos) {
        lastRead = nowNanos;
        suspended = false;
    }

    public boolean isSuspended() {
        return suspended;
    }

    /** True once {@link Actions#silent(long)} was called. */
    public boolean isDead() {
        return dead;
    }

    public long clientPeriodNanos() {
        return clientPeriodNanos;
    }

    public long serverPeriodNanos() {
        return serverPeriodNanos;
    }

    /** Whether there is anything to watch (either period is not 0). */
    public boolean isActive() {
        return clientPeriodNanos > 0 || serverPeriodNanos > 0;
    }

    /**
     * Runs the checks due at {@code nowNanos} (at most one beat, or the silence verdict) and returns the next
     * deadline, or {@link #NEVER}.
     */
    public long tick(long nowNanos) {
        if (dead) {
            return NEVER;
        }
        if (serverPeriodNanos > 0 && !suspended) {
            long silent = nowNanos - lastRead;
            if (silent > silenceLimitNanos) {
                dead = true;
                actions.silent(silent);
                return NEVER;
            }
        }
        if (clientPeriodNanos > 0 && nowNanos - lastWrite >= clientPeriodNanos) {
            actions.beat();
            if (nowNanos - lastWrite >= clientPeriodNanos) { // the action did not report the write
                lastWrite = nowNanos;
            }
        }
        return nextDeadline(nowNanos);
    }

    /** The earliest time at which {@link #tick(long)} has something to check. */
    public long nextDeadline(long nowNanos) {
        if (dead) {
            return NEVER;
        }
        long next = NEVER;
        if (clientPeriodNanos > 0) {
            next = lastWrite + clientPeriodNanos;
        }
        if (serverPeriodNanos > 0) {
            // while suspended, look again one period later (the reader may have resumed by then)
            long silenceDeadline = suspended ? nowNanos + serverPeriodNanos : lastRead + silenceLimitNanos + 1;
            next = Math.min(next, silenceDeadline);
        }
        return next == NEVER ? NEVER : Math.max(next, nowNanos);
    }
}
