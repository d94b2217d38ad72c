package org.stompest.jmx;

import java.util.Map;

/** The stompest connection MXBean as the contract describes it, for tests (the console never sees this type). */
public interface FakeConnectionMXBean {
    String getState();
    String getVersion();
    String getSessionId();
    String getServer();
    String getCurrentBroker();
    int getClientHeartBeatMillis();
    int getServerHeartBeatMillis();
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
    String getConnectedSince();
    long getConnectAttempts();
    long getFailovers();
    String getLastFailoverTime();
    String getLastErrorTime();
    long getMessagesSent();
    long getSendsConfirmed();
    long getSendsFailed();
    long getMessagesReceived();
    long getRedelivered();
    long getAcked();
    long getNacked();
    double getSentPerSecond();
    double getReceivedPerSecond();
    String[] getLeaseHolders();
    String getFailover();
    String getLogin();

    void reconnect();
    void disconnect();
}
