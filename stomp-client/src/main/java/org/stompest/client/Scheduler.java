package org.stompest.client;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one timer of every connection in the JVM: heart-beat ticks and receipt timeouts. Two daemon threads, so
 * it never keeps the JVM alive; tasks must be short and never block on I/O for long (a heart-beat is one byte).
 * Cancelled tasks are removed at once.
 */
final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private Scheduler() {
    }

    private static ScheduledThreadPoolExecutor create() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "stompest-scheduler-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, factory);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    /** Runs {@code task} after {@code delayNanos}; an exception it throws is logged, never lost. */
    static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return EXECUTOR.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("Scheduled task failed", e);
            }
        }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }
}
