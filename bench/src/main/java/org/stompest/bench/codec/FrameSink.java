package org.stompest.bench.codec;

/** Where a codec hands each decoded frame: the benchmark's black hole, or a counter when checking. */
public interface FrameSink {
    /** One decoded frame (the codec's own type) and the length of its body. */
    void frame(Object frame, int bodyLength);
}
