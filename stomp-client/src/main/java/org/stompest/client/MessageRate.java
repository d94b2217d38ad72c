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

import java.util.function.LongSupplier;

/**
 * Messages per second, as an exponentially weighted moving average over about one minute (the one-minute load
 * average of Unix and of Dropwizard's {@code Meter}), computed from a counter that the hot path only increments.
 *
 * <p>The writers never touch this object: it reads the counter's total when asked, and folds in one five-second
 * tick per interval elapsed since the last read (the events of the whole gap count in the first of those ticks,
 * as in Dropwizard). Only readers (JMX, Micrometer) take its monitor, so there is no lock on the hot path.
 */
final class MessageRate {
    static final long TICK_NANOS = 5_000_000_000L;
    /** Weight of a new tick in the one-minute average: {@code 1 - e^(-5/60)}. */
    private static final double ALPHA = 1 - Math.exp(-5.0 / 60.0);

    private final LongSupplier total;
    private long lastTick;
    private long lastTotal;
    private double perSecond;
    private boolean started;

    MessageRate(LongSupplier total, long nowNanos) {
        this.total = total;
        this.lastTick = nowNanos;
        this.lastTotal = total.getAsLong();
    }

    /** The average rate in messages per second at {@code nowNanos}; 0 before the first five seconds have passed. */
    synchronized double perSecond(long nowNanos) {
        long ticks = (nowNanos - lastTick) / TICK_NANOS;
        if (ticks <= 0) {
            return perSecond;
        }
        long now = total.getAsLong();
        double first = (now - lastTotal) / (TICK_NANOS / 1e9);
        lastTotal = now;
        lastTick += ticks * TICK_NANOS;
        if (!started) {
            perSecond = first; // the first tick seeds the average, as Dropwizard's EWMA does
            started = true;
        } else {
            perSecond += ALPHA * (first - perSecond);
        }
        for (long i = 1; i < Math.min(ticks, 1000); i++) {
            perSecond -= ALPHA * perSecond; // idle ticks decay it
        }
        return perSecond;
    }
}
