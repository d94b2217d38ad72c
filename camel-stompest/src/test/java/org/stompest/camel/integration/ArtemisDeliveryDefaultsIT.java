package org.stompest.camel.integration;

/** The delivery defaults on ActiveMQ Artemis (it routes a SEND by its destination-type header first). */
class ArtemisDeliveryDefaultsIT extends AbstractDeliveryDefaultsIT {
}
