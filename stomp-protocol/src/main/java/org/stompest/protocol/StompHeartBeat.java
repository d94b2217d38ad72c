/*
 * Copyright 2026 the stompest for Java authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
