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
package org.stompest.client.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stompest.error.StompFrameError;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompItem;
import org.stompest.protocol.StompParser;
import org.stompest.protocol.StompParserLimits;
import org.stompest.protocol.StompSpec;

/**
 * Case 6b, hostile input to the parser: millions of random and mutated byte streams (seeded, so a failure is
 * reproducible: {@code -Dfaults.fuzz.seed=...}), fed in random chunk sizes to parsers of every version with default
 * and with tiny limits. Nothing but {@link StompFrameError} may escape; every item that comes out is a frame or a
 * heart-beat that renders again; after an error the parser parses a valid frame at once (the recovery rule); no
 * input makes it buffer beyond its limits.
 * <p>{@code -Dfaults.fuzz.inputs=N} sets how many inputs (default 2,000,000, about 10-20 s on 2 cores).
 */
@Tag("faults")
class ParserFuzzFaultTest {
    private static final long INPUTS = Long.getLong("faults.fuzz.inputs", 2_000_000L);
    private static final long SEED = Long.getLong("faults.fuzz.seed", 0x5704E57L);
    private static final String[] VERSIONS = {StompSpec.VERSION_1_0, StompSpec.VERSION_1_1, StompSpec.VERSION_1_2};
    private static final StompParserLimits TINY = new StompParserLimits(64, 4, 256);
    private static final byte[][] TOKENS = bytes("\n", "\r\n", "\u0000", ":", "\\", "\\c", "\\n", "\\r", "\\\\",
            "\\t", "content-length:", "content-length:0", "content-length:-1", "content-length:99999999999",
            "content-length:2147483647", "content-length: 5 ", "content-length:1_0", "MESSAGE\n", "SEND\n",
            "CONNECTED\n", "ERROR\n", "RECEIPT\n", "receipt-id:", "destination:/queue/a", "\n\n", "\r\n\r\n",
            "\u00ff", "\u00e9", "\ud83d\ude00", "\u0080", "message:", "heart-beat:0,0", "version:1.2");

