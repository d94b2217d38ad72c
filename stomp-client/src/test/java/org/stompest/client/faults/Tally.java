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
package org.stompest.client.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bookkeeping of one fault case: which messages (by sequence number) were sent, confirmed (receipt or completed
 * exchange), received (how often each), found corrupted, plus recovery times; {@link #report(String)} prints the
 * one-line summary through SLF4J at INFO on the logger {@code faults}:
 * <pre>crash-restart: sent=20000 confirmed=20000 received=20000 duplicates=12 lost=0 recovery=850ms</pre>
 * <ul>
 * <li>sent: distinct messages the producers tried to send (a retry of the same message is not counted again; see
 * {@code attempts} in the extras).</li>
 * <li>confirmed: distinct messages whose send was confirmed.</li>
 * <li>received: distinct messages received; duplicates: deliveries beyond the first of each message.</li>
 * <li>lost: confirmed messages never received. Every case asserts it is 0.</li>
 * </ul>
 * Thread-safe.
 */
public final class Tally {
    /** The logger every case reports on. */
    public static final Logger FAULTS = LoggerFactory.getLogger("faults");

    static {
        // the modules' log4j2-test.xml keep the root at WARN: the summaries must show anyway
        Configurator.setLevel("faults", Level.INFO);
    }

    private static final int CHUNK = 4096;

    private final String name;
    /** Per sequence number: sent attempts, confirmed (0/1), deliveries; in chunks of 4096 (dense numbers). */
    private final Map<Long, AtomicIntegerArray> sent = new ConcurrentHashMap<>();
    private final Map<Long, AtomicIntegerArray> confirmed = new ConcurrentHashMap<>();
    private final Map<Long, AtomicIntegerArray> received = new ConcurrentHashMap<>();
    private final LongAdder sentCount = new LongAdder();
    private final LongAdder confirmedCount = new LongAdder();
    private final LongAdder receivedCount = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final AtomicLong corrupted = new AtomicLong();
    private final List<Long> recoveries = new CopyOnWriteArrayList<>();
    private final Map<String, Object> extras = Collections.synchronizedMap(new java.util.LinkedHashMap<>());

    public Tally(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    private static int increment(Map<Long, AtomicIntegerArray> counts, long seq) {
        if (seq < 0) {
            throw new IllegalArgumentException("sequence numbers are >= 0: " + seq);
        }
        AtomicIntegerArray chunk = counts.computeIfAbsent(seq / CHUNK, k -> new AtomicIntegerArray(CHUNK));
        return chunk.incrementAndGet((int) (seq % CHUNK));
    }

    private static int count(Map<Long, AtomicIntegerArray> counts, long seq) {
        AtomicIntegerArray chunk = counts.get(seq / CHUNK);
        return chunk == null ? 0 : chunk.get((int) (seq % CHUNK));
    }

    /** A send (or a retry) of message {@code seq} is attempted. */
    public void sent(long seq) {
        attempts.increment();
        if (increment(sent, seq) == 1) {
            sentCount.increment();
        }
    }

    /** The send of {@code seq} was confirmed. */
    public void confirmed(long seq) {
        if (increment(confirmed, seq) == 1) {
            confirmedCount.increment();
        }
    }

    /** {@code seq} was delivered; returns whether it was the first delivery. */
    public boolean received(long seq) {
        deliveries.increment();
        if (increment(received, seq) == 1) {
            receivedCount.increment();
            return true;
        }
        return false;
    }

    /** A delivered body failed its checksum. */
    public void corrupted() {
        corrupted.incrementAndGet();
    }

    /** A recovery took this long (fault injected or broker back, to traffic flowing again). */
    public void recovery(long millis) {
        recoveries.add(millis);
    }

    /** An extra {@code key=value} for the summary line. */
    public void extra(String key, Object value) {
        extras.put(key, value);
    }

    public int sentCount() {
        return sentCount.intValue();
    }

    public int confirmedCount() {
        return confirmedCount.intValue();
    }

    public int receivedCount() {
        return receivedCount.intValue();
    }

    public boolean wasReceived(long seq) {
        return count(received, seq) > 0;
    }

    public boolean wasConfirmed(long seq) {
        return count(confirmed, seq) > 0;
    }

    /** How often {@code seq} was delivered. */
    public int deliveriesOf(long seq) {
        return count(received, seq);
    }

    public long attempts() {
        return attempts.sum();
    }

    public long deliveries() {
        return deliveries.sum();
    }

    /** Deliveries beyond the first of each message. */
    public long duplicates() {
        return deliveries.sum() - receivedCount.sum();
    }

    public long corruptedCount() {
        return corrupted.get();
    }

    /** Confirmed but never received, sorted. */
    public Set<Long> lost() {
        return missing(confirmed, received);
    }

    /** Received but never sent: must never happen (a corrupted sequence number or a foreign message). */
    public Set<Long> unexpected() {
        return missing(received, sent);
    }

    /** Numbers counted in {@code present} and not in {@code absent}. */
    private static Set<Long> missing(Map<Long, AtomicIntegerArray> present, Map<Long, AtomicIntegerArray> absent) {
        Set<Long> missing = new TreeSet<>();
        for (Map.Entry<Long, AtomicIntegerArray> entry : present.entrySet()) {
            AtomicIntegerArray chunk = entry.getValue();
            for (int i = 0; i < CHUNK; i++) {
                long seq = entry.getKey() * CHUNK + i;
                if (chunk.get(i) > 0 && count(absent, seq) == 0) {
                    missing.add(seq);
                }
            }
        }
        return missing;
    }

    public List<Long> recoveries() {
        return new ArrayList<>(recoveries);
    }

    public long maxRecovery() {
        return recoveries.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The summary line (without logging it). */
    public String summary() {
        StringBuilder line = new StringBuilder(name).append(": sent=").append(sentCount())
                .append(" confirmed=").append(confirmedCount())
                .append(" received=").append(receivedCount())
                .append(" duplicates=").append(duplicates())
                .append(" lost=").append(lost().size());
        if (corrupted.get() > 0) {
            line.append(" corrupted=").append(corrupted.get());
        }
        if (!recoveries.isEmpty()) {
            line.append(" recovery=").append(maxRecovery()).append("ms");
            if (recoveries.size() > 1) {
                line.append(" recoveries=").append(recoveries).append("ms");
            }
        }
        synchronized (extras) {
            extras.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        }
        return line.toString();
    }

    /** Logs the summary at INFO on {@code faults}, with the elapsed time, and returns it. */
    public String report(long elapsedMillis) {
        extra("elapsed", elapsedMillis + "ms");
        String line = summary();
        FAULTS.info(line);
        return line;
    }

    @Override
    public String toString() {
        return summary();
    }
}
