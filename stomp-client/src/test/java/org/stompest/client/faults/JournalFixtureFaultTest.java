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
package org.stompest.client.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * The shared fixture's persistent broker must keep a receipted persistent message across a restart, or no crash test
 * built on it means anything.
 * <p>A regression guard: {@code EmbeddedArtemis.start()} once passed {@code enablePersistence=false} to
 * {@code ActiveMQServers.newActiveMQServer}, which overrode {@code journal(dir)}, so the "persistent" broker forgot
 * everything on restart (and the crash case lost every message queued at the crash).
 */
@Tag("faults")
class JournalFixtureFaultTest {
    @TempDir
    Path journal;

    @Test
    void aReceiptedPersistentMessageSurvivesARestartOfTheJournaledFixture() throws Exception {
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().journal(journal).build().start()) {
            StompConfig config = StompConfig.builder().failover(broker.stompUri()).build();
            try (StompConnection producer = new StompConnection(config)) {
                producer.connect();
                producer.sendWithReceipt("/queue/faults.journal", "kept".getBytes(StandardCharsets.UTF_8),
                        Map.of("persistent", "true")).get(10, TimeUnit.SECONDS);
                producer.disconnect();
            }
            assertThat(broker.server().getConfiguration().isPersistenceEnabled()).as("persistence on").isTrue();
            broker.stop();
            broker.start();
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            try (StompConnection consumer = new StompConnection(config)) {
                consumer.connect();
                consumer.subscribe("/queue/faults.journal", SubscriptionOptions.builder().ackMode("auto").build(),
                        m -> received.add(new String(m.body(), StandardCharsets.UTF_8)));
                assertThat(received.poll(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS))
                        .as("the message after the restart").isEqualTo("kept");
            }
        }
    }
}
