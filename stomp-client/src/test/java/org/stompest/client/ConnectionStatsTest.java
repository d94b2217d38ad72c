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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.stompest.error.StompConnectionError;
import org.stompest.protocol.StompBroker;

class ConnectionStatsTest {

    private static final long MS = 1_000_000L;
    private static final StompBroker ONE = new StompBroker("tcp", "one", 61001);
    private static final StompBroker TWO = new StompBroker("ssl", "two", 61002);

    private final AtomicLong wall = new AtomicLong(1_700_000_000_000L);
    private final AtomicLong nanos = new AtomicLong(5_000 * MS);
    private final ConnectionStats stats = new ConnectionStats(wall::get, nanos::get);

    @Test
    void newStatsAreZeroAndTimesAreMinusOne() {
        assertThat(stats.framesSent()).isZero();
        assertThat(stats.bytesReceived()).isZero();
        assertThat(stats.lastSentMillis()).isEqualTo(-1);
        assertThat(stats.lastReceivedMillis()).isEqualTo(-1);
        assertThat(stats.lastReceivedAgoMillis()).isEqualTo(-1);
        assertThat(stats.lastAttemptMillis()).isEqualTo(-1);
        assertThat(stats.longestReceiveGapMillis()).isZero();
        assertThat(stats.lastError()).isNull();
        assertThat(stats.lastAttemptError()).isNull();
        assertThat(stats.connectedBroker()).isNull();
        assertThat(stats.attemptsPerBroker()).isEmpty();
    }

    @Test
    void framesAndHeartBeatsCountFramesBytesAndSentTime() {
        stats.frameSent(100);
        stats.frameSent(20);
        wall.set(1_700_000_000_500L);
        stats.heartBeatSent();
        stats.frameReceived(300);
        stats.heartBeatReceived();
        stats.heartBeatReceived();

        assertThat(stats.framesSent()).isEqualTo(2);
        assertThat(stats.bytesSent()).isEqualTo(121);
        assertThat(stats.heartBeatsSent()).isEqualTo(1);
        assertThat(stats.lastSentMillis()).isEqualTo(1_700_000_000_500L);
        assertThat(stats.framesReceived()).isEqualTo(1);
        assertThat(stats.bytesReceived()).isEqualTo(302);
        assertThat(stats.heartBeatsReceived()).isEqualTo(2);
    }

    @Test
    void bytesReadTracksLastReceivedAndLongestGap() {
        stats.bytesRead(10, 1_000 * MS);
        assertThat(stats.longestReceiveGapMillis(1_000 * MS)).isZero();
        assertThat(stats.lastReceivedMillis()).isEqualTo(1_700_000_000_000L);

        stats.bytesRead(10, 1_250 * MS);
        stats.bytesRead(10, 3_250 * MS); // 2000 ms gap
        stats.bytesRead(10, 3_300 * MS);

        assertThat(stats.longestReceiveGapMillis()).isEqualTo(2_000);
        assertThat(stats.lastReceivedAgoMillis(3_800 * MS)).isEqualTo(500);
        assertThat(stats.lastReceivedAgoMillis()).isEqualTo(1_700); // the injected clock says 5000 ms
    }

    @Test
    void emptyReadIsNoSignOfLife() {
        stats.bytesRead(10, 1_000 * MS);
        stats.bytesRead(0, 9_000 * MS);
        assertThat(stats.lastReceivedAgoMillis(9_000 * MS)).isEqualTo(8_000);
        assertThat(stats.longestReceiveGapMillis(9_000 * MS)).as("the gap goes on").isEqualTo(8_000);
    }

    @Test
    void longestReceiveGapIncludesTheGapInProgress() {
        stats.bytesRead(10, 1_000 * MS);
        stats.bytesRead(10, 1_500 * MS); // 500 ms gap, closed
        assertThat(stats.longestReceiveGapMillis(1_600 * MS)).isEqualTo(500);
        assertThat(stats.longestReceiveGapMillis(4_500 * MS)).as("silent for 3000 ms now").isEqualTo(3_000);
        assertThat(stats.longestReceiveGapMillis()).as("injected clock at 5000 ms").isEqualTo(3_500);
        stats.connectionLost(new IOException("reset"));
        assertThat(stats.longestReceiveGapMillis(60_000 * MS)).as("reconnecting is no gap").isEqualTo(500);
    }

