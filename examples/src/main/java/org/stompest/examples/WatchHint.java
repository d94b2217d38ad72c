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
package org.stompest.examples;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the user how to watch the connections once there is something to watch: it looks at the stompest MBeans
 * ({@code org.stompest:type=Connection,*}, by name only, as jmx-console does) every {@value #PERIOD_MILLIS} ms and
 * logs the {@code jmx-console watch} command when the first one is CONNECTED, then stops looking.
 */
final class WatchHint {
    private static final Logger LOG = LoggerFactory.getLogger(WatchHint.class);
    private static final long PERIOD_MILLIS = 200;
    private static final long GIVE_UP_MILLIS = 120_000;

    private WatchHint() {
    }

    /** Starts looking on a daemon thread; {@code what} follows the command in the log line. */
    static void logWhenConnected(String what) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "watch-hint");
            thread.setDaemon(true);
            return thread;
        });
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MILLIS);
        timer.scheduleWithFixedDelay(() -> {
            if (anyConnected()) {
                LOG.info("Connected; watch the connections: jmx-console/bin/jmx-console --pid {} watch{}",
                        ProcessHandle.current().pid(), what);
                timer.shutdown();
            } else if (System.nanoTime() > deadline) {
                LOG.warn("No stompest connection is CONNECTED after {} s; jmx-console --pid {} show <name> tells"
                        + " why", GIVE_UP_MILLIS / 1000, ProcessHandle.current().pid());
                timer.shutdown();
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static boolean anyConnected() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            for (ObjectName name : server.queryNames(new ObjectName("org.stompest:type=Connection,*"), null)) {
                if ("CONNECTED".equals(server.getAttribute(name, "State"))) {
                    return true;
                }
            }
        } catch (JMException | RuntimeException e) {
            LOG.debug("Could not read the stompest MBeans: {}", e.toString());
        }
        return false;
    }
}
