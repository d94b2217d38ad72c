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
package org.stompest.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stompest.examples.ExampleOptions;
import org.stompest.examples.OrderCounter;

/** The Spring Boot example as a user runs it, shortened: orders flow through the embedded broker and none is lost. */
class OrdersBootApplicationIT {
    @Test
    void ordersFlowThroughTheStarterConfiguredComponentAndNoneIsLost() throws Exception {
        OrderCounter counter = OrdersBootApplication.run(ExampleOptions.parse("--duration=6", "--period=50"));

        assertThat(counter.confirmed()).as(counter.summary()).isGreaterThan(10);
        assertThat(counter.lost()).as(counter.summary()).isZero();
        assertThat(counter.duplicates()).as(counter.summary()).isZero();
    }
}
