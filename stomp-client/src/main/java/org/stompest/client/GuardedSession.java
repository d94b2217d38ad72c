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

import org.stompest.client.StompConnection.State;
import org.stompest.error.StompConnectionError;
import org.stompest.protocol.StompBroker;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSession;
import org.stompest.protocol.StompSpec;

/**
 * The one {@link StompSession} of a connection, behind its lock, with the socket it is live on ({@link Live},
 * replaced on every connect). Commands build their frames from the session under the lock and write them after
 * releasing it:
 * <pre>
 * synchronized (sessions.lock()) {
 *     transport = sessions.requireConnected("send").transport();
 *     frame = sessions.session().send(...);
 * }
 * transport.write(frame);
 * </pre>
 * Locks: the session lock ({@link #lock()}) guards the session, the transaction epochs and
 * {@link StompSubscription#subscribedEpoch}; it is never held with the state lock, nor during socket I/O.
 * {@link #session()} and {@link #requireConnected} assert that it is held. {@link #live()} reads without it.
 * The {@link Connector}'s handshake reaches the session through {@link Connector.Handshakes}.
 */
final class GuardedSession implements Connector.Handshakes {
    /** What is known about the live session; replaced on every connect. */
    record Live(SocketTransport transport, long epoch, StompBroker broker, String version, String session,
                String server, int clientHeartBeat, int serverHeartBeat, BrokerProfile profile) {
    }

    private final StompConfig config;
    private final StompSession session;
    private final StateMachine states;
    private volatile Live live;
    /** Of the last live session: its epoch (0 before the first) and broker profile (before it, forced or GENERIC). */
    private volatile long epoch;
    private volatile BrokerProfile profile;

    GuardedSession(StompConfig config, StateMachine states) {
        this.config = config;
        this.session = new StompSession(config.version(), true);
        this.states = states;
        this.profile = config.brokerProfile() != null ? config.brokerProfile() : BrokerProfile.GENERIC;
    }

    /** The session lock. */
    Object lock() {
        return session;
    }

    /** The session; call with the session lock held. */
    StompSession session() {
        assert Thread.holdsLock(session) : "session used without the session lock";
        return session;
    }

    /** The live session, or null. */
    Live live() {
        return live;
    }

    /** Sets (on CONNECTED) or clears (on loss or close) the live session; call with the state lock held. */
    void live(Live l) {
        assert states.isLockedByCurrentThread() : "live session set without the state lock";
        if (l != null) {
            epoch = l.epoch();
            profile = l.profile();
        }
        live = l;
    }

    /** Counts the sessions gone live: 1 after the first connect, +1 per reconnect. */
    long epoch() {
        return epoch;
    }

    /** The broker profile of the last live session: the forced one, else the one its {@code server} names. */
    BrokerProfile profile() {
        return profile;
    }

    /** The live session while CONNECTED, else null; call with the session lock held. */
    Live ifConnected() {
        assert Thread.holdsLock(session) : "live session read without the session lock";
        Live l = live;
        return states.current() == State.CONNECTED ? l : null;
    }

    /** Call with the session lock held: the live session, or {@code Not connected [command=..., state=...]}. */
    Live requireConnected(String command) {
        assert Thread.holdsLock(session) : "command built without the session lock";
        Live l = live;
        State s = states.current();
        if (s != State.CONNECTED || l == null) {
            throw new StompConnectionError("Not connected [command=" + command + ", state=" + s + "]");
        }
        return l;
    }

    /** What CONNECTED told the session, as the next live session, on {@code transport}. */
    Live connected(SocketTransport transport) {
        synchronized (session) {
            BrokerProfile p = config.brokerProfile() != null ? config.brokerProfile()
                    : BrokerProfile.of(session.server());
            return new Live(transport, epoch + 1, transport.broker(), session.version(), session.id(),
                    session.server(), session.clientHeartBeat(), session.serverHeartBeat(), p);
        }
    }

    /** Closes the session: {@code flush} forgets the subscriptions too (see {@link StompSession#close(boolean)}). */
    void close(boolean flush) {
        synchronized (session) {
            session.close(flush);
        }
    }

    // ------------------------------------------------------------------------------------ for the Connector

    @Override
    public void attemptFailed() {
        close(false);
    }

    /** A fresh session's CONNECT frame (the previous one closed first). */
    @Override
    public StompFrame connectFrame() {
        synchronized (session) {
            session.close(false);
            int[] heartBeats = StompSpec.VERSION_1_0.equals(config.version()) ? null
                    : new int[] {config.clientHeartBeat(), config.serverHeartBeat()};
            return session.connect(config.login(), config.passcode(), config.connectHeaders(), null, config.host(),
                    heartBeats);
        }
    }

    /** CONNECTED came: the session takes it; returns the negotiated version. */
    @Override
    public String connected(StompFrame frame) {
        synchronized (session) {
            session.connected(frame);
            return session.version();
        }
    }
}
