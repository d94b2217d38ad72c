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

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

import org.stompest.client.ConnectionListener;
import org.stompest.client.ConnectionStats;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.Subscription;

/**
 * The {@link StompConnectionMXBean} of one connection: every getter reads a {@link StompConnection} getter or its
 * {@link ConnectionStats} (volatile fields and adders, no locks), and a {@link ConnectionListener} turns state
 * changes into notifications (see {@link ConnectionMBeans} for the types).
 *
 * <p>Notifications are sent on the callback executor of the connection's {@link org.stompest.client.ClientRuntime},
 * one at a time ({@link org.stompest.client.ClientRuntime#serialCallbacks()}), never from the connection's own threads, so a slow JMX listener cannot
 * stall the reader thread or the failover loop; their order is kept.
 */
final class ConnectionMonitor extends NotificationBroadcasterSupport implements StompConnectionMXBean {

    private static final MBeanNotificationInfo[] NOTIFICATIONS = {
            new MBeanNotificationInfo(ConnectionMBeans.NOTIFICATION_TYPES, Notification.class.getName(),
                    "State changes of a STOMP connection; userData is a Map with from, to and broker")
    };

    private final StompConnection connection;
    private final ObjectName name;
    private final AtomicLong sequence = new AtomicLong();
    private final ConnectionListener listener = new ConnectionListener() {
        @Override
        public void stateChanged(StompConnection.State from, StompConnection.State to) {
            onStateChanged(from, to);
        }
    };
    private volatile boolean active = true;
    /** Broker of the previous session, to tell a failover from a reconnect to the same broker. */
    private volatile String lastBroker;

    ConnectionMonitor(StompConnection connection, ObjectName name) {
        this(connection, name, connection.runtime().serialCallbacks());
    }

    ConnectionMonitor(StompConnection connection, ObjectName name, Executor notifier) {
        super(notifier, NOTIFICATIONS);
        this.connection = Objects.requireNonNull(connection, "connection");
        this.name = name;
        this.lastBroker = connection.isConnected() ? connection.currentBroker() : null;
        connection.addListener(listener);
    }

    ObjectName name() {
        return name;
    }

    /** Stops emitting and leaves the connection's listeners. */
    void deactivate() {
        active = false;
        connection.removeListener(listener);
    }

    /**
     * Maps a transition to notifications. Entering CONNECTED emits {@code connected}, followed by
     * {@code failedover} when the broker differs from the previous session's; leaving CONNECTED for anything but
     * DISCONNECTING or CLOSED emits {@code lost}; entering RECONNECTING emits {@code reconnecting}; entering CLOSED
     * and FAILED emit {@code closed} and {@code failed}.
     */
    void onStateChanged(StompConnection.State from, StompConnection.State to) {
        if (!active) {
            return;
        }
        String broker = connection.currentBroker();
        if (from == StompConnection.State.CONNECTED && to != StompConnection.State.DISCONNECTING
                && to != StompConnection.State.CLOSED) {
            String cause = connection.stats().lastError();
            emit(ConnectionMBeans.LOST, "Connection lost" + (cause == null ? "" : ": " + cause), from, to,
                    lastBroker);
        }
        switch (to) {
            case CONNECTED -> {
                if (broker == null) {
                    broker = connection.stats().connectedBroker();
                }
                String previous = lastBroker;
                lastBroker = broker;
                emit(ConnectionMBeans.CONNECTED, "Connected", from, to, broker);
                if (previous != null && broker != null && !previous.equals(broker)) {
                    emit(ConnectionMBeans.FAILED_OVER, "Failed over from " + previous, from, to, broker);
                }
            }
            case RECONNECTING -> emit(ConnectionMBeans.RECONNECTING, "Reconnecting", from, to, lastBroker);
            case CLOSED -> emit(ConnectionMBeans.CLOSED, "Closed", from, to, lastBroker);
            case FAILED -> {
                String error = connection.stats().lastAttemptError();
                emit(ConnectionMBeans.FAILED, "Failed" + (error == null ? "" : ": " + error), from, to, lastBroker);
            }
            default -> {
                // NEW, CONNECTING, DISCONNECTING: no notification of their own
            }
        }
    }

    private void emit(String type, String what, StompConnection.State from, StompConnection.State to,
                      String broker) {
        String message = what + (broker == null ? "" : " [broker=" + broker + "]") + " [id=" + connection.id() + "]";
        Notification notification = new Notification(type, name, sequence.incrementAndGet(),
                System.currentTimeMillis(), message);
        HashMap<String, String> data = new HashMap<>(); // serializable, for remote listeners
        data.put("from", String.valueOf(from));
        data.put("to", String.valueOf(to));
        data.put("broker", broker);
        notification.setUserData(data);
        sendNotification(notification);
    }

    // ------------------------------------------------------------------------------------------- attributes

    @Override
    public String getId() {
        return connection.id();
    }

    @Override
    public String getState() {
        return String.valueOf(connection.state());
    }

    @Override
    public String getVersion() {
        return connection.version();
    }

