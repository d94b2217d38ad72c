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
package org.stompest.camel;

import java.util.concurrent.TimeUnit;

/**
 * The consumer's gate for its messages: counts the exchanges in flight, holds messages back while the consumer is
 * suspended (they stay unacknowledged in the subscription's queue, and the broker's flow control holds the rest), and
 * on stop lets nothing new in and waits, bounded, for the exchanges in flight. Lock: {@code this}.
 */
final class StompestInflight {
    private int inflight;
    private boolean suspended;
    private boolean closed = true;

    /** Opens the gate (consumer started). */
    synchronized void open() {
        closed = false;
        suspended = false;
    }

    /** Waits while suspended; then whether the message may run (false once closed: leave it unacknowledged). */
    synchronized boolean enter() throws InterruptedException {
        while (suspended && !closed) {
            wait();
        }
        if (closed) {
            return false;
        }
        inflight++;
        return true;
    }

    synchronized void exit() {
        inflight--;
        notifyAll();
    }

    synchronized void suspend() {
        suspended = true;
    }

    synchronized void resume() {
        suspended = false;
        notifyAll();
    }

    synchronized int size() {
        return inflight;
    }

    /** Lets nothing new in, then waits up to {@code timeoutMillis} for the exchanges in flight; how many remain. */
    synchronized int close(long timeoutMillis) throws InterruptedException {
        closed = true;
        notifyAll();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (inflight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return inflight;
    }
}
