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
