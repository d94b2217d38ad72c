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
package org.stompest.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BrokerMainTest {
    @Test
    void rabbitMqDeleteQueueOutputGivesTheReadyMessagesItDeleted() {
        String output = "Deleting queue 'bench.x' on vhost '/' ...\nQueue was successfully deleted with 100001 ready "
                + "messages\n";

        assertEquals(100_001, BrokerMain.deletedMessages(output));
        assertEquals(1, BrokerMain.deletedMessages("Queue was successfully deleted with 1 ready message"));
        assertEquals(-1, BrokerMain.deletedMessages("Error: queue 'bench.x' not found"));
    }

    @Test
    void aQueueDestinationIsItsQueueOnEveryBroker() {
        assertEquals("bench.x", BrokerMain.queueName("/queue/bench.x"));
        assertEquals("/topic/y", BrokerMain.queueName("/topic/y"));
    }

    @Test
    void sizesAreNamedInBinaryUnits() {
        assertEquals("1 KiB", EndToEnd.sizeName(1024));
        assertEquals("64 KiB", EndToEnd.sizeName(65_536));
        assertEquals("1 MiB", EndToEnd.sizeName(1_048_576));
        assertEquals("100 B", EndToEnd.sizeName(100));
    }
}
