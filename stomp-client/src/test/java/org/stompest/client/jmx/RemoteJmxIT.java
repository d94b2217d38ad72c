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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.client.testing.FreePorts;

/**
 * What an operator sees in JConsole: an RMI connector server on loopback, a remote client reading attributes,
 * receiving notifications and invoking operations by object name.
 */
class RemoteJmxIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSCODE = "remote-secret-77";

    /** Binds the registry and the exported connection objects to loopback only. */
    private static final RMIServerSocketFactory LOOPBACK =
            port -> new ServerSocket(port, 50, InetAddress.getLoopbackAddress());

    private EmbeddedArtemis first;
    private EmbeddedArtemis second;
    private Registry registry;
    private JMXConnectorServer connectorServer;
    private JMXConnector client;
    private StompConnection connection;

    @BeforeEach
    void start() throws IOException {
        // the stubs the server hands out must name loopback, not the machine's address
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        first = EmbeddedArtemis.builder().users(Map.of("remote", PASSCODE)).build().start();
        second = EmbeddedArtemis.builder().users(Map.of("remote", PASSCODE)).build().start();

        int port = FreePorts.find();
        registry = LocateRegistry.createRegistry(port, (RMIClientSocketFactory) null, LOOPBACK);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        Map<String, Object> environment = new HashMap<>();
        environment.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, LOOPBACK);
        connectorServer = JMXConnectorServerFactory.newJMXConnectorServer(url, environment,
                ManagementFactory.getPlatformMBeanServer());
        connectorServer.start();
        client = JMXConnectorFactory.connect(url); // as JConsole does
    }

    @AfterEach
    void stop() throws IOException {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.close();
        }
        if (connectorServer != null) {
            connectorServer.stop();
        }
        if (registry != null) {
            UnicastRemoteObject.unexportObject(registry, true);
        }
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void remoteClientReadsAttributesSeesFailoverAndInvokesReconnect() throws Exception {
        String failover = "failover:(" + first.stompUri() + "," + second.stompUri()
                + ")?randomize=false,initialReconnectDelay=10,maxReconnectDelay=200";
        connection = new StompConnection(StompConfig.builder().failover(failover).login("remote").passcode(PASSCODE)
                .name("remote-jmx").build());
        connection.connect();
        ObjectName name = ConnectionMBeans.objectName(connection);

        MBeanServerConnection remote = client.getMBeanServerConnection();
        Set<ObjectName> found = remote.queryNames(new ObjectName("org.stompest:type=Connection,*"), null);
        assertThat(found).contains(name);
        assertThat(remote.getAttribute(name, "State")).isEqualTo("CONNECTED");
        assertThat(remote.getAttribute(name, "CurrentBroker")).isEqualTo(first.stompUri());
        assertThat(remote.getAttribute(name, "Login")).isEqualTo("remote");
        assertThat((String) remote.getAttribute(name, "Failover")).isEqualTo(failover).doesNotContain(PASSCODE);

        StompConnectionMXBean proxy = JMX.newMXBeanProxy(remote, name, StompConnectionMXBean.class, true);
        assertThat(proxy.getSessionId()).isEqualTo(connection.sessionId());
        assertThat(proxy.getAttemptsPerBroker()).containsKey(first.stompUri());

        BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
        NotificationListener listener = (notification, handback) -> notifications.add(notification);
        remote.addNotificationListener(name, listener, null, null);

        first.stop(); // the active broker goes away: the connection fails over to the second

        await().atMost(WAIT).until(() -> types(notifications).contains(ConnectionMBeans.FAILED_OVER));
        assertThat(types(notifications)).containsSubsequence(ConnectionMBeans.LOST, ConnectionMBeans.RECONNECTING,
                ConnectionMBeans.CONNECTED, ConnectionMBeans.FAILED_OVER);
        Notification failedOver = notifications.stream()
                .filter(n -> n.getType().equals(ConnectionMBeans.FAILED_OVER)).findFirst().orElseThrow();
        assertThat(failedOver.getSource()).isEqualTo(name);
        assertThat(failedOver.getMessage()).contains(first.stompUri()).contains(second.stompUri());
        assertThat(proxy.getCurrentBroker()).isEqualTo(second.stompUri());
        assertThat(proxy.getReconnects()).isEqualTo(1);
        assertThat(proxy.getLastError()).isNotNull();

        notifications.clear();
        remote.invoke(name, "reconnect", null, null); // the operator's button

        await().atMost(WAIT).until(() -> (long) remote.getAttribute(name, "Reconnects") == 2L
                && "CONNECTED".equals(remote.getAttribute(name, "State")));
        await().atMost(WAIT).until(() -> types(notifications).contains(ConnectionMBeans.CONNECTED));
        assertThat(proxy.getCurrentBroker()).as("the first broker is still down").isEqualTo(second.stompUri());
        assertThat(types(notifications)).doesNotContain(ConnectionMBeans.FAILED_OVER);
        remote.removeNotificationListener(name, listener);
    }

    private static List<String> types(BlockingQueue<Notification> notifications) {
        return notifications.stream().map(Notification::getType).toList();
    }
}
