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
package org.stompest.client.jmx;

import java.io.IOException;
import java.net.ServerSocket;

import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;

/**
 * The JVM {@link JolokiaIT} reads over HTTP: one connection named {@code jolokia} to a port nothing listens on, so
 * its MBean (registered at creation) shows a connection that keeps trying. Prints {@code READY <id>}, then waits for
 * stdin to close.
 */
public final class JolokiaChildMain {
    static final String PASSCODE = "Pa55-jolokia-never-shown";

    private JolokiaChildMain() {
    }

    public static void main(String[] args) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (StompConnection connection = new StompConnection(StompConfig.builder().name("jolokia")
                .failover("failover:(tcp://127.0.0.1:" + closedPort + ")?initialReconnectDelay=50,"
                        + "maxReconnectDelay=200,startupMaxReconnectAttempts=-1")
                .login("monitor").passcode(PASSCODE).build())) {
            connection.connectAsync();
            System.out.println("READY " + connection.id());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes stdin
            }
        }
    }
}
