package org.stompest.client;

/**
 * A handle on a subscription of a {@link StompConnection}. It survives reconnects: the connection resubscribes with
 * the same {@link #id()} after each one, until {@link #unsubscribe()}.
 */
public interface Subscription {
    /**
     * The SUBSCRIBE {@code id}, stable across reconnects. After a {@link ListenerFailure#REDELIVER} resubscribe the
     * id on the wire is {@code <id>~g<n>}; this and {@link StompMessage#subscriptionId()} stay {@code <id>}.
     */
    String id();

    String destination();

    /** {@code auto}, {@code client} or {@code client-individual}. */
    String ackMode();

    /** True until {@link #unsubscribe()} or the connection is closed. */
    boolean isActive();

    /** Sends UNSUBSCRIBE (when connected) and stops delivery; messages still queued are dropped. Idempotent. */
    void unsubscribe();

    /** How many MESSAGE frames arrived for this subscription. */
    long received();
}
