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
package org.stompest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Runs {@link FailoverExample} in its own JVM: the active broker is stopped mid-run, the routes carry on through
 * the other, and the example exits 0 only when no confirmed order was lost.
 */
class FailoverExampleIT {

    @Test
    void routesCarryOnThroughTheOtherBrokerAndNothingConfirmedIsLost() throws Exception {
        try (ExampleProcess example = ExampleProcess.start(List.of(), FailoverExample.class,
                "--duration=16", "--failover-after=5", "--period=50")) {
            int exit = example.waitFor(Duration.ofSeconds(90));
            String output = example.output();
            assertThat(exit).as(output).isZero();
            assertThat(output).contains("Stopping the active broker")
                    .containsPattern("Orders after failover: confirmed [1-9]\\d*, received \\d+ "
                            + "\\(distinct \\d+, duplicates \\d+\\), lost 0");
            long receivedBefore = lineIndex(example, "Stopping the active broker");
            assertThat(example.lines().subList((int) receivedBefore, example.lines().size()))
                    .as("orders received after the failover")
                    .anyMatch(line -> line.contains("received order #"));
        }
    }

    private static long lineIndex(ExampleProcess example, String text) {
        List<String> lines = example.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + text + "'");
    }
}
