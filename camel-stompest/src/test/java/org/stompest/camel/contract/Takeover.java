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

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock of a takeover in a cluster case: when the fault came, when the first message sent after it was
 * confirmed and when it was received, and the longest pause between two confirmations (and two deliveries) since.
 * "Sent after the fault" is by sequence number: a message whose number was taken after the fault, so neither a
 * RECEIPT read just before a SIGKILL nor a prefetched message handed out after it counts as a takeover.
 * Thread-safe: senders and consumer threads mark, the test reads.
 */
final class Takeover {
    private volatile long faultAt;
    private volatile long firstSeqAfter = Long.MAX_VALUE;
    private final AtomicLong confirmedAt = new AtomicLong();
    private final AtomicLong receivedAt = new AtomicLong();
    private final Pauses confirmations = new Pauses();
    private final Pauses deliveries = new Pauses();

    /** The fault happens now; every message numbered {@code firstSeqAfter} or higher is sent after it. */
    void fault(long firstSeqAfter) {
        long now = System.nanoTime();
        confirmedAt.set(0);
        receivedAt.set(0);
        confirmations.reset(now);
        deliveries.reset(now);
        this.firstSeqAfter = firstSeqAfter;
        faultAt = now;
    }

    void confirmed(long seq) {
        long now = System.nanoTime();
        confirmations.mark(now);
        if (seq >= firstSeqAfter) {
            confirmedAt.compareAndSet(0, now);
        }
    }

    void received(long seq) {
        long now = System.nanoTime();
        deliveries.mark(now);
        if (seq >= firstSeqAfter) {
            receivedAt.compareAndSet(0, now);
        }
    }

    boolean confirmedAfterFault() {
        return confirmedAt.get() != 0;
    }

    boolean receivedAfterFault() {
        return receivedAt.get() != 0;
    }

    /** From the fault to the first confirmation of a message sent after it. */
    long millisToConfirmed() {
        return TimeUnit.NANOSECONDS.toMillis(confirmedAt.get() - faultAt);
    }

    /** From the fault to the first delivery of a message sent after it. */
    long millisToReceived() {
        return TimeUnit.NANOSECONDS.toMillis(receivedAt.get() - faultAt);
    }

    /** The longest time without a confirmation since the fault. */
    long longestConfirmPauseMillis() {
        return confirmations.longestMillis();
    }

    /** The longest time without a delivery since the fault. */
    long longestDeliveryPauseMillis() {
        return deliveries.longestMillis();
    }

    /** The longest gap between marks since a reset (the gap from the reset to the first mark included). */
    private static final class Pauses {
        private final AtomicLong last = new AtomicLong();
        private final AtomicLong longest = new AtomicLong();

        void reset(long now) {
            last.set(now);
            longest.set(0);
        }

        void mark(long now) {
            long previous = last.getAndSet(now);
            if (previous != 0) {
                longest.accumulateAndGet(now - previous, Math::max);
            }
        }

        long longestMillis() {
            return TimeUnit.NANOSECONDS.toMillis(longest.get());
        }
    }
}
