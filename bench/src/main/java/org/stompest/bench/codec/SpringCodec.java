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

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.BufferingStompDecoder;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Spring's {@link StompDecoder} behind the {@link BufferingStompDecoder} that Spring's own TCP and WebSocket
 * transports put in front of it (it keeps a partial frame and decodes again when more bytes come), and
 * {@link StompEncoder}.
 */
final class SpringCodec implements Codec {
    private final BufferingStompDecoder decoder = new BufferingStompDecoder(new StompDecoder(), 64 * 1024 * 1024);
    private final StompEncoder encoder = new StompEncoder();
    private final Message<byte[]> send;

    SpringCodec() {
        StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.SEND);
        for (Map.Entry<String, String> header : Corpus.sendHeaders().entrySet()) {
            accessor.setNativeHeader(header.getKey(), header.getValue());
        }
        send = MessageBuilder.createMessage(Corpus.sendBody(), accessor.getMessageHeaders());
    }

    @Override
    public void decode(byte[] data, int chunk, FrameSink sink) {
        for (int off = 0; off < data.length; off += chunk) {
            List<Message<byte[]>> messages = decoder.decode(ByteBuffer.wrap(data, off, Math.min(chunk, data.length - off)));
            for (int i = 0; i < messages.size(); i++) {
                Message<byte[]> message = messages.get(i);
                sink.frame(message, message.getPayload().length);
            }
        }
    }

    @Override
    public int encode() {
        return encoder.encode(send).length;
    }
}
