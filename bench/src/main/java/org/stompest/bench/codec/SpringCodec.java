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
