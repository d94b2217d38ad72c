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

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of the client: every thread a connection uses comes from here, none from a static pool.
 * <ol>
 * <li>{@link #newThread(String, Runnable)}: the long-lived threads, named by what they serve: a reader per socket
 * ({@code stompest-reader-<connection id>}) and the connect and reconnect loops
 * ({@code stompest-connect-<connection id>}).</li>
 * <li>{@link #dispatcher()}: where subscriptions run their listeners, a pool ({@code <name>-dispatch-<n>}) shared
 * by every subscription of every connection of this runtime; each subscription keeps its own order (see
 * {@link Subscription}) and runs at most its {@code concurrency} listener calls at once. By default the pool has a
 * thread for each listener call running and none for an idle subscription, so 10,000 quiet subscriptions cost no
 * threads and a listener that blocks (a Camel route waiting for a reply that another subscription delivers) never
 * starves the others; {@link Builder#dispatchThreads(int)} caps it. Its threads end when idle.</li>
 * <li>{@link #schedule(Runnable, long)}: heart-beat ticks and receipt timeouts, short tasks that never block for
 * long (a heart-beat is one byte).</li>
 * <li>{@link #callbacks()}: where futures handed to callers complete and JMX notifications go out, so code chained
 * onto them never runs on a reader thread or the scheduler.</li>
 * </ol>
 * {@link #create()} makes daemon threads of its own; {@link #builder()} takes a caller's {@link ThreadFactory},
 * {@link ScheduledExecutorService} and {@link ExecutorService} (a Camel context's, say). {@link #close()} shuts
 * down only the executors this runtime created: close what you opened. A {@link ConnectionPool} makes one runtime
 * for all its connections; a {@link StompConnection} made without one makes its own and closes it on close.
 *
 * <p>Locks: none; the fields are final and the executors thread-safe. After {@link #close()} a task given to
 * {@link #callbacks()} runs on the caller's thread (a future failed by a close must still complete) and
 * {@link #schedule} does nothing.
 */
public final class ClientRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRuntime.class);
    private static final long SCHEDULER_KEEP_ALIVE_SECONDS = 10;
    private static final long DISPATCH_KEEP_ALIVE_SECONDS = 30;
    /** The dispatch pool's default: no cap, a thread for each listener call running. */
    private static final int UNBOUNDED_DISPATCH_THREADS = Integer.MAX_VALUE;

    private final ThreadFactory threadFactory;
    private final UnaryOperator<String> threadNames;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final ExecutorService callbackPool;
    private final boolean ownsCallbackPool;
    private final Executor callbacks = this::callback;
    private final ThreadPoolExecutor dispatcher;

    private ClientRuntime(Builder builder) {
        this.threadFactory = builder.threadFactory != null ? builder.threadFactory : ClientRuntime::daemon;
        this.threadNames = builder.threadNames;
        this.ownsScheduler = builder.scheduler == null;
        this.scheduler = ownsScheduler ? scheduler(named(builder.name + "-scheduler-")) : builder.scheduler;
        this.ownsCallbackPool = builder.callbacks == null;
        this.callbackPool = ownsCallbackPool ? Executors.newCachedThreadPool(named(builder.name + "-callback-"))
                : builder.callbacks;
        if (builder.dispatchThreads == UNBOUNDED_DISPATCH_THREADS) {
            // a hand-off, not a queue: a drain task waiting behind blocked listeners could wait for ever
            this.dispatcher = new ThreadPoolExecutor(0, UNBOUNDED_DISPATCH_THREADS, DISPATCH_KEEP_ALIVE_SECONDS,
                    TimeUnit.SECONDS, new SynchronousQueue<>(), named(builder.name + "-dispatch-"));
        } else {
            this.dispatcher = new ThreadPoolExecutor(builder.dispatchThreads, builder.dispatchThreads,
                    DISPATCH_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    named(builder.name + "-dispatch-"));
            this.dispatcher.allowCoreThreadTimeOut(true);
        }
    }

    /** A runtime with daemon threads of its own: {@code stompest-scheduler-<n>}, {@code stompest-callback-<n>}. */
    public static ClientRuntime create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A new thread (not started) running {@code task}, made by the thread factory and named {@code name} (as the
     * builder's {@code threadNames} turns it); the factory decides the rest (daemon, group, priority; the runtime's own factory makes daemon threads).
     */
    public Thread newThread(String name, Runnable task) {
        Thread thread = threadFactory.newThread(task);
        thread.setName(threadNames.apply(name));
        return thread;
    }

    /** Runs {@code task} after {@code delayNanos}; an exception it throws is logged, never lost. */
    public Future<?> schedule(Runnable task, long delayNanos) {
        try {
            return scheduler.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("Scheduled task failed", e);
                }
            }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Task not scheduled: the scheduler is shut down");
            return CANCELLED;
        }
    }

    /** Runs the subscriptions' drain tasks: a thread per running listener call, or at most {@code dispatchThreads}. */
    Executor dispatcher() {
        return dispatcher;
    }

    /** Where futures complete and notifications are sent; never the reader thread or the scheduler. */
    public Executor callbacks() {
        return callbacks;
    }

    /**
     * A new executor that runs its tasks one at a time, in the order given, on {@link #callbacks()}: what must keep
     * its order (one connection's receipts, one MBean's notifications), and a burst of tasks wakes one thread once.
     */
    public Executor serialCallbacks() {
        return new SerialExecutor(callbacks);
    }

    private void callback(Runnable task) {
        try {
            callbackPool.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // shut down: the task (completing a future) must still happen
        }
    }

    /** Shuts down the dispatch pool, and the scheduler and the callback pool if this runtime made them; idempotent. */
    @Override
    public void close() {
        dispatcher.shutdown(); // the connections are closed: their subscriptions deliver nothing more
        if (ownsScheduler) {
            scheduler.shutdown(); // delayed tasks are dropped: the connections are closed
        }
        if (ownsCallbackPool) {
            callbackPool.shutdown();
        }
    }

    private ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> newThread(prefix + count.incrementAndGet(), task);
    }

    private static ScheduledExecutorService scheduler(ThreadFactory factory) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, factory);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        // an idle connection keeps no timer thread; the last one stays while a task is queued
        executor.setKeepAliveTime(SCHEDULER_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
    }

    private static final Future<?> CANCELLED = cancelled();

    private static Future<?> cancelled() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        future.cancel(false);
        return future;
    }

    /** The parts of a runtime; each one left out is made by the runtime (and shut down by its close). */
    public static final class Builder {
        private String name = "stompest";
        private ThreadFactory threadFactory;
        private ScheduledExecutorService scheduler;
        private ExecutorService callbacks;
        private UnaryOperator<String> threadNames = UnaryOperator.identity();
        private int dispatchThreads = UNBOUNDED_DISPATCH_THREADS;

        private Builder() {
        }

        /** The start of the names of the threads of the runtime's own pools ({@code <name>-scheduler-<n>}). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Makes every thread of the runtime; the runtime names each one. Default: daemon threads. */
        public Builder threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
            return this;
        }

        /**
         * Turns the name the runtime gives a thread ({@code stompest-reader-<id>}, say) into the name it gets, for a
         * container's naming pattern. Default: the name as it is.
         */
        public Builder threadNames(UnaryOperator<String> threadNames) {
            this.threadNames = Objects.requireNonNull(threadNames, "threadNames");
            return this;
        }

        /** Runs heart-beat ticks and receipt timeouts; the caller shuts it down. */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Completes futures and sends notifications; the caller shuts it down. */
        public Builder callbacks(ExecutorService callbacks) {
            this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
            return this;
        }

        /**
         * Caps the threads that run the listeners of all subscriptions (default: no cap); a subscription's
         * {@code concurrency} is bounded by it. With a cap, listeners that block until another subscription of the
         * runtime delivers (a request waiting for its reply) can stall once they hold every thread.
         */
        public Builder dispatchThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("dispatchThreads must be at least 1: " + threads);
            }
            this.dispatchThreads = threads;
            return this;
        }

        public ClientRuntime build() {
            return new ClientRuntime(this);
        }
    }
}
