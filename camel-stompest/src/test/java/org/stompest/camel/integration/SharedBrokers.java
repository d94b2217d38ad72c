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
package org.stompest.camel.integration;

import org.stompest.client.testing.EmbeddedActiveMq;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.client.testing.RabbitMqProcess;

/**
 * One embedded Artemis, one ActiveMQ Classic and one RabbitMQ process for every IT of the run (each starts in about a second), stopped when
 * the test JVM exits. Tests keep apart by using destinations of their own.
 */
final class SharedBrokers {
    private static EmbeddedArtemis artemis;
    private static EmbeddedActiveMq activeMq;
    private static RabbitMqProcess rabbitMq;

    private SharedBrokers() {
    }

    static synchronized EmbeddedArtemis artemis() {
        if (artemis == null) {
            artemis = EmbeddedArtemis.builder().build().start();
            EmbeddedArtemis started = artemis;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-shared-artemis"));
        }
        return artemis;
    }

    /** RabbitMQ as a process (about 8 s to start); its virtual host is /. */
    static synchronized RabbitMqProcess rabbitMq() {
        if (rabbitMq == null) {
            rabbitMq = new RabbitMqProcess().start();
            RabbitMqProcess started = rabbitMq;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-shared-rabbitmq"));
        }
        return rabbitMq;
    }

    static synchronized EmbeddedActiveMq activeMq() {
        if (activeMq == null) {
            activeMq = EmbeddedActiveMq.builder().build().start();
            EmbeddedActiveMq started = activeMq;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-shared-activemq"));
        }
        return activeMq;
    }
}
