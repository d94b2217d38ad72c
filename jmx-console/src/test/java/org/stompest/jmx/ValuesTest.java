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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void mxBeanMapBecomesAMapSortedByKey() throws Exception {
        CompositeType row = new CompositeType("entry", "entry", new String[] {"key", "value"},
                new String[] {"key", "value"}, new OpenType<?>[] {SimpleType.STRING, SimpleType.LONG});
        TabularDataSupport table = new TabularDataSupport(new TabularType("map", "map", row, new String[] {"key"}));
        table.put(new CompositeDataSupport(row, new String[] {"key", "value"}, new Object[] {"tcp://b:2", 5L}));
        table.put(new CompositeDataSupport(row, new String[] {"key", "value"}, new Object[] {"tcp://a:1", 1L}));
        Object plain = Values.plain(table);
        assertThat(plain).isEqualTo(Map.of("tcp://a:1", 1L, "tcp://b:2", 5L));
        assertThat(Values.text(plain)).isEqualTo("tcp://a:1=1, tcp://b:2=5");
    }

    @Test
    void arraysAndEnumsBecomeListsAndNames() {
        assertThat(Values.plain(new String[] {"/queue/a"})).isEqualTo(List.of("/queue/a"));
        assertThat(Values.plain(new int[] {1, 2})).isEqualTo(List.of(1, 2));
        assertThat(Values.plain(Thread.State.RUNNABLE)).isEqualTo("RUNNABLE");
    }

    @Test
    void textShowsNothingAsDash() {
        assertThat(Values.text(null)).isEqualTo("-");
        assertThat(Values.text("")).isEqualTo("-");
        assertThat(Values.text(List.of())).isEqualTo("-");
        assertThat(Values.text(Map.of())).isEqualTo("-");
        assertThat(Values.text(0L)).isEqualTo("0");
    }

    @Test
    void timesInEpochMillisBecomeIsoInstants() {
        assertThat(Values.text("LastSent", 1714564800000L)).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(Values.text("LastSent", "2024-05-01T12:00:00Z")).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(Values.text("LastAttemptTime", 0L)).isEqualTo("-");
        assertThat(Values.text("NextDelayMillis", -1L)).isEqualTo("-");
        assertThat(Values.text("NextDelayMillis", 250L)).isEqualTo("250");
    }

    @Test
    void durations() {
        assertThat(Values.duration(null)).isEqualTo("-");
        assertThat(Values.duration(-1L)).isEqualTo("-");
        assertThat(Values.duration(0L)).isEqualTo("0ms");
        assertThat(Values.duration(999L)).isEqualTo("999ms");
        assertThat(Values.duration(1000L)).isEqualTo("1.0s");
        assertThat(Values.duration(12_345L)).isEqualTo("12.3s");
        assertThat(Values.duration(59_999L)).isEqualTo("59.9s");
        assertThat(Values.duration(60_000L)).isEqualTo("1m00s");
        assertThat(Values.duration(303_000L)).isEqualTo("5m03s");
        assertThat(Values.duration(7_500_000L)).isEqualTo("2h05m");
    }
}
