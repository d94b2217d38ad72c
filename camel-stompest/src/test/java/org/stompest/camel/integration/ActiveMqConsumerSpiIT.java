package org.stompest.camel.integration;

/** The Camel SPIs on ActiveMQ Classic; it refuses a SUBSCRIBE with a selector it cannot parse. */
class ActiveMqConsumerSpiIT extends AbstractConsumerSpiIT {

    @Override
    protected String brokerUri() {
        return SharedBrokers.activeMq().stompUri();
    }

    @Override
    protected String refusedSubscriptionOptions() {
        return "selector=RAW(color = = 'red')";
    }
}