    @Test
    void theParserSurvivesMillionsOfRandomAndMutatedInputs() {
        Map<String, Long> outcomes = new TreeMap<>();
        long started = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(180), () -> fuzz(outcomes));
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        Tally.FAULTS.info("parser-fuzz: inputs={} seed={} frames={} heartBeats={} errors={} recoveries={}"
                          + " unexpected=0 elapsed={}ms", INPUTS, SEED, outcomes.getOrDefault("frames", 0L),
                outcomes.getOrDefault("heartBeats", 0L), outcomes.getOrDefault("errors", 0L),
                outcomes.getOrDefault("recoveries", 0L), elapsed);
        assertThat(outcomes.getOrDefault("errors", 0L)).isPositive();
        assertThat(outcomes.getOrDefault("frames", 0L)).isPositive();
    }

    @Test
    void endlessInputFailsAtTheLimitsInsteadOfBuffering() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Runtime runtime = Runtime.getRuntime();
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'A');
            for (String version : VERSIONS) {
                // a head line that never ends: refused at maxLineLength, after the first MiB at most
                StompParser parser = new StompParser(version);
                assertThatThrown(() -> parser.add(chunk)).contains("maxLineLength");
                // a body without NUL and without content-length: refused past maxBodyLength, never more buffered
                StompParser bodies = new StompParser(version, new StompParserLimits(1024, 10, 4 << 20));
                bodies.add("MESSAGE\ndestination:/queue/a\n\n".getBytes(StandardCharsets.US_ASCII));
                String error = null;
                for (int i = 0; i < 64 && error == null; i++) {
                    error = thrown(() -> bodies.add(chunk));
                }
                assertThat(error).as("a body beyond maxBodyLength is refused").contains("maxBodyLength");
                // a content-length of 100 GB: refused when the head is parsed, before any body arrives
                StompParser lengths = new StompParser(version);
                assertThatThrown(() -> lengths.add(("MESSAGE\ncontent-length:100000000000\n\n")
                        .getBytes(StandardCharsets.US_ASCII))).contains("maxBodyLength");
                // 100,000 headers: refused at maxHeaders
                StringBuilder head = new StringBuilder("MESSAGE\n");
                for (int i = 0; i < 100_000; i++) {
                    head.append("h").append(i).append(":v\n");
                }
                StompParser many = new StompParser(version);
                assertThatThrown(() -> many.add(head.toString().getBytes(StandardCharsets.US_ASCII)))
                        .contains("maxHeaders");
            }
            System.gc();
            assertThat(runtime.totalMemory() - runtime.freeMemory()).isLessThan(runtime.maxMemory());
        });
    }

    private static String thrown(Runnable action) {
        try {
            action.run();
            return null;
        } catch (StompFrameError e) {
            return e.getMessage();
        }
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertThatThrown(Runnable action) {
        String message = thrown(action);
        assertThat(message).as("StompFrameError expected").isNotNull();
        return assertThat(message);
    }

    private static void fuzz(Map<String, Long> outcomes) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<byte[]> corpus = corpus(random);
        StompParser[] parsers = new StompParser[VERSIONS.length * 2];
        for (int i = 0; i < VERSIONS.length; i++) {
            parsers[2 * i] = new StompParser(VERSIONS[i]);
            parsers[2 * i + 1] = new StompParser(VERSIONS[i], TINY);
        }
        long frames = 0;
        long beats = 0;
        long errors = 0;
        long recoveries = 0;
        for (long n = 0; n < INPUTS; n++) {
            StompParser parser = parsers[random.nextInt(parsers.length)];
            byte[] input = input(random, corpus);
            boolean failed = false;
            int pos = 0;
            try {
                while (pos < input.length) {
                    int len = Math.min(input.length - pos, 1 + random.nextInt(random.nextBoolean() ? 8 : 512));
                    try {
                        parser.add(input, pos, len);
                    } catch (StompFrameError e) {
                        errors++;
                        failed = true;
                        if (e.getMessage() == null || e.getMessage().isBlank()) {
                            throw new AssertionError("StompFrameError without a message", e);
                        }
                    }
                    pos += len;
                    StompItem item;
                    while ((item = parser.get()) != null) {
                        if (item.isHeartBeat()) {
                            beats++;
                        } else {
                            frames++;
                            check((StompFrame) item);
                        }
                    }
                }
            } catch (RuntimeException | Error e) {
                if (e instanceof AssertionError) {
                    throw e;
                }
                throw new AssertionError("Parser " + parser.version() + " " + parser.limits() + " threw "
                        + e + " on input #" + n + " (seed " + SEED + "): " + hex(input), e);
            }
            if (failed && random.nextInt(8) == 0) {
                // the recovery rule: after an error a valid frame parses at once
                recoveries++;
                parser.reset();
                byte[] canary = canary(parser.version());
                parser.add(canary);
                StompItem item = parser.get();
                assertThat(item).as("frame after an error").isInstanceOf(StompFrame.class);
                assertThat(((StompFrame) item).command()).isEqualTo(StompSpec.SEND);
            } else if (random.nextInt(4) == 0) {
                parser.reset(); // otherwise the next input continues the stream
            }
        }
        outcomes.put("frames", frames);
        outcomes.put("heartBeats", beats);
        outcomes.put("errors", errors);
        outcomes.put("recoveries", recoveries);
    }

    /** What a parsed frame must satisfy: a known command and a rendering that does not blow up. */
    private static void check(StompFrame frame) {
        if (!StompSpec.COMMANDS.get(frame.version()).contains(frame.command()) || frame.body() == null) {
            throw new AssertionError("Parsed an impossible frame: " + frame.info());
        }
        try {
            frame.toBytes();
            frame.info();
        } catch (StompFrameError renderingRefused) {
            // a frame may be unrenderable in its version (e.g. a header the encoder cannot escape): allowed
        }
    }

    private static byte[] canary(String version) {
        return new StompFrame(StompSpec.SEND, Map.of("destination", "/queue/canary"),
                "ok".getBytes(StandardCharsets.UTF_8), version).toBytes();
    }

    private static byte[] input(SplittableRandom random, List<byte[]> corpus) {
        switch (random.nextInt(10)) {
            case 0: { // pure garbage
                byte[] garbage = new byte[random.nextInt(300)];
                for (int i = 0; i < garbage.length; i++) {
                    garbage[i] = (byte) random.nextInt(256);
                }
                return garbage;
            }
            case 1: { // tokens glued together
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                int count = 1 + random.nextInt(30);
                for (int i = 0; i < count; i++) {
                    out.writeBytes(TOKENS[random.nextInt(TOKENS.length)]);
                }
                return out.toByteArray();
            }
            case 2: // valid, unchanged (streams of them)
                return corpus.get(random.nextInt(corpus.size()));
            case 3: { // a long run of one byte (line or body over the limits)
                byte[] run = new byte[64 + random.nextInt(2048)];
                Arrays.fill(run, (byte) (random.nextBoolean() ? 'A' : random.nextInt(256)));
                byte[] head = corpus.get(random.nextInt(corpus.size()));
                byte[] out = Arrays.copyOf(head, Math.min(head.length, random.nextInt(head.length + 1)) + run.length);
                System.arraycopy(run, 0, out, out.length - run.length, run.length);
                return out;
            }
            default:
                return mutate(random, corpus.get(random.nextInt(corpus.size())), corpus);
        }
    }

    private static byte[] mutate(SplittableRandom random, byte[] original, List<byte[]> corpus) {
        byte[] data = original.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            if (data.length == 0) {
                data = new byte[] {(byte) random.nextInt(256)};
            }
            int at = random.nextInt(data.length);
            switch (random.nextInt(8)) {
                case 0: // flip a bit
                    data[at] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1: // replace a byte with a structural one
                    data[at] = (byte) "\n\r\u0000:\\ c".charAt(random.nextInt(7));
                    break;
                case 2: { // delete a range
                    int len = Math.min(data.length - at, 1 + random.nextInt(8));
                    byte[] out = new byte[data.length - len];
                    System.arraycopy(data, 0, out, 0, at);
                    System.arraycopy(data, at + len, out, at, data.length - at - len);
                    data = out;
                    break;
                }
                case 3: { // insert a token
                    byte[] token = TOKENS[random.nextInt(TOKENS.length)];
                    data = insert(data, at, token);
                    break;
                }
                case 4: // truncate
                    data = Arrays.copyOf(data, at);
                    break;
                case 5: { // duplicate a range
                    int len = Math.min(data.length - at, 1 + random.nextInt(32));
                    data = insert(data, at, Arrays.copyOfRange(data, at, at + len));
                    break;
                }
                case 6: { // splice with another frame
                    byte[] other = corpus.get(random.nextInt(corpus.size()));
                    int from = random.nextInt(other.length);
                    data = insert(Arrays.copyOf(data, at), at, Arrays.copyOfRange(other, from, other.length));
                    break;
                }
                default: // random byte
                    data[at] = (byte) random.nextInt(256);
            }
        }
        return data;
    }

    private static byte[] insert(byte[] data, int at, byte[] piece) {
        byte[] out = new byte[data.length + piece.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(data, at, out, at + piece.length, data.length - at);
        return out;
    }

    /** Valid frames of every server command and some client ones, in every version, with escapes and bodies. */
    private static List<byte[]> corpus(SplittableRandom random) {
        List<byte[]> corpus = new ArrayList<>();
        for (String version : VERSIONS) {
            for (int i = 0; i < 40; i++) {
                Map<String, String> headers = new LinkedHashMap<>();
                String command;
                byte[] body = new byte[0];
                switch (i % 6) {
                    case 0:
                        command = StompSpec.CONNECTED;
                        headers.put("version", version);
                        headers.put("heart-beat", random.nextInt(1000) + "," + random.nextInt(1000));
                        headers.put("session", "s-" + i);
                        headers.put("server", "fuzz/1.0");
                        break;
                    case 1:
                        command = StompSpec.RECEIPT;
                        headers.put("receipt-id", "r-" + i);
                        break;
                    case 2:
                        command = StompSpec.ERROR;
                        headers.put("message", version.equals("1.0") ? "bad thing" : "bad: thing\nhere");
                        body = "details\u0000with a NUL".getBytes(StandardCharsets.UTF_8);
                        headers.put("content-length", Integer.toString(body.length));
                        break;
                    case 3:
                        command = StompSpec.SEND;
                        headers.put("destination", "/queue/x");
                        body = new byte[random.nextInt(40)];
                        random.nextBytes(body);
                        headers.put("content-length", Integer.toString(body.length));
                        break;
                    default:
                        command = StompSpec.MESSAGE;
                        headers.put("destination", "/queue/x");
                        headers.put("message-id", "ID:" + i);
                        headers.put("subscription", "sub-" + i);
                        if (!version.equals("1.0")) {
                            headers.put("weird:name", "value\\with:colon\r\nand lines");
                            headers.put("unicode", "\u00e9\u4e2d\ud83d\ude00");
                        }
                        if (i % 2 == 0) {
                            body = Bodies.make(i, random.nextInt(60), random);
                            headers.put("content-length", Integer.toString(body.length));
                        } else {
                            body = "text body".getBytes(StandardCharsets.UTF_8);
                        }
                }
                byte[] frame;
                try {
                    frame = new StompFrame(command, headers, body, version).toBytes();
                } catch (StompFrameError unrenderable) {
                    continue;
                }
                if (random.nextBoolean()) {
                    frame = insert(frame, frame.length, "\n".getBytes(StandardCharsets.UTF_8)); // a heart-beat
                }
                corpus.add(frame);
            }
        }
        return corpus;
    }

    private static byte[][] bytes(String... texts) {
        byte[][] out = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            out[i] = texts[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static String hex(byte[] data) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(data.length, 2000); i++) {
            out.append(String.format("%02x", data[i] & 0xff));
        }
        return out.toString();
    }
}
