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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * Logs the connect time to an embedded Artemis (median of several connects after a warm-up) as {@code MEASURE}
 * lines; the failover time is logged by {@link FailoverIT}. The bounds asserted here are loose on purpose.
 */
class MeasurementsIT {
    private static final Logger LOG = LoggerFactory.getLogger(MeasurementsIT.class);

    @Test
    void connectTimeToArtemis() {
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().build().start()) {
            StompConfig config = StompConfig.builder().failover(broker.stompUri()).build();
            for (int i = 0; i < 5; i++) { // warm-up
                StompConnection connection = new StompConnection(config);
                connection.connect();
                connection.disconnect();
            }
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                StompConnection connection = new StompConnection(config);
                long start = System.nanoTime();
                connection.connect();
                micros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
                connection.disconnect();
            }
            Collections.sort(micros);
            long median = micros.get(micros.size() / 2);
            LOG.info("MEASURE connect to Artemis (socket + CONNECT + CONNECTED + go live): median {} us, min {} us, "
                    + "max {} us over {} connects", median, micros.get(0), micros.get(micros.size() - 1),
                    micros.size());
            assertThat(median).isLessThan(TimeUnit.SECONDS.toMicros(1));
        }
    }
}
