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

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.error.StompConnectionError;

/**
 * The heart-beats of one connection: runs a {@link HeartBeatMonitor} for the live transport on the
 * {@link ClientRuntime}'s scheduler.
 * <ol>
 * <li>{@link #start} (once CONNECTED, with the negotiated periods) makes a monitor and schedules its first tick;
 * every tick schedules the next at the deadline it returns.</li>
 * <li>The reader reports bytes read with {@link #read}, the transport every write with {@link #wrote}.</li>
 * <li>A due beat is one {@link SocketTransport#tryBeat()}; silence beyond the tolerance counts a missed heart-beat
 * and closes the transport, which the connection hears as a loss.</li>
 * <li>{@link #stop()} (on loss or close) drops the monitor and cancels the pending tick; a tick of an older monitor
 * or a closed transport does nothing.</li>
 * </ol>
 */
final class HeartBeats {
    private static final Logger LOG = LoggerFactory.getLogger(HeartBeats.class);

    private final double tolerance;
    private final ConnectionStats stats;
    private final ClientRuntime runtime;
    private volatile HeartBeatMonitor monitor;
    private volatile Future<?> task;

    HeartBeats(double tolerance, ConnectionStats stats, ClientRuntime runtime) {
        this.tolerance = tolerance;
        this.stats = stats;
        this.runtime = runtime;
    }

    /** Starts watching {@code transport} with the negotiated periods in ms; nothing when both are 0. */
    void start(SocketTransport transport, int clientHeartBeat, int serverHeartBeat) {
        if (clientHeartBeat == 0 && serverHeartBeat == 0) {
            return;
        }
        long server = TimeUnit.MILLISECONDS.toNanos(serverHeartBeat);
        HeartBeatMonitor m = new HeartBeatMonitor(TimeUnit.MILLISECONDS.toNanos(clientHeartBeat), server,
                tolerance, System.nanoTime(), new HeartBeatMonitor.Actions() {
                    @Override
                    public void beat() {
                        try {
                            transport.tryBeat();
                        } catch (StompConnectionError e) {
                            LOG.debug("Heart-beat not sent [{}]", e.getMessage());
                        }
                    }

                    @Override
                    public void silent(long silentNanos) {
                        stats.missedHeartBeat();
                        StompConnectionError error = new StompConnectionError("Server heart-beat timeout [silent for "
                                + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms, server heart-beat "
                                + serverHeartBeat + " ms, tolerance " + tolerance + "]");
                        LOG.warn("{} on {}", error.getMessage(), transport.address());
                        transport.close(error);
                    }
                });
        monitor = m;
        scheduleTick(m, transport, m.nextDeadline(System.nanoTime()));
    }

    private void scheduleTick(HeartBeatMonitor m, SocketTransport transport, long deadline) {
        if (deadline == HeartBeatMonitor.NEVER) {
            return;
        }
        task = runtime.schedule(() -> {
            if (monitor != m || transport.isClosed()) {
                return;
            }
            scheduleTick(m, transport, m.tick(System.nanoTime()));
        }, deadline - System.nanoTime());
    }

    /** Stops watching: the monitor is dropped and the pending tick cancelled. */
    void stop() {
        monitor = null;
        Future<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** The current monitor, or null (none started, or stopped). */
    HeartBeatMonitor monitor() {
        return monitor;
    }

    /** Bytes were read at {@code nowNanos}. */
    void read(long nowNanos) {
        HeartBeatMonitor m = monitor;
        if (m != null) {
            m.read(nowNanos);
        }
    }

    /** Something was written at {@code nowNanos}. */
    void wrote(long nowNanos) {
        HeartBeatMonitor m = monitor;
        if (m != null) {
            m.wrote(nowNanos);
        }
    }
}
