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
package org.stompest.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.Test;
import org.stompest.error.StompConnectionError;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/** The receipts in flight, with a hand-run timer and futures completed on the calling thread: no sleeps. */
class ReceiptTrackerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A timer whose tasks run only when a test says so, on a clock the test sets. */
    private static final class ManualTimer implements ReceiptTracker.Timer {
        final List<FutureTask<?>> tasks = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();
        long now = 1_000L;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Future<?> schedule(Runnable task, long delayNanos) {
            FutureTask<?> future = new FutureTask<>(task, null);
            tasks.add(future);
            delays.add(delayNanos);
            return future;
        }

        void fire(int index) {
            tasks.get(index).run();
        }
    }

    private final ManualTimer timer = new ManualTimer();
    private final ConnectionStats stats = new ConnectionStats();
    private final ReceiptTracker receipts = new ReceiptTracker("conn-1", stats, timer, Runnable::run);

    private static StompFrame frame(String command, String header, String value) {
        return new StompFrame(command, Map.of(header, value), new byte[0], StompSpec.VERSION_1_2);
    }

    private static Throwable failure(CompletableFuture<StompFrame> future) {
        assertThat(future).isCompletedExceptionally();
        return future.handle((value, error) -> error).join();
    }

    @Test
    void namesReceiptsAfterTheConnection() {
        assertThat(receipts.next()).isEqualTo("conn-1-r1");
        assertThat(receipts.next()).isEqualTo("conn-1-r2");
    }

    @Test
    void aReceiptCompletesItsFutureAndTheSweepFindsNothingLeft() {
        CompletableFuture<StompFrame> future = new CompletableFuture<>();
        receipts.register("conn-1-r1", future, TIMEOUT);
        assertThat(timer.delays).containsExactly(5_000_000_000L);
        assertThat(stats.pendingReceipts()).isEqualTo(1);

        StompFrame receipt = frame(StompSpec.RECEIPT, StompSpec.RECEIPT_ID_HEADER, "conn-1-r1");
        receipts.received("conn-1-r1", receipt);

        assertThat(future).isCompletedWithValue(receipt);
        assertThat(receipts.size()).isZero();
        assertThat(stats.pendingReceipts()).isZero();
        timer.now += TIMEOUT.toNanos();
        assertThat(receipts.sweep(timer.now)).isEqualTo(Long.MAX_VALUE);
        assertThat(future).isCompletedWithValue(receipt);
        assertThat(timer.tasks).hasSize(1);
    }

    @Test
    void theTimeoutFailsTheFutureAndALateReceiptIsIgnored() {
        CompletableFuture<StompFrame> future = new CompletableFuture<>();
        receipts.register("conn-1-r1", future, TIMEOUT);

        timer.now += TIMEOUT.toNanos() - 1;
        timer.fire(0);
        assertThat(future).isNotDone();
        timer.now += 1;
        timer.fire(timer.tasks.size() - 1);

        assertThat(failure(future)).isInstanceOf(StompConnectionError.class)
                .hasMessage("Receipt did not arrive on time: conn-1-r1 [timeout=PT5S]");
        assertThat(stats.pendingReceipts()).isZero();
        receipts.received("conn-1-r1", frame(StompSpec.RECEIPT, StompSpec.RECEIPT_ID_HEADER, "conn-1-r1"));
        assertThat(receipts.size()).isZero();
    }

    @Test
    void anErrorWithTheReceiptIdFailsOnlyThatReceipt() {
        CompletableFuture<StompFrame> refused = new CompletableFuture<>();
        CompletableFuture<StompFrame> other = new CompletableFuture<>();
        receipts.register("conn-1-r1", refused, TIMEOUT);
        receipts.register("conn-1-r2", other, TIMEOUT);
        StompFrame error = new StompFrame(StompSpec.ERROR, Map.of(StompSpec.RECEIPT_ID_HEADER, "conn-1-r1",
                StompSpec.MESSAGE_HEADER, "no such queue"), new byte[0], StompSpec.VERSION_1_2);

        receipts.refused("conn-1-r1", error);
        receipts.refused(null, error);

        assertThat(failure(refused)).isInstanceOf(StompBrokerError.class)
                .hasMessage("Received ERROR [message=no such queue]");
        assertThat(((StompBrokerError) failure(refused)).frame()).isSameAs(error);
        assertThat(other).isNotDone();
        assertThat(stats.pendingReceipts()).isEqualTo(1);
    }

    @Test
    void aLostConnectionFailsEveryReceiptWithItsCause() {
        CompletableFuture<StompFrame> first = new CompletableFuture<>();
        CompletableFuture<StompFrame> second = new CompletableFuture<>();
        receipts.register("conn-1-r1", first, TIMEOUT);
        receipts.register("conn-1-r2", second, Duration.ofMillis(250));
        StompConnectionError cause = new StompConnectionError("EOF");

        receipts.failAll("Receipt did not arrive (connection lost) [EOF]", cause);

        assertThat(failure(first)).isInstanceOf(StompConnectionError.class)
                .hasMessage("Receipt did not arrive (connection lost) [EOF]: conn-1-r1").hasCause(cause);
        assertThat(failure(second)).hasMessage("Receipt did not arrive (connection lost) [EOF]: conn-1-r2");
        assertThat(timer.delays).containsExactly(5_000_000_000L, 250_000_000L);
        assertThat(stats.pendingReceipts()).isZero();
    }

    @Test
    void aFrameNeverSentStopsWaitingAndFailsWithItsError() {
        CompletableFuture<StompFrame> future = new CompletableFuture<>();
        receipts.register("conn-1-r1", future, TIMEOUT);
        StompConnectionError notConnected = new StompConnectionError("Not connected [command=send, state=NEW]");

        receipts.fail("conn-1-r1", future, notConnected);

        assertThat(failure(future)).isSameAs(notConnected);
        assertThat(receipts.size()).isZero();
    }

    @Test
    void failingAReceiptNeverRegisteredStillFailsTheFuture() {
        CompletableFuture<StompFrame> future = new CompletableFuture<>();
        StompConnectionError notConnected = new StompConnectionError("Not connected [command=send, state=NEW]");

        receipts.fail("conn-1-r1", future, notConnected);

        assertThat(failure(future)).isSameAs(notConnected);
        assertThat(timer.tasks).isEmpty();
    }

    @Test
    void receiptsSharingATimeoutShareOneSweepThatFailsOnlyWhatIsOverdue() {
        CompletableFuture<StompFrame> first = new CompletableFuture<>();
        CompletableFuture<StompFrame> second = new CompletableFuture<>();
        CompletableFuture<StompFrame> third = new CompletableFuture<>();
        long start = timer.now;
        receipts.register("conn-1-r1", first, TIMEOUT);
        timer.now = start + 10;
        receipts.register("conn-1-r2", second, TIMEOUT);
        timer.now = start + 20;
        receipts.register("conn-1-r3", third, TIMEOUT);
        assertThat(timer.tasks).hasSize(1);

        receipts.received("conn-1-r2", frame(StompSpec.RECEIPT, StompSpec.RECEIPT_ID_HEADER, "conn-1-r2"));
        timer.now = start + TIMEOUT.toNanos();
        timer.fire(0);

        assertThat(failure(first)).hasMessage("Receipt did not arrive on time: conn-1-r1 [timeout=PT5S]");
        assertThat(second).isCompletedWithValue(frame(StompSpec.RECEIPT, StompSpec.RECEIPT_ID_HEADER, "conn-1-r2"));
        assertThat(third).isNotDone();
        assertThat(timer.tasks).hasSize(2);
        assertThat(timer.delays.get(1)).isEqualTo(20L);
        assertThat(receipts.sweep(start + 20 + TIMEOUT.toNanos())).isEqualTo(Long.MAX_VALUE);
        assertThat(failure(third)).hasMessage("Receipt did not arrive on time: conn-1-r3 [timeout=PT5S]");
        assertThat(stats.pendingReceipts()).isZero();
    }

    @Test
    void aSendThatCannotBeBuiltFailsAndCountsAsAFailedSend() {
        StompConnectionError notConnected = new StompConnectionError("Not connected [command=send, state=NEW]");

        CompletableFuture<StompFrame> future = receipts.sendMessage(TIMEOUT, receipt -> {
            throw notConnected;
        });

        assertThat(failure(future)).isSameAs(notConnected);
        assertThat(stats.sendsFailed()).isEqualTo(1);
        assertThat(receipts.size()).isZero();
        assertThat(timer.tasks).isEmpty();
    }

    @Test
    void futuresCompleteOnTheCallbackExecutor() {
        List<Runnable> queued = new ArrayList<>();
        ReceiptTracker deferred = new ReceiptTracker("conn-2", stats, timer, queued::add);
        CompletableFuture<StompFrame> future = new CompletableFuture<>();
        deferred.register("conn-2-r1", future, TIMEOUT);

        deferred.received("conn-2-r1", frame(StompSpec.RECEIPT, StompSpec.RECEIPT_ID_HEADER, "conn-2-r1"));

        assertThat(future).isNotDone();
        queued.forEach(Runnable::run);
        assertThat(future).isDone();
    }
}
