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
import java.net.ServerSocket;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A private MBean server behind a real RMI JMX connector on a free loopback port, as
 * {@code -Dcom.sun.management.jmxremote.port} would give: reachable at {@link #url()}, which is also what
 * {@code --host 127.0.0.1 --port }{@link #port()} builds.
 */
public final class RmiJmxServer implements AutoCloseable {
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final int port;
    private final Registry registry;
    private final JMXConnectorServer connectorServer;

    private RmiJmxServer(int port) throws IOException {
        this.port = port;
        this.registry = LocateRegistry.createRegistry(port);
        JMXServiceURL address = new JMXServiceURL(
                "service:jmx:rmi://127.0.0.1:" + port + "/jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        this.connectorServer = JMXConnectorServerFactory.newJMXConnectorServer(address, Map.of(), server);
        connectorServer.start();
    }

    public static RmiJmxServer start() throws IOException {
        // RMI stubs carry this host; keep everything on loopback
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        return new RmiJmxServer(freePort());
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public MBeanServer mbeanServer() {
        return server;
    }

    public int port() {
        return port;
    }

    /** The client-side service URL: {@code service:jmx:rmi:///jndi/rmi://127.0.0.1:<port>/jmxrmi}. */
    public String url() {
        return "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi";
    }

    @Override
    public void close() throws IOException {
        connectorServer.stop();
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException e) {
            // already gone
        }
    }
}
