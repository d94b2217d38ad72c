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
package org.stompest.camel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StompestHeaderFilterStrategyTest {
    private final StompestHeaderFilterStrategy filter = new StompestHeaderFilterStrategy();

    @ParameterizedTest
    @ValueSource(strings = { "destination", "receipt", "receipt-id", "transaction", "content-length",
            "content-type", "message-id", "subscription", "ack", "redelivered", "Destination", "RECEIPT",
            "CamelStompestDestination", "CamelFileName", "camelSomething", "org.apache.camel.Foo" })
    void protocolAndCamelHeadersAreNotSent(String header) {
        assertThat(filter.applyFilterToCamelHeaders(header, "v", null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "priority", "persistent", "expires", "reply-to", "correlation-id", "x-app", "id",
            "JMSXGroupID" })
    void applicationHeadersAreSent(String header) {
        assertThat(filter.applyFilterToCamelHeaders(header, "v", null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "content-length", "receipt", "transaction", "destination", "message-id",
            "subscription", "ack", "CamelInjected", "destination-type", "persistent", "priority", "expires",
            "timestamp", "redelivered", "__AMQ_CID", "_AMQ_ROUTING_TYPE", "JMSXDeliveryCount" })
    void protocolHeadersOfAReceivedMessageDoNotBecomeCamelHeaders(String header) {
        assertThat(filter.applyFilterToExternalHeaders(header, "v", null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "content-type", "reply-to", "correlation-id", "x-app" })
    void otherHeadersOfAReceivedMessageBecomeCamelHeaders(String header) {
        assertThat(filter.applyFilterToExternalHeaders(header, "v", null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "content-type", "reply-to", "x-app", "", "Destination", "DESTINATION", "CamelX",
            "camelx", "CAMELX", "cAmElX", "org.apache.camel.Foo", "ORG.APACHE.CAMEL.FOO", "org.apache", "__AMQ_CID",
            "__amq_cid", "_amq_routing_type", "_AMQ_X", "JMSXGroupID", "jmsxgroupid", "Jmsx", "_", "c", "o",
            "J", "jms", "x-Camel", "JMSDestination" })
    void theStockReceivedDecisionIsTheFiltersOwn(String header) {
        assertThat(filter.isStockIn()).isTrue();
        StompestHeaderFilterStrategy camelsOwnPath = new StompestHeaderFilterStrategy() { };
        assertThat(StompestHeaderFilterStrategy.letsIn(header, "v"))
                .isEqualTo(!camelsOwnPath.applyFilterToExternalHeaders(header, "v", null))
                .isEqualTo(!filter.applyFilterToExternalHeaders(header, "v", null));
        assertThat(StompestHeaderFilterStrategy.letsIn(header, null)).isFalse();
        assertThat(StompestHeaderFilterStrategy.letsIn(null, "v")).isFalse();
    }

    @Test
    void changingTheReceivedConfigurationOrSubclassingEndsTheStockDecision() {
        StompestHeaderFilterStrategy onlyRead = new StompestHeaderFilterStrategy();
        onlyRead.getInFilter();
        assertThat(onlyRead.isStockIn()).as("the set can be changed through what getInFilter returns").isFalse();
        StompestHeaderFilterStrategy asked = new StompestHeaderFilterStrategy();
        asked.getInFilter().add("x-app");
        assertThat(asked.isStockIn()).isFalse();
        StompestHeaderFilterStrategy lowerCaseOff = new StompestHeaderFilterStrategy();
        lowerCaseOff.setLowerCase(false);
        assertThat(lowerCaseOff.isStockIn()).isFalse();
        assertThat(new StompestHeaderFilterStrategy() { }.isStockIn()).isFalse();
        assertThat(filter.getOutFilter()).contains("destination");
        assertThat(filter.isStockIn()).isTrue();
    }
}
