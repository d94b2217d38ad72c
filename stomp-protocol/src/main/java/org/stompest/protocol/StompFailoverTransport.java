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
package org.stompest.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import org.stompest.error.StompConnectTimeout;

/**
 * The failover scheme of a {@link StompFailoverUri}: iterating yields {@link StompFailoverAttempt}s (broker, delay)
 * until the scheme allows no further attempt. It never sleeps and never connects; the client sleeps for each
 * delay, tries the broker, and stops iterating on success.
 * <pre>
 * for (StompFailoverAttempt attempt : new StompFailoverTransport(uri)) { // may throw StompConnectTimeout
 *     sleep(attempt.delay());
 *     if (tryConnect(attempt.broker())) break;
 * }
 * </pre>
 *
 * <p>The algorithm is the reference's, exactly:
 * <ol>
 * <li>{@link #iterator()} starts an iteration and resets the counters, which live on this object, not on the
 * iterator (two overlapping iterators share them, as in the reference): the delay restarts at
 * {@code initialReconnectDelay}, and the attempt limit is {@code startupMaxReconnectAttempts} for the first
 * iteration ever on this object and {@code maxReconnectAttempts} for every later one, however the earlier ended.</li>
 * <li>Each pass over the brokers copies the list, shuffles it if {@code randomize} (on every pass), and if
 * {@code priorityBackup} moves the local hosts first, keeping the order within both groups (checked every pass).</li>
 * <li>The first attempt of an iteration has delay 0 and is never counted. Attempt k &ge; 1 fails if the limit is
 * not -1 and k &gt; limit; otherwise its delay is {@code max(0, min(current + U * jitter, maxReconnectDelay))} ms
 * with U uniform in [0, 1), after which {@code current} is multiplied by {@code backOffMultiplier} if
 * {@code useExponentialBackOff}. The delay is a {@code double}, so it may overflow to infinity (still capped) or
 * be NaN (then 0, as Python's {@code min}/{@code max} give). A limit of n &ge; 0 allows n + 1 attempts; another
 * negative limit behaves like 0.</li>
 * </ol>
 *
 * <p>The timeout is lazy: {@link Iterator#hasNext()} is true until it has been thrown, and the
 * {@link Iterator#next()} after the last allowed attempt throws {@link StompConnectTimeout}
 * {@code Reconnect timeout: N attempts} (N the limit in force), so a for-each loop gets it from {@code next()}.
 * After that the iterator is done: {@code hasNext()} is false and {@code next()} throws
 * {@link NoSuchElementException}, like an exhausted Python generator.
 *
 * <p>Deliberate deviation: the reference also counts the machine's own host name, its address and its FQDN as
 * local, which needs DNS. The protocol layer does no I/O, so by default only {@link #isLocalHost(String)} is used
 * ({@code localhost} and {@code 127.x.y.z}); a client that wants the full check injects a resolving predicate.
 * The random source is injectable too, so tests are deterministic. Not thread-safe, like the reference.
 */
public final class StompFailoverTransport implements Iterable<StompFailoverAttempt> {
    private static final String LOCALHOST = "localhost";

    private final StompFailoverUri uri;
    private final RandomGenerator random;
    private final Predicate<String> isLocalHost;

    /** Whether an iteration was ever started: selects the attempt limit. */
    private boolean started;
    /** The attempt limit of the current iteration. */
    private int limit;
    /** The attempt number within the current iteration; -1 before the first. */
    private long attempt;
    /** The un-jittered, uncapped delay in ms of the next counted attempt. */
    private double currentDelay;

    /** Parses {@code uri}; uses a fresh {@link Random} and the DNS-free {@link #isLocalHost(String)}. */
    public StompFailoverTransport(String uri) {
        this(new StompFailoverUri(uri));
    }

    /** Uses a fresh {@link Random} and the DNS-free {@link #isLocalHost(String)}. */
    public StompFailoverTransport(StompFailoverUri uri) {
        this(uri, new Random(), StompFailoverTransport::isLocalHost);
    }

