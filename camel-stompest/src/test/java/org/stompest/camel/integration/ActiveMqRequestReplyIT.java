package org.stompest.camel.integration;

/**
 * Request-reply on ActiveMQ Classic: temporary replies come to a /temp-queue/ of the producer's connection, which
 * which a consumer on the same connection sees as it is (one on another connection sees a /remote-temp-queue/).
 */
class ActiveMqRequestReplyIT extends AbstractRequestReplyIT {

    @Override
    protected String brokerUri() {
        return SharedBrokers.activeMq().stompUri();
    }

    @Override
    protected String temporaryReplyToPrefix() {
        return "/temp-queue/stompest.reply.";
    }
}