    @Test
    void timeSpentReconnectingIsNoReceiveGap() {
        stats.bytesRead(10, 1_000 * MS);
        stats.bytesRead(10, 1_100 * MS);
        stats.connectionLost(new StompConnectionError("Connection closed by peer"));
        stats.bytesRead(10, 60_000 * MS); // CONNECTED of the next session
        stats.bytesRead(10, 60_300 * MS);

        assertThat(stats.longestReceiveGapMillis()).isEqualTo(300);
        assertThat(stats.lastError()).isEqualTo("StompConnectionError: Connection closed by peer");
    }

    @Test
    void gracefulCloseKeepsTheLastError() {
        stats.errorFrame("bad destination");
        stats.connectionLost(null);
        assertThat(stats.lastError()).isEqualTo("ERROR frame: bad destination");
    }

    @Test
    void failoverAttemptsCountPerBrokerAndResetOnConnect() {
        stats.attempt(ONE, Duration.ZERO, 1_000L);
        stats.attemptFailed(ONE, new IOException("Connection refused"));
        stats.attempt(TWO, Duration.ofMillis(10), 2_000L);
        stats.attemptFailed(TWO, new IOException());
        stats.attempt(ONE, Duration.ofMillis(20), 3_000L);

        assertThat(stats.connectAttempts()).isEqualTo(3);
        assertThat(stats.failoverAttempts()).as("never connected: nothing failed over").isZero();
        assertThat(stats.consecutiveFailures()).isEqualTo(2);
        assertThat(stats.lastError()).as("a failed attempt is the last error").isEqualTo("ssl://two:61002: IOException");
        assertThat(stats.lastAttemptMillis()).isEqualTo(3_000L);
        assertThat(stats.nextDelayMillis()).isEqualTo(20);
        assertThat(stats.lastAttemptError()).isEqualTo("ssl://two:61002: IOException");
        assertThat(stats.attemptsPerBroker())
                .containsExactly(java.util.Map.entry("ssl://two:61002", 1L), java.util.Map.entry("tcp://one:61001", 2L));

        wall.set(1_700_000_001_000L);
        stats.connected(ONE, false);
        assertThat(stats.connectedSinceMillis()).isEqualTo(1_700_000_001_000L);
        assertThat(stats.failoverAttempts()).isZero();
        assertThat(stats.lastFailoverMillis()).isEqualTo(-1);
        assertThat(stats.consecutiveFailures()).isZero();
        assertThat(stats.nextDelayMillis()).isZero();
        assertThat(stats.reconnects()).isZero();
        assertThat(stats.connectedBroker()).isEqualTo("tcp://one:61001");

        wall.set(1_700_000_002_000L);
        stats.connectionLost(new IOException("reset"));
        assertThat(stats.connectedSinceMillis()).isEqualTo(-1);
        assertThat(stats.lastErrorMillis()).isEqualTo(1_700_000_002_000L);
        stats.attempt(TWO, Duration.ofMillis(10), 4_000L);
        wall.set(1_700_000_003_000L);
        stats.connected(TWO, true);
        assertThat(stats.failoverAttempts()).isEqualTo(1);
        assertThat(stats.connectAttempts()).isEqualTo(4);
        assertThat(stats.failovers()).as("another broker").isEqualTo(1);
        assertThat(stats.lastFailoverMillis()).isEqualTo(1_700_000_003_000L);
        assertThat(stats.connectedSinceMillis()).isEqualTo(1_700_000_003_000L);
        assertThat(stats.reconnects()).isEqualTo(1);
        assertThat(stats.connectedBroker()).isEqualTo("ssl://two:61002");
        assertThat(stats.lastError()).isEqualTo("IOException: reset");
    }

