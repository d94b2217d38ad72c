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
