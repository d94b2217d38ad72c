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
import java.util.Objects;
import java.util.random.RandomGenerator;

import org.stompest.protocol.StompFailoverOptions;

/**
 * Counts a connection that dies soon after CONNECTED as a failed attempt for the reconnect delay. Without it, a
 * broker that accepts CONNECT and then refuses what the client does next (RabbitMQ answering a SUBSCRIBE to an
 * invalid destination with an ERROR and closing; an ERROR right after connect) makes the client reconnect every
 * 20-40 ms forever: each reconnect succeeds, and a success starts the failover loop afresh with delay 0.
 * <ol>
 * <li>{@link #connected(long)}: a CONNECTED arrived at {@code nowNanos}.</li>
 * <li>{@link #lost(long, String)}: the live connection closed. If it lived less than {@link #SHORT_LIVED}, the
 * count of consecutive short-lived connections grows; the first reconnects at once (a broker that crashed just
 * after the client connected, a failover), and from the second in a row the reconnect waits the delay the failover
 * options give one failed attempt fewer ({@code initialReconnectDelay}, times {@code backOffMultiplier} per
 * failure if {@code useExponentialBackOff}, plus jitter, at most {@code maxReconnectDelay}); a connection that
 * lived longer resets the count and reconnects at once, as before.</li>
 * <li>{@link Loss#repeated()}: the loss is short-lived and has the same reason as the one before, so the log says
 * it at DEBUG: the reason is logged once per change, not per attempt. {@link #quiet()} likewise keeps the
 * CONNECTED and the subscription replay of such a cycle at DEBUG, and {@link #afterShortLived()} the broker's
 * ERROR when it is the same as before.</li>
 * </ol>
 * Pure: the clock is the caller's ({@code nowNanos}). Single writer: the connection's failover loop and the reader
 * thread's loss report, which never overlap.
 */
final class ShortLivedConnections {
    /** A connection that closes sooner than this after CONNECTED counts as a failed attempt. */
    static final Duration SHORT_LIVED = Duration.ofSeconds(1);
    /** The least first delay, so that {@code initialReconnectDelay=0} still backs off. */
    private static final double MIN_INITIAL_DELAY_MILLIS = 10;
    private static final long NONE = Long.MIN_VALUE;

    /** What a loss means for the reconnect: its delay, how long the connection lived, how to log it. */
    record Loss(Duration delay, long livedMillis, int consecutive, boolean repeated) {
        boolean shortLived() {
            return consecutive > 0;
        }
    }

    private final StompFailoverOptions options;
    private final RandomGenerator random;
    private long connectedNanos = NONE;
    private int consecutive;
    private String lastReason;

    ShortLivedConnections(StompFailoverOptions options, RandomGenerator random) {
        this.options = Objects.requireNonNull(options, "options");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A CONNECTED arrived. */
    synchronized void connected(long nowNanos) {
        connectedNanos = nowNanos;
    }

    /** Whether the connection now live follows a repeated short-lived loss: its CONNECTED is not news. */
    synchronized boolean quiet() {
        return consecutive > 1;
    }

    /** Whether the connection now live follows a short-lived one: an ERROR seen then is not news if it comes again. */
    synchronized boolean afterShortLived() {
        return consecutive > 0;
    }

    /** The live connection closed for {@code reason}: how long to wait before the failover loop runs again. */
    synchronized Loss lost(long nowNanos, String reason) {
        long lived = connectedNanos == NONE ? Long.MAX_VALUE : nowNanos - connectedNanos;
        connectedNanos = NONE;
        if (lived >= SHORT_LIVED.toNanos()) {
            consecutive = 0;
            lastReason = null;
            return new Loss(Duration.ZERO, lived / 1_000_000, 0, false);
        }
        consecutive++;
        boolean repeated = consecutive > 1 && Objects.equals(reason, lastReason);
        lastReason = reason;
        return new Loss(consecutive == 1 ? Duration.ZERO : delay(consecutive - 1), lived / 1_000_000, consecutive,
                repeated);
    }

    /** The failover options' delay for the {@code failures}-th failed attempt in a row (1 = the first). */
    private Duration delay(int failures) {
        double millis = Math.max(options.initialReconnectDelay(), MIN_INITIAL_DELAY_MILLIS);
        if (options.useExponentialBackOff()) {
            millis *= Math.pow(options.backOffMultiplier(), failures - 1);
        }
        millis += random.nextDouble() * options.reconnectDelayJitter();
        double capped = Math.max(0, Math.min(millis, options.maxReconnectDelay()));
        return Duration.ofNanos(Math.round(capped * 1_000_000));
    }
}
