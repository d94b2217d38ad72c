package org.stompest.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link StompHeartBeat} (§4.7): stateless, one LF on the wire, equal only to other heart-beats. */
class StompHeartBeatTest {

    @Test
    void everyHeartBeatEqualsEveryOther() {
        StompHeartBeat other = StompHeartBeat.FRAME_TRAILER;

        assertThat(StompHeartBeat.INSTANCE).isEqualTo(other);
        assertThat(other).isEqualTo(StompHeartBeat.INSTANCE);
        assertThat(other.hashCode()).isEqualTo(StompHeartBeat.INSTANCE.hashCode());
    }

    @Test
    void onlyTheTrailerIsAFrameTrailer() {
        assertThat(StompHeartBeat.FRAME_TRAILER.isFrameTrailer()).isTrue();
        assertThat(StompHeartBeat.INSTANCE.isFrameTrailer()).isFalse();
    }

    @Test
    void heartBeatEqualsNothingElse() {
        assertThat(StompHeartBeat.INSTANCE.equals(new StompFrame(StompSpec.SEND))).isFalse();
        assertThat(StompHeartBeat.INSTANCE.equals(new byte[] {'\n'})).isFalse();
        assertThat(StompHeartBeat.INSTANCE.equals("\n")).isFalse();
        assertThat(StompHeartBeat.INSTANCE.equals(null)).isFalse();
    }

    @Test
    void rendersAsOneLineFeed() {
        assertThat(StompHeartBeat.INSTANCE.toBytes()).containsExactly('\n');
    }

    @Test
    void toBytesReturnsACopy() {
        StompHeartBeat.INSTANCE.toBytes()[0] = 'X';

        assertThat(StompHeartBeat.INSTANCE.toBytes()).containsExactly('\n');
    }

    @Test
    void toStringAndInfo() {
        assertThat(StompHeartBeat.INSTANCE).hasToString("StompHeartBeat()");
        assertThat(StompHeartBeat.INSTANCE.info()).isEqualTo("heart-beat");
    }

    @Test
    void isAHeartBeatItem() {
        StompItem item = StompHeartBeat.INSTANCE;

        assertThat(item.isHeartBeat()).isTrue();
        assertThat(item).isInstanceOf(StompHeartBeat.class);
    }
}
