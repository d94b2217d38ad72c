package org.stompest.protocol;

/**
 * A STOMP heart-beat: one LF on the wire in every version. Every instance equals every other (the same bytes);
 * {@link #isFrameTrailer()} tells an EOL directly after a frame's NUL (which brokers such as Artemis send after
 * every frame, and which is no heart-beat) from one between frames.
 */
public final class StompHeartBeat implements StompItem {
    /** The one instance the parser hands out. */
    public static final StompHeartBeat INSTANCE = new StompHeartBeat(false);
    /** An EOL the parser found directly after a frame's NUL. */
    public static final StompHeartBeat FRAME_TRAILER = new StompHeartBeat(true);
    private static final byte[] WIRE = {'\n'};

    private final boolean frameTrailer;

    private StompHeartBeat(boolean frameTrailer) {
        this.frameTrailer = frameTrailer;
    }

    /** Whether this EOL came directly after a frame's NUL: a frame's trailer rather than a heart-beat. */
    public boolean isFrameTrailer() {
        return frameTrailer;
    }

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
