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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The heart-beat timing with literal times (ms written as ns via {@link #ms(long)}). */
class HeartBeatMonitorTest {
    private final List<String> actions = new ArrayList<>();
    private final HeartBeatMonitor.Actions recorder = new HeartBeatMonitor.Actions() {
        @Override
        public void beat() {
            actions.add("beat");
        }

        @Override
        public void silent(long silentNanos) {
            actions.add("silent " + silentNanos / 1_000_000);
        }
    };

    private static long ms(long millis) {
        return millis * 1_000_000;
    }

    private HeartBeatMonitor monitor(long clientMs, long serverMs, double tolerance) {
        return new HeartBeatMonitor(ms(clientMs), ms(serverMs), tolerance, ms(1000), recorder);
    }

    @Test
    void beatsWhenNothingWasWrittenForTheClientPeriod() {
        HeartBeatMonitor m = monitor(100, 0, 2.0);
        assertThat(m.nextDeadline(ms(1000))).isEqualTo(ms(1100));
        assertThat(m.tick(ms(1099))).isEqualTo(ms(1100));
        assertThat(actions).isEmpty();
        assertThat(m.tick(ms(1100))).isEqualTo(ms(1200));
        assertThat(actions).containsExactly("beat");
    }

    @Test
    void writesPostponeTheBeat() {
        HeartBeatMonitor m = monitor(100, 0, 2.0);
        m.wrote(ms(1080));
        assertThat(m.tick(ms(1100))).isEqualTo(ms(1180));
        assertThat(actions).isEmpty();
        m.wrote(ms(1150));
        assertThat(m.tick(ms(1180))).isEqualTo(ms(1250));
        assertThat(actions).isEmpty();
        assertThat(m.tick(ms(1250))).isEqualTo(ms(1350));
        assertThat(actions).containsExactly("beat");
    }

    @Test
    void aBeatReportedByTheActionCountsAsTheWrite() {
        HeartBeatMonitor[] self = new HeartBeatMonitor[1];
        self[0] = new HeartBeatMonitor(ms(100), 0, 2.0, ms(0), new HeartBeatMonitor.Actions() {
            @Override
            public void beat() {
                self[0].wrote(ms(105)); // the write happened a little later
            }

            @Override
            public void silent(long silentNanos) {
            }
        });
        assertThat(self[0].tick(ms(100))).isEqualTo(ms(205));
    }

    @Test
    void silenceBeyondToleranceTimesServerPeriodIsALoss() {
        HeartBeatMonitor m = monitor(0, 100, 2.0);
        assertThat(m.nextDeadline(ms(1000))).isEqualTo(ms(1200) + 1);
        m.read(ms(1150));
        assertThat(m.tick(ms(1200))).isEqualTo(ms(1350) + 1);
        assertThat(m.tick(ms(1350))).isEqualTo(ms(1350) + 1); // exactly at the limit: not yet
        assertThat(actions).isEmpty();
        assertThat(m.tick(ms(1351))).isEqualTo(HeartBeatMonitor.NEVER);
        assertThat(actions).containsExactly("silent 201");
        assertThat(m.isDead()).isTrue();
        assertThat(m.tick(ms(5000))).isEqualTo(HeartBeatMonitor.NEVER);
        assertThat(actions).hasSize(1);
    }

    @Test
    void toleranceScalesTheLimit() {
        HeartBeatMonitor m = monitor(0, 100, 1.5);
        assertThat(m.tick(ms(1150))).isEqualTo(ms(1150) + 1);
        assertThat(m.tick(ms(1151))).isEqualTo(HeartBeatMonitor.NEVER);
        assertThat(actions).containsExactly("silent 151");
    }

    @Test
    void bothSidesTakeTheEarlierDeadline() {
        HeartBeatMonitor m = monitor(300, 100, 2.0);
        assertThat(m.nextDeadline(ms(1000))).isEqualTo(ms(1200) + 1);
        m.read(ms(1190));
        assertThat(m.tick(ms(1200))).isEqualTo(ms(1300));
        assertThat(m.tick(ms(1300))).isEqualTo(ms(1390) + 1);
        assertThat(actions).containsExactly("beat");
        m.read(ms(1390));
        assertThat(m.tick(ms(1391))).isEqualTo(ms(1590) + 1);
    }

    @Test
    void suspendedReaderIsNotSilence() {
        HeartBeatMonitor m = monitor(0, 100, 2.0);
        m.suspend();
        assertThat(m.isSuspended()).isTrue();
        assertThat(m.tick(ms(5000))).isEqualTo(ms(5100)); // looks again one period later
        assertThat(actions).isEmpty();
        m.resume(ms(9000));
        assertThat(m.isSuspended()).isFalse();
        assertThat(m.tick(ms(9200))).isEqualTo(ms(9200) + 1);
        assertThat(m.tick(ms(9201))).isEqualTo(HeartBeatMonitor.NEVER);
        assertThat(actions).containsExactly("silent 201");
    }

    @Test
    void bothPeriodsZeroWatchNothing() {
        HeartBeatMonitor m = monitor(0, 0, 2.0);
        assertThat(m.isActive()).isFalse();
        assertThat(m.tick(ms(1_000_000))).isEqualTo(HeartBeatMonitor.NEVER);
        assertThat(actions).isEmpty();
    }

    @Test
    void aDeadlineIsNeverInThePast() {
        HeartBeatMonitor m = monitor(100, 0, 2.0);
        assertThat(m.nextDeadline(ms(5000))).isEqualTo(ms(5000));
    }

    @Test
    void invalidArgumentsAreRefused() {
        assertThatThrownBy(() -> monitor(-1, 0, 2.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid periods");
        assertThatThrownBy(() -> monitor(0, 0, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid tolerance: 0.5 (expected >= 1.0)");
    }
}
