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
