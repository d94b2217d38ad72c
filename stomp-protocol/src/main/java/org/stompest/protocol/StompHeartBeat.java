package org.stompest.protocol;

/**
 * A STOMP heart-beat: one LF on the wire in every version. Stateless, so every instance equals every other.
 */
public final class StompHeartBeat implements StompItem {
    /** The one instance the parser hands out. */
    public static final StompHeartBeat INSTANCE = new StompHeartBeat();
    private static final byte[] WIRE = {'\n'};

    @Override
    public byte[] toBytes() {
        return WIRE.clone();
    }

    @Override
    public String info() {
        return "heart-beat";
    }

    @Override
    public boolean isHeartBeat() {
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StompHeartBeat;
    }

    @Override
    public int hashCode() {
        return 1;
    }

    @Override
    public String toString() {
        return "StompHeartBeat()";
    }
}
