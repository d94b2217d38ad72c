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
package org.stompest.client.jmx;

import java.util.Map;

/**
 * What a {@code StompConnection} shows through JMX, as {@code org.stompest:type=Connection,name=<id>}.
 *
 * <p>Small and read-mostly: the live session, heart-beat times, the failover loop's attempts and the traffic
 * counters, plus two operations. Times are ISO-8601 strings (null when it never happened); durations are
 * milliseconds. Nothing here carries a secret: {@link #getLogin()} is the login only and {@link #getFailover()}
 * has any user info or password stripped.
 *
 * <p>The bean is also a {@link javax.management.NotificationEmitter}; see {@link ConnectionMBeans} for the
 * notification types.
 */
public interface StompConnectionMXBean {

    /** The id of the connection object (the {@code name} key of the object name). */
    String getId();

    /** NEW, CONNECTING, CONNECTED, RECONNECTING, DISCONNECTING, CLOSED or FAILED. */
    String getState();

    /** Negotiated STOMP version of the live session; null when none. */
    String getVersion();

    String getSessionId();

    String getServer();

    /** {@code tcp://host:port} of the broker of the live session; null when none. */
    String getCurrentBroker();

    /** Negotiated client heart-beat period (ms), 0 when off. */
    int getClientHeartBeat();

    /** Negotiated server heart-beat period (ms), 0 when off. */
    int getServerHeartBeat();

    String getLastSent();

    String getLastReceived();

    long getLastReceivedAgoMillis();

    long getLongestReceiveGapMillis();

    long getHeartBeatsSent();

    long getHeartBeatsReceived();

    long getMissedHeartBeats();

    long getFailoverAttempts();

    long getConsecutiveFailures();

    long getReconnects();

    String getLastError();

    String getLastAttemptTime();

    String getLastAttemptError();

    long getNextDelayMillis();

    Map<String, Long> getAttemptsPerBroker();

    int getSubscriptions();

    String[] getSubscriptionDestinations();

    long getFramesSent();

    long getFramesReceived();

    long getBytesSent();

    long getBytesReceived();

    int getPendingReceipts();

    /** The failover URI without user info or passwords. */
    String getFailover();

    /** The login (never the passcode); null when none. */
    String getLogin();

    /** Drops the socket and runs the failover loop now. */
    void reconnect();

    /** Disconnects gracefully (DISCONNECT with receipt, then close). */
    void disconnect();
}
