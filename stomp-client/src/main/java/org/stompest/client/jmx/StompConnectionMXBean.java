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
 * What a {@code StompConnection} shows through JMX, as {@code org.stompest:type=Connection,name=<id>}, from its
 * creation until it is closed.
 *
 * <p>Small and read-mostly: the live session, heart-beat times, the failover loop's attempts, the traffic
 * counters and message rates, plus two operations. Times are ISO-8601 strings (null when it never happened);
 * durations are milliseconds and say so in their name. Every attribute and operation carries a
 * {@link Description} (JConsole's tooltip). Nothing here carries a secret: {@link #getLogin()} is the login only
 * and {@link #getFailover()} has any user info or password stripped.
 *
 * <p>The bean is also a {@link javax.management.NotificationEmitter}; see {@link ConnectionMBeans} for the
 * notification types.
 */
@Description("A STOMP connection of stompest: session, heart-beats, failover, traffic. Registered at creation,"
        + " unregistered on close.")
public interface StompConnectionMXBean {

    @Description("Id of the connection object: the name key of this MBean's object name")
    String getId();

    @Description("NEW, CONNECTING (first connect), CONNECTED, RECONNECTING (after a loss), DISCONNECTING, CLOSED,"
            + " or FAILED (the failover loop gave up; reconnect() starts it again)")
    String getState();

    @Description("STOMP version negotiated by the live session; null when not connected")
    String getVersion();

    @Description("session header of the broker's CONNECTED frame; null when not connected")
    String getSessionId();

    @Description("server header of the broker's CONNECTED frame (broker name and version); null when not connected")
    String getServer();

    @Description("Broker profile in force (ARTEMIS, CLASSIC, RABBITMQ or GENERIC): forced by the configuration, else"
            + " named by the server header of CONNECTED; it decides prefetch, durable subscription, redelivery and"
            + " routing headers")
    String getBrokerProfile();

    @Description("tcp://host:port of the broker of the live session; null when not connected")
    String getCurrentBroker();

    @Description("When the live session's CONNECTED arrived (ISO-8601); null when not connected")
    String getConnectedSince();

    @Description("Negotiated period (ms) at which this client sends heart-beats; 0 when off or not connected")
    int getClientHeartBeatMillis();

    @Description("Negotiated period (ms) at which the broker sends heart-beats; 0 when off or not connected")
    int getServerHeartBeatMillis();

    @Description("When the last frame or heart-beat was written (ISO-8601); null if never")
    String getLastSent();

    @Description("When bytes were last read from the broker (ISO-8601); null if never")
    String getLastReceived();

    @Description("Milliseconds since bytes were last read from the broker; -1 if never")
    long getLastReceivedAgoMillis();

    @Description("Longest silence (ms) between two reads within a session, including the silence in progress;"
            + " time spent reconnecting is not counted")
    long getLongestReceiveGapMillis();

    @Description("Heart-beats (lone EOLs) written to the broker")
    long getHeartBeatsSent();

    @Description("Heart-beats read from the broker; an EOL directly after a frame (Artemis ends every frame with"
            + " one) is not counted")
    long getHeartBeatsReceived();

    @Description("Times the broker was silent longer than heart-beat tolerance x server period (the connection"
            + " was then declared lost)")
    long getMissedHeartBeats();

    @Description("Connect attempts of the failover loop, the first connect's included")
    long getConnectAttempts();

    @Description("Connect attempts after the connection had been connected once; 0 if it never failed over")
    long getFailoverAttempts();

    @Description("Failed connect attempts since the last successful connect")
    long getConsecutiveFailures();

    @Description("Successful connects after a loss (to any broker of the failover URI)")
    long getReconnects();

    @Description("Reconnects that landed on another broker than the session before")
    long getFailovers();

    @Description("When the last reconnect after a loss completed (ISO-8601); null if never")
    String getLastFailoverTime();

    @Description("Most recent error: what ended the last session, a failed connect attempt, or an ERROR frame;"
            + " null if none")
    String getLastError();

    @Description("When LastError happened (ISO-8601); null if never")
    String getLastErrorTime();

    @Description("When the failover loop last took an attempt (ISO-8601); null if never")
    String getLastAttemptTime();

    @Description("tcp://host:port and error of the last failed connect attempt; null if none")
    String getLastAttemptError();

    @Description("Delay (ms) before the connect attempt in progress; 0 once connected")
    long getNextDelayMillis();

    @Description("Connect attempts per broker of the failover URI, keyed tcp://host:port")
    Map<String, Long> getAttemptsPerBroker();

    @Description("Active subscriptions (replayed with the same ids after each reconnect)")
    int getSubscriptions();

    @Description("Destinations of the active subscriptions")
    String[] getSubscriptionDestinations();

    @Description("Frames written, heart-beats excluded")
    long getFramesSent();

    @Description("Frames read, heart-beats excluded")
    long getFramesReceived();

    @Description("Bytes written: encoded frames plus one per heart-beat")
    long getBytesSent();

    @Description("Bytes read: frames as parsed plus one per heart-beat or frame-ending EOL")
    long getBytesReceived();

    @Description("SEND frames written (published messages)")
    long getMessagesSent();

    @Description("SENDs with a receipt whose RECEIPT arrived (confirmed)")
    long getSendsConfirmed();

    @Description("SENDs with a receipt that failed: connection lost, receipt timeout, or an ERROR frame")
    long getSendsFailed();

    @Description("MESSAGE frames received for an active subscription (consumed)")
    long getMessagesReceived();

    @Description("MESSAGE frames marked redelivered:true by the broker")
    long getRedelivered();

    @Description("ACK frames written")
    long getAcked();

    @Description("NACK frames written")
    long getNacked();

    @Description("Messages sent per second, one-minute exponentially weighted moving average")
    double getSentPerSecond();

    @Description("Messages received per second, one-minute exponentially weighted moving average")
    double getReceivedPerSecond();

    @Description("Receipts in flight (SEND, COMMIT, ABORT, UNSUBSCRIBE, DISCONNECT awaiting their RECEIPT)")
    int getPendingReceipts();

    @Description("Who holds a lease of this connection from a connection pool (e.g. Camel endpoints); empty when"
            + " not pooled. disconnect() refuses while there are any")
    String[] getLeaseHolders();

    @Description("The failover URI, without user info or passwords")
    String getFailover();

    @Description("The login (the passcode is never shown); null when none")
    String getLogin();

    @Description("Drops the socket and runs the failover loop now (from FAILED: starts it again); subscriptions are"
            + " replayed. Safe on a pooled connection")
    void reconnect();

    @Description("Disconnects gracefully (DISCONNECT with receipt, then close) and unregisters this MBean. Refused"
            + " while a pool leases the connection out (see LeaseHolders): use reconnect() instead")
    void disconnect();
}
