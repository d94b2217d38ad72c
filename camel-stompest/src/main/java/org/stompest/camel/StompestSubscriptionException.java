package org.stompest.camel;

import org.stompest.client.StompBrokerError;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * The broker refused a consumer's subscription with an ERROR frame (a denied destination, a bad selector): what the
 * route's exception handler gets. It carries the broker's error underneath.
 */
public class StompestSubscriptionException extends Exception {
    private static final long serialVersionUID = 1L;

    public StompestSubscriptionException(String destination, StompFrame error) {
        super("Broker refused the subscription to " + destination + ": " + error.header(StompSpec.MESSAGE_HEADER),
              new StompBrokerError(error));
    }
}
