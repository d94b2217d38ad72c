package org.stompest.camel.integration;

/** The delivery defaults on ActiveMQ Classic. */
class ActiveMqDeliveryDefaultsIT extends AbstractDeliveryDefaultsIT {

    @Override
    protected String brokerUri() {
        return SharedBrokers.activeMq().stompUri();
    }
}
