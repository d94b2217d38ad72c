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

import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.StompConnection.State;
import org.stompest.protocol.StompFrame;

/**
 * The {@link ConnectionListener}s of one connection, told about its transitions in order and about every ERROR.
 * <ol>
 * <li>The {@link StateMachine} {@link #queue}s each transition while it holds the state lock, so the queue has their
 * order.</li>
 * <li>{@link #deliver()}, called after the lock is released, tells the listeners; a thread that finds another one
 * delivering leaves its events to it.</li>
 * <li>{@link #errorReceived} and {@link #connectRefused} tell them at once (on the reader thread).</li>
 * </ol>
 * A listener that throws is logged and the others are still told.
 */
final class ConnectionListeners {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionListeners.class);

    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final Queue<State[]> events = new ConcurrentLinkedQueue<>();
    private final ReentrantLock eventLock = new ReentrantLock();
    private final ReentrantLock stateLock;

    /** @param stateLock the state lock of the connection: held to queue, never to deliver */
    ConnectionListeners(ReentrantLock stateLock) {
        this.stateLock = stateLock;
    }

    void add(ConnectionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(ConnectionListener listener) {
        listeners.remove(listener);
    }

    /** Queues the transition {@code from -> to}; call it with the connection's state lock held. */
    void queue(State from, State to) {
        assert stateLock.isHeldByCurrentThread() : "transition queued without the state lock";
        events.add(new State[] {from, to});
    }

    /** Tells the listeners about the queued transitions, in order; call it outside the connection's locks. */
    void deliver() {
        assert !stateLock.isHeldByCurrentThread() : "listeners told under the state lock";
        while (!events.isEmpty() && eventLock.tryLock()) {
            try {
                State[] event;
                while ((event = events.poll()) != null) {
                    for (ConnectionListener listener : listeners) {
                        try {
                            listener.stateChanged(event[0], event[1]);
                        } catch (RuntimeException e) {
                            LOG.warn("Connection listener failed on {} -> {}", event[0], event[1], e);
                        }
                    }
                }
            } finally {
                eventLock.unlock();
            }
        }
    }

    /** Tells the listeners about an ERROR frame. */
    void errorReceived(StompFrame frame) {
        tellEach(listener -> listener.errorReceived(frame), "an ERROR");
    }

    /** Tells the listeners that an ERROR refused CONNECT. */
    void connectRefused(StompFrame frame) {
        tellEach(listener -> listener.connectRefused(frame), "a refused CONNECT");
    }

    private void tellEach(Consumer<ConnectionListener> event, String what) {
        for (ConnectionListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Connection listener failed on {}", what, e);
            }
        }
    }
}
