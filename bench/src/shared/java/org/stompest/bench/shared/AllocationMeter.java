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
package org.stompest.bench.shared;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes the process's Java threads allocate on the heap between {@link #start()} and {@link #stop()}, from
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes} (a per-thread counter the JVM keeps anyway, so
 * measuring costs almost nothing). A thread's counter is gone once it ends, so a sampler reads every thread every
 * 20 ms and keeps its last value: a thread that lives and dies between two samples is missed. The sampler's own
 * allocation is left out.
 *
 * <p>Shared source ({@code bench/src/shared/java}) of the bench module and the Vert.x driver (bench/vertx), which
 * has its own class path.
 */
public final class AllocationMeter {
    private static final long PERIOD_MILLIS = 20;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> baseline = new HashMap<>();
    private final Map<Long, Long> latest = new HashMap<>();
    private Thread sampler;
    private volatile boolean running;

    /** Starts counting; returns this. */
    public synchronized AllocationMeter start() {
        baseline.clear();
        latest.clear();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                baseline.put(ids[i], bytes[i]);
                latest.put(ids[i], bytes[i]);
            }
        }
        running = true;
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-allocation-meter");
        sampler.setDaemon(true);
        sampler.start();
        return this;
    }

    private synchronized void sample() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        long self = sampler == null ? -1 : sampler.getId();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0 && ids[i] != self) {
                latest.put(ids[i], bytes[i]);
            }
        }
    }

    /** Stops counting and returns the bytes allocated since {@link #start()}, or -1 where the JVM cannot tell. */
    public long stop() {
        running = false;
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        sample();
        synchronized (this) {
            long total = 0;
            for (Map.Entry<Long, Long> e : latest.entrySet()) {
                total += e.getValue() - baseline.getOrDefault(e.getKey(), 0L);
            }
            return total;
        }
    }
}
