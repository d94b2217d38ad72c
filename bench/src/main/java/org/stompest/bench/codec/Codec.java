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
