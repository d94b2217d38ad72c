package org.stompest.client;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One lease of a {@link ConnectionPool} connection. {@link #close()} releases it (once; later calls do nothing);
 * the last release of a connection disconnects it. Never close the {@link #connection()} itself: other lease
 * holders share it.
 */
public final class PooledConnection implements AutoCloseable {

    private final ConnectionPool pool;
    private final ConnectionPool.Entry entry;
    private final String holder;
    private final AtomicBoolean released = new AtomicBoolean();

    PooledConnection(ConnectionPool pool, ConnectionPool.Entry entry, String holder) {
        this.pool = pool;
        this.entry = entry;
        this.holder = holder;
    }

    /**
     * The shared connection.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public StompConnection connection() {
        if (released.get()) {
            throw new IllegalStateException("Lease already released [id=" + entry.connection.id() + "]");
        }
        return entry.connection;
    }

    /** Whether {@link #close()} was called. */
    public boolean isReleased() {
        return released.get();
    }

    /** Releases the lease. */
    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            pool.release(entry, holder);
        }
    }

    @Override
    public String toString() {
        return "PooledConnection[id=" + entry.connection.id() + (released.get() ? ", released" : "") + "]";
    }
}
