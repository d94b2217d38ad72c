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

import java.io.IOException;

/**
 * A JVM with stompest connections, for tests that attach to another process: registers a {@link FakeConnection}
 * per argument (none: no stompest beans at all when the first argument is "--none") in the platform MBean server,
 * prints {@code READY <pid>}, reports each operation as a line ({@code reconnect test-1}) and exits when its stdin
 * closes, so it never outlives the test.
 */
public final class FakeJvmMain {
    private FakeJvmMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("--none")) {
            for (String name : args.length == 0 ? new String[] {"test-1"} : args) {
                FakeConnection connection = new FakeConnection(name);
                connection.registerInPlatformServer();
                Thread reporter = new Thread(() -> report(name, connection), "report-" + name);
                reporter.setDaemon(true);
                reporter.start();
            }
        }
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        } catch (IOException e) {
            // parent gone
        }
        System.exit(0);
    }

    private static void report(String name, FakeConnection connection) {
        int reconnects = 0;
        int disconnects = 0;
        while (true) {
            while (connection.reconnectCalls.get() > reconnects) {
                reconnects++;
                System.out.println("reconnect " + name);
            }
            while (connection.disconnectCalls.get() > disconnects) {
                disconnects++;
                System.out.println("disconnect " + name);
            }
            System.out.flush();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
