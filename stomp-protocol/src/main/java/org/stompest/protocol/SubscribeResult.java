package org.stompest.protocol;

/**
 * What {@code subscribe} returns: the reference's pair {@code (frame, token)}.
 *
 * @param frame the SUBSCRIBE frame to send
 * @param token the token that later matches MESSAGE frames to this subscription and unsubscribes it
 */
public record SubscribeResult(StompFrame frame, SubscriptionToken token) {
}
