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

import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompItem;
import org.stompest.protocol.StompParser;

/** Ours: {@link StompParser} (STOMP 1.2) and {@link StompFrame#toBytes()}. */
final class StompestCodec implements Codec {
    private final StompParser parser = new StompParser("1.2");
    private final StompFrame send = new StompFrame("SEND", Corpus.sendHeaders(), Corpus.sendBody(), "1.2");

    @Override
    public void decode(byte[] data, int chunk, FrameSink sink) {
        for (int off = 0; off < data.length; off += chunk) {
            parser.add(data, off, Math.min(chunk, data.length - off));
            StompItem item;
            while ((item = parser.get()) != null) {
                sink.frame(item, ((StompFrame) item).body().length);
            }
        }
    }

    @Override
    public int encode() {
        return send.toBytes().length;
    }
}
