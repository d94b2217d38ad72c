package org.stompest.camel.integration;

import org.stompest.client.testing.EmbeddedActiveMq;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * One embedded Artemis and one ActiveMQ Classic for every IT of the run (each starts in about a second), stopped when
 * the test JVM exits. Tests keep apart by using destinations of their own.
 */
final class SharedBrokers {
    private static EmbeddedArtemis artemis;
    private static EmbeddedActiveMq activeMq;

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

    static synchronized EmbeddedActiveMq activeMq() {
        if (activeMq == null) {
            activeMq = EmbeddedActiveMq.builder().build().start();
            EmbeddedActiveMq started = activeMq;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-shared-activemq"));
        }
        return activeMq;
    }
}
