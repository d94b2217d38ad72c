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