    /**
     * @param uri the parsed failover URI
     * @param random the source for shuffling ({@code randomize}) and jitter
     * @param isLocalHost which hosts {@code priorityBackup} puts first; asked on every pass
     */
    public StompFailoverTransport(StompFailoverUri uri, RandomGenerator random, Predicate<String> isLocalHost) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.random = Objects.requireNonNull(random, "random");
        this.isLocalHost = Objects.requireNonNull(isLocalHost, "isLocalHost");
    }

    /** The failover URI this transport iterates over. */
    public StompFailoverUri uri() {
        return uri;
    }

    /**
     * The DNS-free part of the reference's local-host check: exactly {@code localhost} (case-sensitive), or
     * {@code 127.} followed by three dot-separated runs of ASCII digits ({@code 127.1.2.3}; not {@code 127.0.0}).
     * The host name, its address and FQDN are left to the client, which may inject a resolving predicate.
     */
    public static boolean isLocalHost(String host) {
        if (host.equals(LOCALHOST)) {
            return true;
        }
        if (!host.startsWith("127.")) {
            return false;
        }
        int groups = 1;
        int digits = 0;
        for (int i = "127.".length(); i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && digits > 0 && groups < 3) {
                groups++;
                digits = 0;
            } else {
                return false;
            }
        }
        return groups == 3 && digits > 0;
    }

    /** Starts a new iteration: resets the shared counters (see the class comment). */
    @Override
    public Iterator<StompFailoverAttempt> iterator() {
        StompFailoverOptions options = uri.options();
        currentDelay = options.initialReconnectDelay();
        limit = started ? options.maxReconnectAttempts() : options.startupMaxReconnectAttempts();
        started = true;
        attempt = -1;
        return new Attempts();
    }

    /** The brokers of one pass: shuffled if {@code randomize}, local ones first if {@code priorityBackup}. */
    private List<StompBroker> pass() {
        StompFailoverOptions options = uri.options();
        List<StompBroker> brokers = new ArrayList<>(uri.brokers());
        if (options.randomize()) {
            for (int i = brokers.size() - 1; i > 0; i--) { // Fisher-Yates, as Python's random.shuffle
                int j = random.nextInt(i + 1);
                brokers.set(j, brokers.set(i, brokers.get(j)));
            }
        }
        if (options.priorityBackup()) {
            List<StompBroker> remote = new ArrayList<>();
            List<StompBroker> ordered = new ArrayList<>();
            for (StompBroker broker : brokers) {
                (isLocalHost.test(broker.host()) ? ordered : remote).add(broker);
            }
            ordered.addAll(remote);
            brokers = ordered;
        }
        return brokers;
    }

    /** Counts an attempt and returns its delay, or throws the timeout. */
    private Duration delay() {
        StompFailoverOptions options = uri.options();
        attempt++;
        if (attempt == 0) {
            return Duration.ZERO;
        }
        if (limit != -1 && attempt > limit) {
            throw new StompConnectTimeout("Reconnect timeout: " + limit + " attempts");
        }
        double jittered = currentDelay + random.nextDouble() * options.reconnectDelayJitter();
        double max = options.maxReconnectDelay();
        double capped = max < jittered ? max : jittered; // Python's min(jittered, max), NaN included
        double millis = capped > 0 ? capped : 0; // Python's max(0, capped)
        if (options.useExponentialBackOff()) {
            currentDelay *= options.backOffMultiplier();
        }
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /** One iteration: the pass in progress is per iterator, the counters are the transport's. */
    private final class Attempts implements Iterator<StompFailoverAttempt> {
        private List<StompBroker> brokers = List.of();
        private int index;
        private boolean timedOut;

        @Override
        public boolean hasNext() {
            return !timedOut;
        }

        @Override
        public StompFailoverAttempt next() {
            if (timedOut) {
                throw new NoSuchElementException("failover iteration ended with a reconnect timeout");
            }
            if (index == brokers.size()) {
                brokers = pass();
                index = 0;
            }
            StompBroker broker = brokers.get(index++);
            try {
                return new StompFailoverAttempt(broker, delay());
            } catch (StompConnectTimeout e) {
                timedOut = true;
                throw e;
            }
        }
    }
}
