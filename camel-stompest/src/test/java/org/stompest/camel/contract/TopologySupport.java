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

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The machinery of the issue 15 cases on a topology of brokers (an HA pair, a cluster), on top of the delivery
 * contract's: the brokers are the broker of the class ({@code broker.stompUri()} is a failover URI over all of them),
 * a paced stream of sends that a case stops when it has seen what it wanted, and the {@link Takeover} clock.
 */
abstract class TopologySupport extends DeliveryContractSupport {
    /** Messages a case waits for between its steps ({@code -Dcluster.phase.messages=N}). */
    static final int PER_PHASE = Integer.getInteger("cluster.phase.messages", 200);
    /** Each of the 4 sender threads pauses this long before each send: up to ~200 msg/s. */
    static final long PACE_MILLIS = 20;
    /** The first message number a sender can take after now (each of the 4 may hold one it has not sent). */
    private static final int SENDERS_AHEAD = 4;

    final Takeover takeover = new Takeover();

    /** Starts the paced stream; lower the returned end to 0 to stop it, then {@link #awaitSendersDone}. */
    AtomicLong startPacedStream() {
        return startPacedStream(seq -> { });
    }

    /** Like {@link #startPacedStream()}; {@code alsoConfirmed} hears of every confirmed message too. */
    AtomicLong startPacedStream(LongConsumer alsoConfirmed) {
        AtomicLong end = new AtomicLong(Long.MAX_VALUE);
        startSending(end, PACE_MILLIS, (seq, done) -> {
            if (done.getException() != null) {
                return false;
            }
            takeover.confirmed(seq);
            alsoConfirmed.accept(seq);
            return true;
        });
        return end;
    }

    /** The fault happens now: the takeover clock starts. */
    void fault() {
        takeover.fault(tally.sentCount() + (long) SENDERS_AHEAD);
    }

    /** Records the takeover from the fault to the first confirmation and delivery of a message sent after it. */
    void awaitTakeover(String after, String missing) {
        awaitStep("a message sent after " + after + " confirmed and received",
                () -> takeover.confirmedAfterFault() && takeover.receivedAfterFault(), missing);
        tally.recovery(Math.max(takeover.millisToConfirmed(), takeover.millisToReceived()));
        tally.extra("killToConfirmedMs", takeover.millisToConfirmed());
        tally.extra("killToReceivedMs", takeover.millisToReceived());
    }

    /** Awaits {@code count} more confirmations than now. */
    void awaitMoreConfirmed(int count, String what, String missing) {
        int target = tally.confirmedCount() + count;
        awaitStep(count + " confirmed " + what, () -> tally.confirmedCount() >= target, missing);
    }
}
