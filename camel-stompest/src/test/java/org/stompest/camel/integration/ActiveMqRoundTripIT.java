package org.stompest.camel.integration;

/** The round trips on Apache ActiveMQ Classic (its {@code ack} ids differ from the message ids). */
class ActiveMqRoundTripIT extends AbstractRoundTripIT {

    @Override
    protected String brokerUri() {
        return SharedBrokers.activeMq().stompUri();
    }
}
