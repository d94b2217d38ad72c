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
package org.stompest.jmx;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * Finds the local JVMs that have stompest connections: attaches to each JVM the Attach API lists (the same user's
 * HotSpot JVMs), starts its local management agent if it has none (as jconsole does) and queries the stompest
 * object names. JVMs that cannot be attached to, or do not answer in time, are skipped.
 */
public final class LocalJvms {
    /** A local JVM with stompest connections. */
    public record Jvm(long pid, String displayName, List<String> connections) {
    }

    private LocalJvms() {
    }

    /**
     * The JVMs (other than this one) whose pid passes the filter and that have stompest connections, by pid.
     *
     * @param pids          which pids to look at
     * @param timeoutMillis limit for the whole search; JVMs that have not answered by then are skipped
     */
    public static List<Jvm> discover(LongPredicate pids, long timeoutMillis) {
        long self = ProcessHandle.current().pid();
        List<VirtualMachineDescriptor> candidates = new ArrayList<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            long pid = pid(d);
            if (pid > 0 && pid != self && pids.test(pid)) {
                candidates.add(d);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(8, candidates.size())), r -> {
            Thread t = new Thread(r, "jmx-console-discover");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Jvm>> futures = new ArrayList<>();
            for (VirtualMachineDescriptor d : candidates) {
                futures.add(pool.submit(() -> inspect(d, timeoutMillis)));
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            List<Jvm> found = new ArrayList<>();
            for (Future<Jvm> f : futures) {
                try {
                    Jvm jvm = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (jvm != null && !jvm.connections().isEmpty()) {
                        found.add(jvm);
                    }
                } catch (ExecutionException | TimeoutException e) {
                    f.cancel(true);
                }
            }
            found.sort((a, b) -> Long.compare(a.pid(), b.pid()));
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Jvm inspect(VirtualMachineDescriptor d, long timeoutMillis) throws Exception {
        Target target = new Target.Pid(pid(d));
        try (JmxSession session = JmxSession.open(target, timeoutMillis)) {
            List<String> names = session.mbeans().names().stream()
                    .map(StompestMBeans::displayName).collect(Collectors.toList());
            return new Jvm(pid(d), d.displayName(), names);
        } catch (ConsoleException e) {
            return null;
        }
    }

    private static long pid(VirtualMachineDescriptor d) {
        try {
            return Long.parseLong(d.id());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
