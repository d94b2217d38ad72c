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
package org.stompest.bench.codec;

/**
 * One STOMP implementation under test, driven the way its own transport drives it: bytes in, whole frames (command,
 * headers, body) out. An instance keeps its decoder between calls, as a connection would.
 */
public interface Codec {
    /** Feeds {@code data} in pieces of at most {@code chunk} bytes and hands every frame to the sink. */
    void decode(byte[] data, int chunk, FrameSink sink);

    /** Encodes the prepared SEND frame (built once from {@link Corpus#sendHeaders()}); returns the byte count. */
    int encode();

    /** The codec by its benchmark name. */
    static Codec named(String name) {
        switch (name) {
            case "stompest":
                return new StompestCodec();
            case "spring":
                return new SpringCodec();
            case "netty":
                return new NettyCodec();
            default:
                throw new IllegalArgumentException("Unknown codec: " + name + " [known=stompest, spring, netty]");
        }
    }
}
