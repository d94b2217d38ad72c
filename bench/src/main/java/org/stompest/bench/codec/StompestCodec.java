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
