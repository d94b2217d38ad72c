package org.stompest.camel.integration;

/** The delivery defaults on RabbitMQ (prefetch-count flow control; a failed message is NACKed and requeued). */
class RabbitMqDeliveryDefaultsIT extends AbstractDeliveryDefaultsIT {

    @Override
    protected String brokerUri() {
        return SharedBrokers.rabbitMq().stompUri();
    }

    /**
     * RabbitMQ reads {@code persistent:false} on a SEND to {@code /queue/x} as a queue property too and refuses it for
     * the existing durable queue ({@code RESOURCE_LOCKED}): the inbound message carries only a priority.
     */
    @Override
    protected java.util.Map<String, String> inboundDeliveryAttributes() {
        return java.util.Map.of("priority", "1");
    }

}
