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

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.stompest.protocol.StompFailoverUri;

class ShortLivedConnectionsTest {
    private static final long MS = 1_000_000;
    private static final long LONG_AGO = ShortLivedConnections.SHORT_LIVED.toNanos();

    private static ShortLivedConnections rule(String options) {
        return new ShortLivedConnections(new StompFailoverUri("failover:(tcp://a:1)?" + options).options(),
                new Random(1));
    }

    @Test
    void aConnectionThatLivedLongReconnectsAtOnceAndIsNotQuiet() {
        ShortLivedConnections rule = rule("initialReconnectDelay=10");
        rule.connected(0);
        ShortLivedConnections.Loss loss = rule.lost(LONG_AGO, "closed");
        assertThat(loss.delay()).isEqualTo(Duration.ZERO);
        assertThat(loss.shortLived()).isFalse();
        assertThat(loss.repeated()).isFalse();
        assertThat(rule.quiet()).isFalse();
    }

    @Test
    void consecutiveShortLivedConnectionsBackOffExponentiallyUpToMaxReconnectDelayFromTheSecond() {
        ShortLivedConnections rule = rule("initialReconnectDelay=10,maxReconnectDelay=500");
        long now = 0;
        long[] expected = {0, 10, 20, 40, 80, 160, 320, 500, 500};
        for (long millis : expected) {
            rule.connected(now);
            now += 30 * MS;
            ShortLivedConnections.Loss loss = rule.lost(now, "last ERROR: not a valid destination");
            assertThat(loss.delay()).as("delay").isEqualTo(Duration.ofMillis(millis));
            assertThat(loss.livedMillis()).isEqualTo(30);
            now += loss.delay().toNanos();
        }
    }

    @Test
    void theSameReasonAgainIsRepeatedAndTheNextConnectedQuietAChangedReasonIsNot() {
        ShortLivedConnections rule = rule("initialReconnectDelay=10");
        rule.connected(0);
        assertThat(rule.lost(20 * MS, "A").repeated()).as("first").isFalse();
        assertThat(rule.quiet()).isFalse();
        rule.connected(40 * MS);
        assertThat(rule.lost(60 * MS, "A").repeated()).as("same reason").isTrue();
        assertThat(rule.quiet()).isTrue();
        rule.connected(100 * MS);
        assertThat(rule.lost(120 * MS, "B").repeated()).as("another reason").isFalse();
    }

    @Test
    void aLongLivedConnectionResetsTheCount() {
        ShortLivedConnections rule = rule("initialReconnectDelay=10");
        rule.connected(0);
        rule.lost(10 * MS, "A");
        rule.connected(20 * MS);
        rule.lost(30 * MS, "A");
        rule.connected(40 * MS);
        assertThat(rule.lost(40 * MS + LONG_AGO, "A").delay()).isEqualTo(Duration.ZERO);
        rule.connected(LONG_AGO * 2);
        ShortLivedConnections.Loss loss = rule.lost(LONG_AGO * 2 + MS, "A");
        assertThat(loss.delay()).as("the first short-lived one again").isEqualTo(Duration.ZERO);
        assertThat(loss.repeated()).as("the count started again").isFalse();
        rule.connected(LONG_AGO * 2 + 2 * MS);
        assertThat(rule.lost(LONG_AGO * 2 + 3 * MS, "A").delay()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aZeroInitialDelayStillBacksOff() {
        ShortLivedConnections rule = rule("initialReconnectDelay=0");
        rule.connected(0);
        rule.lost(MS, "A");
        rule.connected(2 * MS);
        assertThat(rule.lost(3 * MS, "A").delay()).isEqualTo(Duration.ofMillis(10));
        rule.connected(4 * MS);
        assertThat(rule.lost(5 * MS, "A").delay()).isEqualTo(Duration.ofMillis(20));
    }
}
