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
