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

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in the order given, on an executor that may run many at once (the callback executor
 * of a {@link ClientRuntime}): the receipts of one connection and the notifications of one MBean keep their order,
 * and a burst of tasks costs one hand-off to the executor, made only when the queue was empty (a hand-off wakes a
 * thread). One task of the underlying executor drains the queue while there is something in it.
 *
 * <p>Locks: none; {@code signals} counts the tasks handed in and not yet accounted for by the drain, so exactly one
 * drain runs while it is above zero.
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor executor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger signals = new AtomicInteger();

    SerialExecutor(Executor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (signals.getAndIncrement() == 0) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        int accounted = 1;
        do {
            Runnable next;
            while ((next = tasks.poll()) != null) {
                try {
                    next.run();
                } catch (RuntimeException e) {
                    LOG.warn("Callback task failed", e);
                }
            }
            accounted = signals.addAndGet(-accounted);
        } while (accounted != 0);
    }
}
