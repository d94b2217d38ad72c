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
package org.stompest.camel.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.stompest.client.faults.Bodies;
import org.stompest.client.faults.Tally;

/**
 * A Camel consumer route in a child JVM ({@link ConsumerMain}) that a test can kill with SIGKILL mid-stream and
 * start again; what it received is read back from its record file with {@link #poll(Tally)}.
 */
final class ConsumerProcess extends ChildProcess {
    private final Path dir;
    private final Path record;
    private final String failover;
    private final String endpointUri;
    private long offset;

    private ConsumerProcess(String name, Path dir, String failover, String endpointUri) {
        super(name);
        this.dir = dir;
        this.record = dir.resolve("received.txt");
        this.failover = failover;
        this.endpointUri = endpointUri;
    }

    /** Starts the consumer of {@code endpointUri} and waits until its subscription is live (a ping came through). */
    static ConsumerProcess start(String name, Path dir, String failover, String endpointUri) {
        ConsumerProcess consumer = new ConsumerProcess(name, dir, failover, endpointUri);
        consumer.launch(true);
        return consumer;
    }

    /** Starts it again after {@link #kill()}; returns when its route started (nanoTime). */
    long restart() {
        return launch(false);
    }

    private long launch(boolean ping) {
        try {
            if (!Files.exists(record)) {
                Files.createDirectories(dir);
                Files.createFile(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return launch(ConsumerMain.class, dir.resolve("tmp"), failover, endpointUri, record.toString(),
                Boolean.toString(ping));
    }

    /** Feeds the lines recorded since the last poll into {@code tally}; returns how many. */
    synchronized int poll(Tally tally) {
        try (SeekableByteChannel channel = Files.newByteChannel(record)) {
            long size = channel.size();
            if (size <= offset) {
                return 0;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - offset));
            channel.position(offset);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read to the end
            }
            int lines = 0;
            int start = 0;
            byte[] bytes = buffer.array();
            for (int i = 0; i < buffer.position(); i++) {
                if (bytes[i] == '\n') {
                    long seq = Long.parseLong(new String(bytes, start, i - start, StandardCharsets.US_ASCII));
                    if (seq == Bodies.CORRUPT) {
                        tally.corrupted();
                    } else {
                        tally.received(seq);
                    }
                    lines++;
                    start = i + 1;
                }
            }
            offset += start; // a line still being written is read by the next poll
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