    @Test
    void messagesAreCountedAndReceiptLatenciesReported() {
        java.util.List<Long> latencies = new java.util.ArrayList<>();
        stats.addReceiptLatencyListener(latencies::add);
        stats.messageSent();
        stats.messageSent();
        stats.sendConfirmed(3 * MS);
        stats.sendFailed();
        stats.messageReceived(false);
        stats.messageReceived(true);
        stats.ackSent();
        stats.nackSent();
        stats.frameTrailerReceived();

        assertThat(stats.messagesSent()).isEqualTo(2);
        assertThat(stats.sendsConfirmed()).isEqualTo(1);
        assertThat(stats.sendsFailed()).isEqualTo(1);
        assertThat(stats.messagesReceived()).isEqualTo(2);
        assertThat(stats.redelivered()).isEqualTo(1);
        assertThat(stats.acked()).isEqualTo(1);
        assertThat(stats.nacked()).isEqualTo(1);
        assertThat(stats.heartBeatsReceived()).as("a frame's trailing EOL is no heart-beat").isZero();
        assertThat(stats.bytesReceived()).isEqualTo(1);
        assertThat(latencies).containsExactly(3 * MS);
    }

    @Test
    void ratesAreOneMinuteMovingAverages() {
        assertThat(stats.sentPerSecond()).isZero();
        for (int i = 0; i < 50; i++) {
            stats.messageSent();
        }
        nanos.addAndGet(4_999 * MS);
        assertThat(stats.sentPerSecond()).as("before the first 5 s tick").isZero();
        nanos.addAndGet(MS);
        assertThat(stats.sentPerSecond()).as("50 in 5 s").isEqualTo(10.0);
        for (int i = 0; i < 50; i++) {
            stats.messageSent();
        }
        nanos.addAndGet(5_000 * MS);
        assertThat(stats.sentPerSecond()).as("steady").isEqualTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        nanos.addAndGet(60_000 * MS);
        assertThat(stats.sentPerSecond()).as("a silent minute decays it").isBetween(2.0, 4.5);
        nanos.addAndGet(600_000 * MS);
        assertThat(stats.sentPerSecond()).isLessThan(0.01);
        assertThat(stats.receivedPerSecond()).isZero();
    }

    @Test
    void attemptsPerBrokerIsACopy() {
        stats.attempt(ONE, Duration.ZERO, 1_000L);
        var before = stats.attemptsPerBroker();
        stats.attempt(ONE, Duration.ZERO, 2_000L);
        assertThat(before).containsEntry("tcp://one:61001", 1L);
        assertThat(stats.attemptsPerBroker()).containsEntry("tcp://one:61001", 2L);
    }

    @Test
    void gaugesKeepTheLastValue() {
        stats.pendingReceipts(3);
        stats.subscriptions(20);
        stats.pendingReceipts(1);
        assertThat(stats.pendingReceipts()).isEqualTo(1);
        assertThat(stats.subscriptions()).isEqualTo(20);
    }

    @Test
    void snapshotCopiesEveryValue() {
        stats.frameSent(7);
        stats.bytesRead(5, 4_000 * MS);
        stats.missedHeartBeat();
        stats.attempt(ONE, Duration.ofMillis(15), 9_000L);
        stats.subscriptions(2);

        ConnectionStats.Snapshot snapshot = stats.snapshot();
        stats.frameSent(7);

        assertThat(snapshot.framesSent()).isEqualTo(1);
        assertThat(snapshot.bytesSent()).isEqualTo(7);
        assertThat(snapshot.missedHeartBeats()).isEqualTo(1);
        assertThat(snapshot.lastReceivedAgoMillis()).isEqualTo(1_000);
        assertThat(snapshot.lastAttemptMillis()).isEqualTo(9_000L);
        assertThat(snapshot.nextDelayMillis()).isEqualTo(15);
        assertThat(snapshot.attemptsPerBroker()).containsEntry("tcp://one:61001", 1L);
        assertThat(snapshot.subscriptions()).isEqualTo(2);
    }

    @Test
    void countersAreExactUnderConcurrentSenders() throws InterruptedException {
        Thread[] senders = new Thread[4];
        for (int i = 0; i < senders.length; i++) {
            senders[i] = new Thread(() -> {
                for (int j = 0; j < 10_000; j++) {
                    stats.frameSent(3);
                }
            });
            senders[i].start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        assertThat(stats.framesSent()).isEqualTo(40_000);
        assertThat(stats.bytesSent()).isEqualTo(120_000);
    }
}
