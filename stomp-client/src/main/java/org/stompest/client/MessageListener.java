package org.stompest.client;

/**
 * Receives the messages of one subscription, on the subscription's own executor (never on the connection's reader
 * thread). With a client ack mode the listener acknowledges with {@link StompMessage#ack()}; if it throws, the
 * message is NACKed (1.1+; left unacknowledged in 1.0) and the exception is logged at WARN.
 */
@FunctionalInterface
public interface MessageListener {
    void onMessage(StompMessage message) throws Exception;
}
