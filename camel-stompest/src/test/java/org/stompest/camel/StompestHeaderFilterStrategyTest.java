package org.stompest.camel;

import static org.assertj.core.api.Assertions.assertThat;

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
}
