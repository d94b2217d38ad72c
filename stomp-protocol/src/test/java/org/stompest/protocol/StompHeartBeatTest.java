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
