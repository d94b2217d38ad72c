package org.stompest.protocol;

/**
 * What a {@link StompParser} yields and a transport writes: a {@link StompFrame} or a {@link StompHeartBeat}.
 * Sealed so that a {@code switch} or {@code instanceof} over the two is exhaustive.
 */
public sealed interface StompItem permits StompFrame, StompHeartBeat {
    /** The wire bytes of this item. */
    byte[] toBytes();

    /** A log-friendly form that never shows a passcode. */
    String info();

    /** True for a heart-beat: the reference tells the two apart by a heart-beat's falsy truth value. */
    default boolean isHeartBeat() {
        return false;
    }
}
