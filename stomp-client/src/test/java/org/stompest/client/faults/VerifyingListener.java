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

import java.util.concurrent.atomic.AtomicLong;

import org.stompest.client.MessageListener;
import org.stompest.client.StompMessage;
import org.stompest.error.StompConnectionError;

/**
 * A client-individual listener that checks each body ({@link Bodies}), records it in the {@link Tally}, then ACKs.
 * An ACK refused because the message came on a connection that is gone since is fine: the broker redelivers it
 * (a duplicate, counted as such).
 */
public final class VerifyingListener implements MessageListener {
    private final Tally tally;
    private final AtomicLong ackFailures = new AtomicLong();

    public VerifyingListener(Tally tally) {
        this.tally = tally;
    }

    public long ackFailures() {
        return ackFailures.get();
    }

    @Override
    public void onMessage(StompMessage message) {
        long seq = Bodies.verify(message.body());
        if (seq == Bodies.CORRUPT) {
            tally.corrupted();
        } else {
            tally.received(seq);
        }
        try {
            message.ack();
        } catch (StompConnectionError e) {
            ackFailures.incrementAndGet();
        }
    }
}