    @Override
    public String getSessionId() {
        return connection.sessionId();
    }

    @Override
    public String getServer() {
        return connection.server();
    }

    @Override
    public String getBrokerProfile() {
        return connection.brokerProfile().name();
    }

    @Override
    public String getCurrentBroker() {
        return Redact.uri(connection.currentBroker());
    }

    @Override
    public String getConnectedSince() {
        return time(stats().connectedSinceMillis());
    }

    @Override
    public int getClientHeartBeatMillis() {
        return connection.clientHeartBeat();
    }

    @Override
    public int getServerHeartBeatMillis() {
        return connection.serverHeartBeat();
    }

    @Override
    public String getLastSent() {
        return time(stats().lastSentMillis());
    }

    @Override
    public String getLastReceived() {
        return time(stats().lastReceivedMillis());
    }

    @Override
    public long getLastReceivedAgoMillis() {
        return stats().lastReceivedAgoMillis();
    }

    @Override
    public long getLongestReceiveGapMillis() {
        return stats().longestReceiveGapMillis();
    }

    @Override
    public long getHeartBeatsSent() {
        return stats().heartBeatsSent();
    }

    @Override
    public long getHeartBeatsReceived() {
        return stats().heartBeatsReceived();
    }

    @Override
    public long getMissedHeartBeats() {
        return stats().missedHeartBeats();
    }

    @Override
    public long getConnectAttempts() {
        return stats().connectAttempts();
    }

    @Override
    public long getFailoverAttempts() {
        return stats().failoverAttempts();
    }

    @Override
    public long getConsecutiveFailures() {
        return stats().consecutiveFailures();
    }

    @Override
    public long getReconnects() {
        return stats().reconnects();
    }

    @Override
    public long getFailovers() {
        return stats().failovers();
    }

    @Override
    public String getLastFailoverTime() {
        return time(stats().lastFailoverMillis());
    }

    @Override
    public String getLastError() {
        return stats().lastError();
    }

    @Override
    public String getLastErrorTime() {
        return time(stats().lastErrorMillis());
    }

    @Override
    public String getLastAttemptTime() {
        return time(stats().lastAttemptMillis());
    }

    @Override
    public String getLastAttemptError() {
        return stats().lastAttemptError();
    }

    @Override
    public long getNextDelayMillis() {
        return stats().nextDelayMillis();
    }

    @Override
    public Map<String, Long> getAttemptsPerBroker() {
        return stats().attemptsPerBroker();
    }

    @Override
    public int getSubscriptions() {
        return stats().subscriptions();
    }

    @Override
    public String[] getSubscriptionDestinations() {
        return connection.subscriptions().stream().map(Subscription::destination).toArray(String[]::new);
    }

    @Override
    public long getFramesSent() {
        return stats().framesSent();
    }

    @Override
    public long getFramesReceived() {
        return stats().framesReceived();
    }

    @Override
    public long getBytesSent() {
        return stats().bytesSent();
    }

    @Override
    public long getBytesReceived() {
        return stats().bytesReceived();
    }

    @Override
    public long getMessagesSent() {
        return stats().messagesSent();
    }

    @Override
    public long getSendsConfirmed() {
        return stats().sendsConfirmed();
    }

    @Override
    public long getSendsFailed() {
        return stats().sendsFailed();
    }

    @Override
    public long getMessagesReceived() {
        return stats().messagesReceived();
    }

    @Override
    public long getRedelivered() {
        return stats().redelivered();
    }

    @Override
    public long getAcked() {
        return stats().acked();
    }

    @Override
    public long getNacked() {
        return stats().nacked();
    }

    @Override
    public double getSentPerSecond() {
        return stats().sentPerSecond();
    }

    @Override
    public double getReceivedPerSecond() {
        return stats().receivedPerSecond();
    }

    @Override
    public int getPendingReceipts() {
        return stats().pendingReceipts();
    }

    @Override
    public String[] getLeaseHolders() {
        return connection.leaseHolders().toArray(String[]::new);
    }

    @Override
    public String getFailover() {
        return Redact.uri(config().failover());
    }

    @Override
    public String getLogin() {
        return config().login();
    }

    // ------------------------------------------------------------------------------------------- operations

    @Override
    public void reconnect() {
        connection.reconnect();
    }

    /**
     * Disconnects, unless a pool leases the connection out: its holders (Camel endpoints) would be left with a
     * closed connection for good, so the operation refuses and names them.
     */
    @Override
    public void disconnect() {
        List<String> holders = connection.leaseHolders();
        if (!holders.isEmpty()) {
            throw new IllegalStateException("Not disconnecting " + connection.id() + ": a connection pool leases it"
                    + " out and its holders would keep a closed connection [leases=" + holders.size() + ": "
                    + String.join(", ", holders) + "]; use reconnect() to drop the socket and fail over, or stop"
                    + " what holds the leases");
        }
        connection.disconnect();
    }

    private ConnectionStats stats() {
        return connection.stats();
    }

    private StompConfig config() {
        return connection.config();
    }

    private static String time(long epochMillis) {
        return epochMillis < 0 ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
