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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares {@link StompConnection}s among the users of one {@link StompConfig}: a Camel context's consumers and
 * producers lease from one pool, so twenty routes on one broker make one TCP connection, not twenty.
 *
 * <p>Lifecycle of a pooled connection:
 * <ol>
 *   <li>{@link #lease} finds the connections of the config (the key is {@link StompConfig#equals}, which ignores
 *       {@link StompConfig#name()}). While there are fewer than {@link StompConfig#maxConnections()} it makes a new
 *       one and starts {@link StompConnection#connectAsync()}; after that it picks the one with the fewest leases,
 *       so senders spread evenly.</li>
 *   <li>The lease holder uses {@link PooledConnection#connection()}: subscribing works before the connection is
 *       up, and a send before it is up fails with the connection's own error.</li>
 *   <li>{@link PooledConnection#close()} releases the lease. The last release takes the connection out of the
 *       pool and disconnects it gracefully ({@link StompConnection#disconnect()}: DISCONNECT, await its receipt,
 *       close); a connection that is not connected is just closed.</li>
 *   <li>A connection whose failover loop gave up (FAILED) or that was closed behind the pool's back is no longer
 *       handed out; its leases stay valid until released, and the next lease makes a fresh connection.</li>
 *   <li>{@link #close()} takes every connection out and disconnects it; leasing then fails.</li>
 * </ol>
 * All connections of a pool share one {@link ClientRuntime}: the caller's, or one the pool makes and closes last.
 *
 * <p><b>Threads.</b> One lock guards the bookkeeping (the map and the lease counts) and nothing else: no lock is
 * held while connecting or disconnecting, because both block on the network (a disconnect waits up to the
 * receipt timeout), and a lease of one config must not wait for a slow broker of another. That is why a new
 * connection connects in the background and why the last release disconnects after the connection has left the
 * map: a concurrent lease of the same config then simply makes a new connection.
 */
public final class ConnectionPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

    private final Function<StompConfig, StompConnection> factory;
    /** The runtime this pool made for its connections (closed with it), or null. */
    private final ClientRuntime ownRuntime;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final Map<StompConfig, List<Entry>> entries = new HashMap<>();
    /** Guarded by {@link #lock}. */
    private boolean closed;
    private final List<Consumer<StompConnection>> creationListeners = new CopyOnWriteArrayList<>();

    /** A pool whose connections share one {@link ClientRuntime} of its own, closed with the pool. */
    public ConnectionPool() {
        this(ClientRuntime.create(), true);
    }

    /** A pool whose connections run on {@code runtime}; the caller closes it after the pool. */
    public ConnectionPool(ClientRuntime runtime) {
        this(Objects.requireNonNull(runtime, "runtime"), false);
    }

    private ConnectionPool(ClientRuntime runtime, boolean ownsRuntime) {
        this.factory = config -> new StompConnection(config, runtime);
        this.ownRuntime = ownsRuntime ? runtime : null;
    }

    /** A pool making its connections with {@code factory} (tests). */
    ConnectionPool(Function<StompConfig, StompConnection> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.ownRuntime = null;
    }

    /**
     * Leases a connection of {@code config}: shared, reference counted, connecting in the background when new.
     *
     * @throws IllegalStateException when the pool is closed
     */
    public PooledConnection lease(StompConfig config) {
        return lease(config, StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass()
                .getSimpleName());
    }

    /**
     * Leases a connection of {@code config} for {@code holder} (e.g. an endpoint URI without secrets), the name that
     * {@link StompConnection#leaseHolders()} and a refused JMX {@code disconnect} show.
     *
     * @throws IllegalStateException when the pool is closed
     */
    public PooledConnection lease(StompConfig config, String holder) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(holder, "holder");
        Entry chosen;
        boolean created = false;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("Connection pool is closed [config=" + config + "]");
            }
            List<Entry> connections = entries.computeIfAbsent(config, k -> new ArrayList<>());
            connections.removeIf(Entry::isDead);
            if (connections.size() < Math.max(1, config.maxConnections())) {
                chosen = new Entry(config, factory.apply(config));
                Entry entry = chosen;
                entry.connection.leaseHolders(() -> holders(entry));
                connections.add(chosen);
                created = true;
            } else {
                chosen = connections.get(0);
                for (Entry entry : connections) {
                    if (entry.leases < chosen.leases) {
                        chosen = entry;
                    }
                }
            }
            chosen.leases++;
            chosen.holders.add(holder);
        }
        if (created) {
            LOG.debug("New pooled connection [id={}, config={}]", chosen.connection.id(), config);
            for (Consumer<StompConnection> listener : creationListeners) {
                try {
                    listener.accept(chosen.connection);
                } catch (RuntimeException e) {
                    LOG.warn("Connection creation listener failed [id={}]", chosen.connection.id(), e);
                }
            }
            connectInBackground(chosen.connection);
        }
        return new PooledConnection(this, chosen, holder);
    }

    /**
     * Calls {@code listener} with every connection the pool makes from now on, on the leasing thread before the
     * connection starts connecting (metrics binders use it); {@link #connections()} gives those made before.
     */
    public void addCreationListener(Consumer<StompConnection> listener) {
        creationListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeCreationListener(Consumer<StompConnection> listener) {
        creationListeners.remove(listener);
    }

    /** The connections in the pool now, over all configs. */
    public List<StompConnection> connections() {
        synchronized (lock) {
            List<StompConnection> all = new ArrayList<>();
            entries.values().forEach(list -> list.forEach(entry -> all.add(entry.connection)));
            return all;
        }
    }

    /** Number of connections in the pool, over all configs. */
    public int size() {
        synchronized (lock) {
            int size = 0;
            for (List<Entry> connections : entries.values()) {
                size += connections.size();
            }
            return size;
        }
    }

    /** Number of leases of {@code connection}, 0 when it is not in the pool. */
    public int leases(StompConnection connection) {
        synchronized (lock) {
            List<Entry> connections = entries.get(connection.config());
            if (connections != null) {
                for (Entry entry : connections) {
                    if (entry.connection == connection) {
                        return entry.leases;
                    }
                }
            }
            return 0;
        }
    }

    /** Disconnects every connection, leased or not; further leases fail, releases do nothing. */
    @Override
    public void close() {
        List<Entry> all = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            entries.values().forEach(all::addAll);
            entries.clear();
            all.forEach(entry -> {
                entry.leases = 0;
                entry.holders.clear();
            });
        }
        for (Entry entry : all) {
            shutDown(entry.connection);
        }
        if (ownRuntime != null) {
            ownRuntime.close();
        }
    }

    /** The holders of the entry's leases, a copy. */
    private List<String> holders(Entry entry) {
        synchronized (lock) {
            return List.copyOf(entry.holders);
        }
    }

    /** Called by {@link PooledConnection#close()} once per lease. */
    void release(Entry entry, String holder) {
        boolean last;
        synchronized (lock) {
            if (entry.leases <= 0) {
                return; // closed with the pool
            }
            entry.leases--;
            entry.holders.remove(holder);
            last = entry.leases == 0;
            if (last) {
                List<Entry> connections = entries.get(entry.config);
                if (connections != null && connections.remove(entry) && connections.isEmpty()) {
                    entries.remove(entry.config);
                }
            }
        }
        if (last) {
            LOG.debug("Last lease released [id={}]", entry.connection.id());
            shutDown(entry.connection);
        }
    }

    private static void connectInBackground(StompConnection connection) {
        try {
            connection.connectAsync().whenComplete((ignored, error) -> {
                if (error == null) {
                    return;
                }
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                if (connection.state() == StompConnection.State.CLOSED) {
                    // released or pool closed while connecting: nothing went wrong
                    LOG.debug("Pooled connection closed while connecting [id={}]", connection.id());
                } else {
                    LOG.warn("Pooled connection did not connect [id={}]: {}", connection.id(), cause.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Pooled connection did not start connecting [id={}]: {}", connection.id(), e.toString());
        }
    }

    /** Disconnects gracefully if connected, else closes; never throws. */
    private static void shutDown(StompConnection connection) {
        try {
            if (connection.isConnected()) {
                connection.disconnect();
            }
        } catch (RuntimeException e) {
            LOG.warn("Graceful disconnect failed [id={}]: {}", connection.id(), e.toString());
        } finally {
            try {
                connection.close();
            } catch (RuntimeException e) {
                LOG.warn("Close failed [id={}]: {}", connection.id(), e.toString());
            }
        }
    }

    /** One pooled connection and its lease count (guarded by the pool's lock). */
    static final class Entry {
        final StompConfig config;
        final StompConnection connection;
        int leases;
        final List<String> holders = new ArrayList<>();

        Entry(StompConfig config, StompConnection connection) {
            this.config = config;
            this.connection = connection;
        }

        boolean isDead() {
            StompConnection.State state = connection.state();
            return state == StompConnection.State.FAILED || state == StompConnection.State.CLOSED;
        }
    }
}
