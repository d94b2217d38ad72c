package org.stompest.camel.integration;

/** The Camel SPIs on Artemis; it refuses a SUBSCRIBE with a selector it cannot parse. */
class ArtemisConsumerSpiIT extends AbstractConsumerSpiIT {

    @Override
    protected String refusedSubscriptionOptions() {
        return "selector=RAW(color = = 'red')";
    }
}
