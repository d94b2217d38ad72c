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

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The serial executor over a hand-run executor: one hand-off per burst, tasks in order. */
class SerialExecutorTest {
    private final List<Runnable> handedOff = new ArrayList<>();
    private final SerialExecutor serial = new SerialExecutor(handedOff::add);
    private final List<String> ran = new ArrayList<>();

    @Test
    void aBurstOfTasksIsHandedOffOnceAndRunsInOrder() {
        serial.execute(() -> ran.add("a"));
        serial.execute(() -> ran.add("b"));
        serial.execute(() -> ran.add("c"));

        assertThat(handedOff).hasSize(1);
        handedOff.get(0).run();
        assertThat(ran).containsExactly("a", "b", "c");
    }

    @Test
    void aTaskGivenOnceTheQueueIsDrainedIsHandedOffAgain() {
        serial.execute(() -> ran.add("a"));
        handedOff.get(0).run();

        serial.execute(() -> ran.add("b"));

        assertThat(handedOff).hasSize(2);
        handedOff.get(1).run();
        assertThat(ran).containsExactly("a", "b");
    }

    @Test
    void aTaskGivenWhileDrainingRunsInTheSameDrainAndAFailingTaskStopsNothing() {
        serial.execute(() -> {
            ran.add("a");
            serial.execute(() -> ran.add("c"));
            throw new IllegalStateException("listener failed");
        });
        serial.execute(() -> ran.add("b"));

        handedOff.get(0).run();

        assertThat(handedOff).hasSize(1);
        assertThat(ran).containsExactly("a", "b", "c");
    }
}
