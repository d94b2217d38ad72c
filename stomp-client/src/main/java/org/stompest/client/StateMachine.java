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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.StompConnection.State;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompError;

/**
 * The state of one connection ({@link State}, see {@link StompConnection} for the lifecycle), changed only through a
 * {@link Change}, which tells the {@link ConnectionListeners} about its transitions once it ends.
 * <pre>
 * try (StateMachine.Change change = states.change()) {   // takes the state lock
 *     if (change.current() != State.CONNECTED) throw states.illegal("disconnect", change.current());
 *     change.to(State.DISCONNECTING);
 *     change.unlock();                                    // optional: what follows runs without the lock
 *     ...
 * }                                                       // unlocks if still locked, then tells the listeners
 * </pre>
 * Locks: the state lock guards the state and {@link Change#ready()}; a change takes it once (never nested) and the
 * listeners are told after it is released. The state is also readable without the lock ({@link #current()}).
 */
final class StateMachine implements Connector.States {
    private static final Logger LOG = LoggerFactory.getLogger(StateMachine.class);

    private final String id;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConnectionListeners listeners = new ConnectionListeners(lock);
    private volatile State state = State.NEW;
    /** Completes when CONNECTED; replaced when a connect or reconnect starts after it completed. */
    private CompletableFuture<Void> ready = new CompletableFuture<>();

    /** @param id the connection's id, for messages */
    StateMachine(String id) {
        this.id = id;
    }

    /** The state now, without the lock. */
    State current() {
        return state;
    }

    /** For assertions: whether this thread holds the state lock. */
    boolean isLockedByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    ConnectionListeners listeners() {
        return listeners;
    }

    /** Takes the state lock for a change; close the change to release it and deliver its transitions. */
    Change change() {
        assert !lock.isHeldByCurrentThread() : "state lock taken twice";
        lock.lock();
        return new Change();
    }

    @Override
    public boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Whether the connection is CONNECTING or RECONNECTING; if so, runs {@code publish} under the state lock. */
    @Override
    public boolean whileConnecting(Runnable publish) {
        try (Change change = change()) {
            State s = change.current();
            if (s != State.CONNECTING && s != State.RECONNECTING) {
                return false;
            }
            publish.run();
            return true;
        }
    }

    /** Waits for a connect in progress ({@link Change#ready()}); rethrows its failure. */
    static void awaitReady(CompletableFuture<Void> ready) {
        try {
            ready.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StompError) {
                throw (StompError) e.getCause();
            }
            throw new StompConnectionError("Could not connect [" + e.getCause() + "]", e.getCause());
        }
    }

    /** {@code Cannot <operation> in state <current> [connection=<id>]}. */
    StompConnectionError illegal(String operation, State current) {
        return new StompConnectionError("Cannot " + operation + " in state " + current + " [connection=" + id + "]");
    }

    /** One change of state under the state lock; {@link #close()} releases it and tells the listeners. */
    final class Change implements AutoCloseable {
        private boolean locked = true;

        State current() {
            return state;
        }

        /** Moves to {@code to}; the listeners hear of it, in order, when the change is closed. */
        void to(State to) {
            assert lock.isHeldByCurrentThread() : "state change without the state lock";
            State from = state;
            state = to;
            if ((to == State.CONNECTING || to == State.RECONNECTING) && ready.isDone()) {
                ready = new CompletableFuture<>();
            }
            listeners.queue(from, to);
            LOG.debug("Connection {}: {} -> {}", id, from, to);
        }

        /** The future of the next CONNECTED (completed while connected). */
        CompletableFuture<Void> ready() {
            assert lock.isHeldByCurrentThread() : "ready read without the state lock";
            return ready;
        }

        /** Releases the state lock early; the listeners are still told when the change is closed. */
        void unlock() {
            if (locked) {
                locked = false;
                lock.unlock();
            }
        }

        @Override
        public void close() {
            unlock();
            listeners.deliver();
        }
    }
}
