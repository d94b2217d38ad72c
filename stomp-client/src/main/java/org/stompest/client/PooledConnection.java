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
