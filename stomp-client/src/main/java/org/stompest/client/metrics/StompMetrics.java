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
package org.stompest.client.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.stompest.client.ConnectionListener;
import org.stompest.client.ConnectionPool;
import org.stompest.client.ConnectionStats;
import org.stompest.client.StompConnection;

/**
 * Micrometer meters for stompest connections, at the level of the RabbitMQ Java client's
 * {@code MicrometerMetricsCollector} plus what a failover client needs. Every meter carries the tag
 * {@code connection=<id>} and the tags given to {@link #bind}; names (dots, as Micrometer wants them):
 * <pre>
 * stompest.published              counter  SEND frames written
 * stompest.published.confirmed    counter  SENDs whose RECEIPT arrived
 * stompest.published.failed       counter  SENDs with a receipt that failed (lost connection, timeout, ERROR)
 * stompest.consumed               counter  MESSAGE frames received
 * stompest.acked                  counter  ACK frames written
 * stompest.nacked                 counter  NACK frames written
 * stompest.redelivered            counter  MESSAGEs marked redelivered
 * stompest.reconnects             counter  successful connects after a loss
 * stompest.failovers              counter  reconnects to another broker than before
 * stompest.connect.attempts       counter  attempts of the failover loop
 * stompest.heartbeats.missed      counter  silences longer than the heart-beat tolerance
 * stompest.connection.state       gauge    1 for the connection's current state, tag state=CONNECTED|...; 0 else
 * stompest.receipts.pending       gauge    receipts in flight
 * stompest.receipt.latency        timer    SEND to RECEIPT, with percentiles 0.5, 0.95, 0.99 and a histogram
 * </pre>
 * Counters are {@link FunctionCounter}s over {@link ConnectionStats}: the hot path stays as it is (adders, no
 * locks); only the receipt latency is recorded per receipt, on the runtime's callback threads. The meters of a
 * connection are removed from the registry when it is closed.
 *
 * <p><b>Optional dependency.</b> micrometer-core is an optional dependency of stomp-client: this package is the only
 * code that refers to it, and nothing else loads it, so users without Micrometer see no difference.
 */
public final class StompMetrics implements AutoCloseable {
    public static final String PREFIX = "stompest.";

    private final MeterRegistry registry;
    private final Tags tags;
    private final Map<StompConnection, Bound> bound = new ConcurrentHashMap<>();
    private volatile ConnectionPool pool;
    private final java.util.function.Consumer<StompConnection> onCreated = this::bind;

    private StompMetrics(MeterRegistry registry, Iterable<Tag> tags) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tags = Tags.of(tags);
    }

    /** Meters for one connection (closed: they are removed). */
    public static StompMetrics bind(StompConnection connection, MeterRegistry registry, Iterable<Tag> tags) {
        StompMetrics metrics = new StompMetrics(registry, tags);
        metrics.bind(connection);
        return metrics;
    }

    /** Meters for every connection of a pool, those there now and those it makes later, until closed. */
    public static StompMetrics bind(ConnectionPool pool, MeterRegistry registry, Iterable<Tag> tags) {
        StompMetrics metrics = new StompMetrics(registry, tags);
        metrics.pool = pool;
        pool.addCreationListener(metrics.onCreated); // first, so no connection falls between the two
        pool.connections().forEach(metrics::bind);
        return metrics;
    }

    private void bind(StompConnection connection) {
        bound.computeIfAbsent(connection, c -> new Bound(c, registry, tags.and("connection", c.id())));
        if (connection.state() == StompConnection.State.CLOSED) {
            unbind(connection); // closed meanwhile: its listener may have missed it
        }
    }

    private void unbind(StompConnection connection) {
        Bound b = bound.remove(connection);
        if (b != null) {
            b.remove();
        }
    }

    /** Stops binding new connections and removes every meter this binder registered. */
    @Override
    public void close() {
        ConnectionPool p = pool;
        if (p != null) {
            p.removeCreationListener(onCreated);
        }
        for (StompConnection connection : List.copyOf(bound.keySet())) {
            unbind(connection);
        }
    }

    /** The meters of one connection and what removes them. */
    private final class Bound implements ConnectionListener {
        private final StompConnection connection;
        private final MeterRegistry registry;
        private final List<Meter> meters = new ArrayList<>();
        private final Timer latency;
        private final LongConsumer latencyListener;

        Bound(StompConnection connection, MeterRegistry registry, Tags tags) {
            this.connection = connection;
            this.registry = registry;
            ConnectionStats stats = connection.stats();
            counter("published", "SEND frames written", tags, stats, ConnectionStats::messagesSent);
            counter("published.confirmed", "SENDs whose RECEIPT arrived", tags, stats,
                    ConnectionStats::sendsConfirmed);
            counter("published.failed", "SENDs with a receipt that failed", tags, stats, ConnectionStats::sendsFailed);
            counter("consumed", "MESSAGE frames received", tags, stats, ConnectionStats::messagesReceived);
            counter("acked", "ACK frames written", tags, stats, ConnectionStats::acked);
            counter("nacked", "NACK frames written", tags, stats, ConnectionStats::nacked);
            counter("redelivered", "MESSAGEs marked redelivered", tags, stats, ConnectionStats::redelivered);
            counter("reconnects", "Successful connects after a loss", tags, stats, ConnectionStats::reconnects);
            counter("failovers", "Reconnects to another broker", tags, stats, ConnectionStats::failovers);
            counter("connect.attempts", "Attempts of the failover loop", tags, stats,
                    ConnectionStats::connectAttempts);
            counter("heartbeats.missed", "Silences longer than the heart-beat tolerance", tags, stats,
                    ConnectionStats::missedHeartBeats);
            for (StompConnection.State state : StompConnection.State.values()) {
                meters.add(Gauge.builder(PREFIX + "connection.state", connection,
                                c -> c.state() == state ? 1 : 0)
                        .description("1 for the connection's current state").tags(tags).tag("state", state.name())
                        .register(registry));
            }
            meters.add(Gauge.builder(PREFIX + "receipts.pending", stats, s -> s.pendingReceipts())
                    .description("Receipts in flight").tags(tags).register(registry));
            latency = Timer.builder(PREFIX + "receipt.latency").description("SEND to its RECEIPT").tags(tags)
                    .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry);
            meters.add(latency);
            latencyListener = nanos -> latency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            stats.addReceiptLatencyListener(latencyListener);
            connection.addListener(this);
        }

        private void counter(String name, String description, Tags tags, ConnectionStats stats,
                             ToDoubleFunction<ConnectionStats> count) {
            meters.add(FunctionCounter.builder(PREFIX + name, stats, count).description(description).tags(tags)
                    .register(registry));
        }

        @Override
        public void stateChanged(StompConnection.State from, StompConnection.State to) {
            if (to == StompConnection.State.CLOSED) {
                unbind(connection);
            }
        }

        void remove() {
            connection.removeListener(this);
            connection.stats().removeReceiptLatencyListener(latencyListener);
            meters.forEach(registry::remove);
        }
    }
}
