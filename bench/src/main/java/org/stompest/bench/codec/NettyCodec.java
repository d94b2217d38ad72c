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

import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.stomp.DefaultStompFrame;
import io.netty.handler.codec.stomp.StompCommand;
import io.netty.handler.codec.stomp.StompFrame;
import io.netty.handler.codec.stomp.StompSubframeAggregator;
import io.netty.handler.codec.stomp.StompSubframeDecoder;
import io.netty.handler.codec.stomp.StompSubframeEncoder;

/**
 * Netty's {@link StompSubframeDecoder} and {@link StompSubframeAggregator} (whole frames, like the other two) in an
 * {@link EmbeddedChannel}, each piece wrapped without a copy as a socket read would hand it over; the encoder is
 * {@link StompSubframeEncoder} in its own channel. Buffers come from Netty's default (pooled) allocator and every
 * frame is released after use.
 */
final class NettyCodec implements Codec {
    private final EmbeddedChannel decoder = new EmbeddedChannel(
            new StompSubframeDecoder(), new StompSubframeAggregator(4 * Corpus.LARGE_BODY));
    private final EmbeddedChannel encoder = new EmbeddedChannel(new StompSubframeEncoder());
    private final StompFrame send;

    NettyCodec() {
        send = new DefaultStompFrame(StompCommand.SEND, Unpooled.wrappedBuffer(Corpus.sendBody()));
        for (Map.Entry<String, String> header : Corpus.sendHeaders().entrySet()) {
            send.headers().set(header.getKey(), header.getValue());
        }
    }

    @Override
    public void decode(byte[] data, int chunk, FrameSink sink) {
        for (int off = 0; off < data.length; off += chunk) {
            decoder.writeInbound(Unpooled.wrappedBuffer(data, off, Math.min(chunk, data.length - off)));
            StompFrame frame;
            while ((frame = decoder.readInbound()) != null) {
                if (!frame.decoderResult().isSuccess()) {
                    throw new IllegalStateException("Netty could not decode a frame", frame.decoderResult().cause());
                }
                sink.frame(frame, frame.content().readableBytes());
                frame.release();
            }
        }
    }

    @Override
    public int encode() {
        encoder.writeOutbound(send.retain());
        int length = 0;
        ByteBuf out;
        while ((out = encoder.readOutbound()) != null) {
            length += out.readableBytes();
            out.release();
        }
        return length;
    }
}
