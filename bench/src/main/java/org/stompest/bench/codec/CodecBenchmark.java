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

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Frames per second through each codec, in memory. Every method's score is frames/s (one operation is one frame);
 * multiply by {@link #frameBytes(String)} for bytes/s.
 * <ol type="a">
 *   <li>{@code a_stream}: 1,000 MESSAGE frames (8 headers, 100-byte body) handed over in one piece;
 *   <li>{@code b_large}: 8 MESSAGE frames with a 1 MiB body and content-length, in 64 KiB reads;
 *   <li>{@code c_segments}: the stream of (a) in 1,460-byte pieces (one TCP segment each);
 *   <li>{@code d_bytewise}: 100 frames of (a), one byte at a time;
 *   <li>{@code encode}: one SEND frame (8 headers, 100-byte body) to bytes.
 * </ol>
 * Each codec keeps its decoder across calls, as a connection does; each stream ends on a frame boundary.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {
    @Param({"stompest", "spring", "netty"})
    public String codec;

    private Codec impl;
    private byte[] small;
    private byte[] large;
    private byte[] bytewise;
    private final BlackholeSink sink = new BlackholeSink();

    @Setup
    public void setup() {
        impl = Codec.named(codec);
        small = Corpus.messages(Corpus.SMALL_FRAMES, Corpus.SMALL_BODY);
        large = Corpus.messages(Corpus.LARGE_FRAMES, Corpus.LARGE_BODY);
        bytewise = Corpus.messages(Corpus.BYTEWISE_FRAMES, Corpus.SMALL_BODY);
        check(small, small.length, Corpus.SMALL_FRAMES, Corpus.SMALL_BODY);
        check(large, Corpus.READ_BUFFER, Corpus.LARGE_FRAMES, Corpus.LARGE_BODY);
        check(small, Corpus.SEGMENT, Corpus.SMALL_FRAMES, Corpus.SMALL_BODY);
        check(bytewise, 1, Corpus.BYTEWISE_FRAMES, Corpus.SMALL_BODY);
    }

    /** Refuses to measure a codec that does not return every frame with its whole body. */
    private void check(byte[] data, int chunk, int frames, int bodyLength) {
        int[] seen = new int[2];
        impl.decode(data, chunk, (frame, length) -> {
            seen[0]++;
            if (length != bodyLength) {
                seen[1]++;
            }
        });
        if (seen[0] != frames || seen[1] != 0) {
            throw new IllegalStateException(codec + " decoded " + seen[0] + " frames (" + seen[1]
                    + " with a wrong body) instead of " + frames + " [chunk=" + chunk + "]");
        }
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.SMALL_FRAMES)
    public void a_stream(Blackhole bh) {
        sink.bh = bh;
        impl.decode(small, small.length, sink);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.LARGE_FRAMES)
    public void b_large(Blackhole bh) {
        sink.bh = bh;
        impl.decode(large, Corpus.READ_BUFFER, sink);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.SMALL_FRAMES)
    public void c_segments(Blackhole bh) {
        sink.bh = bh;
        impl.decode(small, Corpus.SEGMENT, sink);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.BYTEWISE_FRAMES)
    public void d_bytewise(Blackhole bh) {
        sink.bh = bh;
        impl.decode(bytewise, 1, sink);
    }

    @Benchmark
    public int encode() {
        return impl.encode();
    }

    /** Wire bytes of one frame of a benchmark, to turn frames/s into MB/s. */
    public static long frameBytes(String benchmark) {
        switch (benchmark) {
            case "a_stream":
            case "c_segments":
                return Corpus.messages(Corpus.SMALL_FRAMES, Corpus.SMALL_BODY).length / Corpus.SMALL_FRAMES;
            case "b_large":
                return Corpus.messages(Corpus.LARGE_FRAMES, Corpus.LARGE_BODY).length / Corpus.LARGE_FRAMES;
            case "d_bytewise":
                return Corpus.messages(Corpus.BYTEWISE_FRAMES, Corpus.SMALL_BODY).length / Corpus.BYTEWISE_FRAMES;
            case "encode":
                return new StompestCodec().encode();
            default:
                throw new IllegalArgumentException("Unknown benchmark: " + benchmark);
        }
    }

    private static final class BlackholeSink implements FrameSink {
        Blackhole bh;

        @Override
        public void frame(Object frame, int bodyLength) {
            bh.consume(frame);
        }
    }
}
