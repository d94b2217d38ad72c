package org.stompest.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.stompest.client.StompBrokerError;

/** The round trips on Apache ActiveMQ Artemis. */
class ArtemisRoundTripIT extends AbstractRoundTripIT {

    @Test
    void aBrokerErrorFailsTheExchangeWithTheBrokersMessage() {
        SharedBrokers.artemis().server().getAddressSettingsRepository().addMatch("closed.#",
                new AddressSettings().setAutoCreateAddresses(false).setAutoCreateQueues(false));

        assertThatThrownBy(() -> template.sendBody("stompest:closed.nowhere", "lost"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().hasMessageStartingWith("SEND to closed.nowhere failed: Received ERROR")
                .hasCauseInstanceOf(StompBrokerError.class)
                .satisfies(e -> assertThat(((StompBrokerError) e.getCause()).brokerMessage()).isNotBlank());
    }
}
