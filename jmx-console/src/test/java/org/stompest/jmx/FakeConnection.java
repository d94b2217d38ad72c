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

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * An MXBean-compliant stand-in for a stompest connection: fixed, recognisable attribute values, and counters that
 * show when an operation was invoked. Register it with {@link #register}.
 */
public final class FakeConnection implements FakeConnectionMXBean {
    public final AtomicInteger reconnectCalls = new AtomicInteger();
    public final AtomicInteger disconnectCalls = new AtomicInteger();
    /** How often State was read: one per list, show or watch tick. */
    public final AtomicInteger stateReads = new AtomicInteger();
    private final String name;
    private volatile String state = "CONNECTED";
    /** When set, the operations throw an IllegalStateException with this message. */
    public volatile String failOperationsWith;

    public FakeConnection(String name) {
        this.name = name;
    }

    public ObjectName objectName() {
        return StompestMBeans.objectName(name);
    }

    public ObjectName register(MBeanServer server) throws Exception {
        return server.registerMBean(this, objectName()).getObjectName();
    }

    public ObjectName registerInPlatformServer() throws Exception {
        return register(ManagementFactory.getPlatformMBeanServer());
    }

    @Override public String getState() { stateReads.incrementAndGet(); return state; }
    @Override public String getVersion() { return "1.2"; }
    @Override public String getSessionId() { return "session-" + name; }
    @Override public String getServer() { return "ActiveMQ-Artemis/2.55.0"; }
    @Override public String getCurrentBroker() { return "tcp://127.0.0.1:61000"; }
    @Override public int getClientHeartBeatMillis() { return 10000; }
    @Override public int getServerHeartBeatMillis() { return 5000; }
    @Override public String getLastSent() { return "2024-05-01T12:00:00Z"; }
    @Override public String getLastReceived() { return "2024-05-01T12:00:01Z"; }
    @Override public long getLastReceivedAgoMillis() { return 1500; }
    @Override public long getLongestReceiveGapMillis() { return 5100; }
    @Override public long getHeartBeatsSent() { return 7; }
    @Override public long getHeartBeatsReceived() { return 11; }
    @Override public long getMissedHeartBeats() { return 0; }
    @Override public long getFailoverAttempts() { return 3; }
    @Override public long getConsecutiveFailures() { return 0; }
    @Override public long getReconnects() { return reconnectCalls.get(); }
    @Override public String getLastError() { return null; }
    @Override public String getLastAttemptTime() { return "2024-05-01T11:59:58Z"; }
    @Override public String getLastAttemptError() { return "Connection refused"; }
    @Override public long getNextDelayMillis() { return 0; }
    @Override public Map<String, Long> getAttemptsPerBroker() {
        return new TreeMap<>(Map.of("tcp://127.0.0.1:61000", 2L, "tcp://127.0.0.1:61001", 1L));
    }
    @Override public int getSubscriptions() { return 2; }
    @Override public String[] getSubscriptionDestinations() { return new String[] {"/queue/orders", "/topic/prices"}; }
    @Override public long getFramesSent() { return 42; }
    @Override public long getFramesReceived() { return 40; }
    @Override public long getBytesSent() { return 4096; }
    @Override public long getBytesReceived() { return 8192; }
    @Override public int getPendingReceipts() { return 1; }
    @Override public String getConnectedSince() { return "2024-05-01T11:59:59Z"; }
    @Override public long getConnectAttempts() { return 5; }
    @Override public long getFailovers() { return 1; }
    @Override public String getLastFailoverTime() { return "2024-05-01T11:59:59Z"; }
    @Override public String getLastErrorTime() { return null; }
    @Override public long getMessagesSent() { return 30; }
    @Override public long getSendsConfirmed() { return 29; }
    @Override public long getSendsFailed() { return 1; }
    @Override public long getMessagesReceived() { return 25; }
    @Override public long getRedelivered() { return 2; }
    @Override public long getAcked() { return 24; }
    @Override public long getNacked() { return 1; }
    @Override public double getSentPerSecond() { return 2.5; }
    @Override public double getReceivedPerSecond() { return 2.0; }
    @Override public String[] getLeaseHolders() { return new String[] {"StompestConsumer", "StompestProducer"}; }
    @Override public String getFailover() { return "failover:(tcp://127.0.0.1:61000,tcp://127.0.0.1:61001)"; }
    @Override public String getLogin() { return "guest"; }

    @Override
    public void reconnect() {
        failIfAsked();
        reconnectCalls.incrementAndGet();
        state = "CONNECTED";
    }

    @Override
    public void disconnect() {
        failIfAsked();
        disconnectCalls.incrementAndGet();
        state = "CLOSED";
    }

    private void failIfAsked() {
        if (failOperationsWith != null) {
            throw new IllegalStateException(failOperationsWith);
        }
    }
}
