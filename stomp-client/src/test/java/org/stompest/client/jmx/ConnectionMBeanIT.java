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

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.SubscriptionOptions;
import org.stompest.client.testing.BrokerExtension;
import org.stompest.client.testing.EmbeddedArtemis;

class ConnectionMBeanIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LOGIN = "jmx-user";
    private static final String PASSCODE = "Pa55-never-shown-42";

    @RegisterExtension
    static final BrokerExtension<EmbeddedArtemis> broker = BrokerExtension.of(
            () -> EmbeddedArtemis.builder().users(Map.of(LOGIN, PASSCODE)).build().start());

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<StompConnection> connections = new ArrayList<>();

    @AfterEach
    void closeConnections() {
        connections.forEach(StompConnection::close);
    }

    private StompConnection connect() {
        StompConfig config = StompConfig.builder()
                .failover("failover:(" + broker.get().stompUri() + ")?randomize=false,initialReconnectDelay=10,"
                        + "maxReconnectDelay=100")
                .login(LOGIN).passcode(PASSCODE).name("jmx-test").build();
        StompConnection connection = new StompConnection(config);
        connections.add(connection);
        connection.connect();
        return connection;
    }

    private Object attribute(ObjectName name, String attribute) throws Exception {
        return server.getAttribute(name, attribute);
    }

    @Test
    void aConnectedConnectionIsRegisteredAndItsAttributesMatchIt() throws Exception {
        StompConnection connection = connect();
        ObjectName name = ConnectionMBeans.objectName(connection);
        assertThat(name.getKeyProperty("type")).isEqualTo("Connection");
        assertThat(name.getDomain()).isEqualTo("org.stompest");
        assertThat(server.isRegistered(name)).as("StompConnection registers at creation").isTrue();
        assertThat(ConnectionMBeans.register(connection)).as("idempotent").isEqualTo(name);

        connection.subscribe("/queue/jmx-a", SubscriptionOptions.builder().build(), message -> { });
        connection.subscribe("/topic/jmx-b", SubscriptionOptions.builder().build(), message -> { });
        for (int i = 0; i < 3; i++) {
            connection.sendWithReceipt("/queue/jmx-c", "x".getBytes(UTF_8), Map.of()).get(10, TimeUnit.SECONDS);
        }

        assertThat(attribute(name, "Id")).isEqualTo(connection.id());
        assertThat(attribute(name, "State")).isEqualTo("CONNECTED");
        assertThat(attribute(name, "Version")).isEqualTo("1.2").isEqualTo(connection.version());
        assertThat(attribute(name, "SessionId")).isNotNull().isEqualTo(connection.sessionId());
        assertThat(attribute(name, "Server")).isEqualTo(connection.server());
        assertThat(attribute(name, "BrokerProfile")).isEqualTo(connection.brokerProfile().name()).isEqualTo("ARTEMIS");
        assertThat(attribute(name, "CurrentBroker")).isEqualTo(connection.currentBroker());
        assertThat(attribute(name, "ClientHeartBeatMillis")).isEqualTo(connection.clientHeartBeat());
        assertThat(attribute(name, "ServerHeartBeatMillis")).isEqualTo(connection.serverHeartBeat());
        assertThat(Instant.parse((String) attribute(name, "ConnectedSince"))).isBeforeOrEqualTo(Instant.now());
        assertThat(attribute(name, "Login")).isEqualTo(LOGIN);
        assertThat(attribute(name, "Failover")).isEqualTo(connection.config().failover());
        assertThat((long) attribute(name, "FramesSent")).isGreaterThanOrEqualTo(6); // CONNECT, 2 SUBSCRIBE, 3 SEND
        assertThat((long) attribute(name, "FramesReceived")).isGreaterThanOrEqualTo(4); // CONNECTED, 3 RECEIPT
        assertThat((long) attribute(name, "BytesSent")).isPositive();
        assertThat((long) attribute(name, "BytesReceived")).isPositive();
        assertThat(attribute(name, "Subscriptions")).isEqualTo(2);
        assertThat((String[]) attribute(name, "SubscriptionDestinations"))
                .containsExactlyInAnyOrder("/queue/jmx-a", "/topic/jmx-b");
        assertThat(attribute(name, "PendingReceipts")).isEqualTo(0);
        assertThat((long) attribute(name, "ConnectAttempts")).isGreaterThanOrEqualTo(1);
        assertThat(attribute(name, "FailoverAttempts")).as("never failed over").isEqualTo(0L);
        assertThat(attribute(name, "LastFailoverTime")).isNull();
        assertThat(attribute(name, "MessagesSent")).isEqualTo(3L);
        assertThat(attribute(name, "SendsConfirmed")).isEqualTo(3L);
        assertThat(attribute(name, "SentPerSecond")).isInstanceOf(Double.class);
        assertThat((String[]) attribute(name, "LeaseHolders")).isEmpty();
        assertThat(attribute(name, "ConsecutiveFailures")).isEqualTo(0L);
        assertThat(attribute(name, "Reconnects")).isEqualTo(0L);
        assertThat(Instant.parse((String) attribute(name, "LastSent"))).isBeforeOrEqualTo(Instant.now());
        assertThat(Instant.parse((String) attribute(name, "LastReceived"))).isBeforeOrEqualTo(Instant.now());
        assertThat(Instant.parse((String) attribute(name, "LastAttemptTime"))).isBeforeOrEqualTo(Instant.now());
        assertThat((long) attribute(name, "LastReceivedAgoMillis")).isBetween(0L, 60_000L);
        TabularData perBroker = (TabularData) attribute(name, "AttemptsPerBroker");
        assertThat(perBroker.toString()).contains(broker.get().stompUri());
    }

    @Test
    void aConnectionThatNeverConnectsIsRegisteredWithItsStateAndLastError() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StompConnection connection = new StompConnection(StompConfig.builder()
                .failover("failover:(tcp://127.0.0.1:" + closedPort + ")?initialReconnectDelay=10,"
                        + "maxReconnectDelay=50,startupMaxReconnectAttempts=3")
                .login(LOGIN).passcode(PASSCODE).name("jmx-never").build());
        connections.add(connection);
        ObjectName name = ConnectionMBeans.objectName(connection);
        assertThat(server.isRegistered(name)).as("registered before any connect").isTrue();
        assertThat(attribute(name, "State")).isEqualTo("NEW");

        connection.connectAsync();

        await().atMost(WAIT).until(() -> "FAILED".equals(attribute(name, "State")));
        assertThat((String) attribute(name, "LastError")).contains("127.0.0.1:" + closedPort);
        assertThat(Instant.parse((String) attribute(name, "LastErrorTime"))).isBeforeOrEqualTo(Instant.now());
        assertThat(attribute(name, "ConnectAttempts")).isEqualTo(4L);
        assertThat(attribute(name, "FailoverAttempts")).isEqualTo(0L);
        assertThat(attribute(name, "ClientHeartBeatMillis")).isEqualTo(0);
        connection.close();
        assertThat(server.isRegistered(name)).as("unregistered on close").isFalse();
    }

    @Test
    void disconnectOfAPooledConnectionIsRefusedNamingTheLeases() throws Exception {
        StompConfig config = StompConfig.builder().failover(broker.get().stompUri()).login(LOGIN).passcode(PASSCODE)
                .name("jmx-pooled").build();
        try (org.stompest.client.ConnectionPool pool = new org.stompest.client.ConnectionPool()) {
            org.stompest.client.PooledConnection consumer = pool.lease(config, "stompest:queue:orders");
            org.stompest.client.PooledConnection producer = pool.lease(config);
            StompConnection connection = consumer.connection();
            ObjectName name = ConnectionMBeans.objectName(connection);
            await().atMost(WAIT).until(connection::isConnected);
            assertThat((String[]) attribute(name, "LeaseHolders"))
                    .containsExactly("stompest:queue:orders", "ConnectionMBeanIT");

            assertThatThrownBy(() -> server.invoke(name, "disconnect", null, null))
                    .isInstanceOf(javax.management.RuntimeMBeanException.class)
                    .cause().isInstanceOf(IllegalStateException.class)
                    .hasMessage("Not disconnecting " + connection.id() + ": a connection pool leases it out and its"
                            + " holders would keep a closed connection [leases=2: stompest:queue:orders,"
                            + " ConnectionMBeanIT]; use reconnect() to drop the socket and fail over, or stop what"
                            + " holds the leases");
            assertThat(connection.state()).isEqualTo(StompConnection.State.CONNECTED);

            server.invoke(name, "reconnect", null, null); // what the message points at: the leases keep working
            await().atMost(WAIT).until(() -> (long) attribute(name, "Reconnects") == 1L && connection.isConnected());
            connection.sendWithReceipt("/queue/jmx-pooled", "x".getBytes(UTF_8), Map.of()).get(10, TimeUnit.SECONDS);

            producer.close();
            assertThat((String[]) attribute(name, "LeaseHolders")).containsExactly("stompest:queue:orders");
            consumer.close();
            await().atMost(WAIT).until(() -> !server.isRegistered(name));
        }
    }

    @Test
    void everyAttributeAndOperationExplainsItself() throws Exception {
        StompConnection connection = connect();
        javax.management.MBeanInfo info = server.getMBeanInfo(ConnectionMBeans.objectName(connection));
        assertThat(info.getDescription()).startsWith("A STOMP connection of stompest");
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            assertThat(attribute.getDescription()).as(attribute.getName()).isNotBlank()
                    .isNotEqualTo(attribute.getName()).doesNotContain("Attribute exposed for management");
        }
        for (javax.management.MBeanOperationInfo operation : info.getOperations()) {
            assertThat(operation.getDescription()).as(operation.getName()).isNotBlank()
                    .isNotEqualTo(operation.getName()).doesNotContain("Operation exposed for management");
        }
        assertThat(info.getOperations()).extracting(javax.management.MBeanOperationInfo::getName)
                .containsExactlyInAnyOrder("reconnect", "disconnect");
        assertThat(info.getNotifications()).hasSize(1);
    }

    /** Artemis ends every frame with an EOL; only an EOL that is not directly after a frame's NUL is a heart-beat. */
    @Test
    void heartBeatsReceivedDoNotCountTheEolArtemisSendsAfterEveryFrame() throws Exception {
        StompConfig config = StompConfig.builder().failover(broker.get().stompUri()).login(LOGIN).passcode(PASSCODE)
                .heartBeats(0, 0).name("jmx-eol").build();
        StompConnection connection = new StompConnection(config);
        connections.add(connection);
        connection.connect();
        for (int i = 0; i < 20; i++) {
            connection.sendWithReceipt("/queue/jmx-eol", "x".getBytes(UTF_8), Map.of()).get(10, TimeUnit.SECONDS);
        }
        ObjectName name = ConnectionMBeans.objectName(connection);
        assertThat((long) attribute(name, "FramesReceived")).isGreaterThanOrEqualTo(21); // CONNECTED, 20 RECEIPTs
        assertThat(attribute(name, "ServerHeartBeatMillis")).isEqualTo(0);
        assertThat(attribute(name, "HeartBeatsReceived")).as("heart-beats are off").isEqualTo(0L);
    }

    @Test
    void thePasscodeIsInNoAttribute() throws Exception {
        StompConnection connection = connect();
        ObjectName name = ConnectionMBeans.objectName(connection);
        MBeanAttributeInfo[] attributes = server.getMBeanInfo(name).getAttributes();
        assertThat(attributes).hasSizeGreaterThanOrEqualTo(31);
        for (MBeanAttributeInfo info : attributes) {
            Object value = attribute(name, info.getName());
            String text = value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value);
            assertThat(text).as(info.getName()).doesNotContain(PASSCODE);
        }
        assertThat(server.getMBeanInfo(name).toString()).doesNotContain(PASSCODE);
    }

    @Test
    void reconnectOperationReconnectsAndNotifies() throws Exception {
        StompConnection connection = connect();
        ObjectName name = ConnectionMBeans.objectName(connection);
        String session = connection.sessionId();
        BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
        NotificationListener listener = (notification, handback) -> notifications.add(notification);
        server.addNotificationListener(name, listener, null, null);

        server.invoke(name, "reconnect", null, null);

        await().atMost(WAIT).until(() -> (long) attribute(name, "Reconnects") == 1L
                && "CONNECTED".equals(attribute(name, "State")));
        assertThat(attribute(name, "SessionId")).isNotEqualTo(session);
        await().atMost(WAIT).until(() -> types(notifications).contains(ConnectionMBeans.CONNECTED));
        List<String> types = types(notifications);
        assertThat(types).containsSubsequence(ConnectionMBeans.RECONNECTING, ConnectionMBeans.CONNECTED);
        assertThat(types).doesNotContain(ConnectionMBeans.FAILED_OVER); // same broker
        Notification connected = notifications.stream()
                .filter(n -> n.getType().equals(ConnectionMBeans.CONNECTED)).findFirst().orElseThrow();
        assertThat(connected.getSource()).isEqualTo(name);
        assertThat(connected.getMessage()).contains(connection.id());
        assertThat(connected.getUserData()).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) connected.getUserData()).get("to")).isEqualTo("CONNECTED");
        server.removeNotificationListener(name, listener);
    }

    @Test
    void unregisteredOnCloseWithAClosedNotification() throws Exception {
        StompConnection connection = connect();
        ObjectName name = ConnectionMBeans.objectName(connection);
        BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
        server.addNotificationListener(name, (n, handback) -> notifications.add(n), null, null);

        connection.close();

        await().atMost(WAIT).until(() -> !server.isRegistered(name));
        assertThat(ConnectionMBeans.isRegistered(connection)).isFalse();
        ConnectionMBeans.unregister(connection); // idempotent
        await().atMost(WAIT).until(() -> types(notifications).contains(ConnectionMBeans.CLOSED));
    }

    @Test
    void disconnectOperationDisconnectsGracefully() throws Exception {
        StompConnection connection = connect();
        ObjectName name = ConnectionMBeans.objectName(connection);

        server.invoke(name, "disconnect", null, null);

        assertThat(connection.state()).isEqualTo(StompConnection.State.CLOSED);
        await().atMost(WAIT).until(() -> !server.isRegistered(name));
    }

    @Test
    void attributesAreReadOnly() throws Exception {
        StompConnection connection = connect();
        ObjectName name = ConnectionMBeans.objectName(connection);
        for (MBeanAttributeInfo info : server.getMBeanInfo(name).getAttributes()) {
            assertThat(info.isWritable()).as(info.getName()).isFalse();
        }
        assertThat(server.isInstanceOf(name, "javax.management.NotificationEmitter")).isTrue();
        assertThat(Arrays.stream(server.getMBeanInfo(name).getNotifications()).flatMap(n -> Arrays.stream(n.getNotifTypes())))
                .containsExactlyInAnyOrder(ConnectionMBeans.CONNECTED, ConnectionMBeans.LOST,
                        ConnectionMBeans.RECONNECTING, ConnectionMBeans.FAILED_OVER, ConnectionMBeans.CLOSED,
                        ConnectionMBeans.FAILED);
        try {
            server.setAttribute(name, new Attribute("Login", "x"));
            throw new AssertionError("Login is writable");
        } catch (javax.management.AttributeNotFoundException expected) {
            // read-only
        }
    }

    // ------------------------------------------------------------------------------------ no broker needed

    @Test
    void transitionsMapToNotificationTypes() {
        StompConnection idle = new StompConnection(StompConfig.builder().failover("tcp://127.0.0.1:1").build());
        ConnectionMonitor monitor = new ConnectionMonitor(idle, ConnectionMBeans.objectName(idle), Runnable::run);
        List<Notification> seen = new ArrayList<>();
        monitor.addNotificationListener((n, handback) -> seen.add(n), null, null);
        try {
            monitor.onStateChanged(StompConnection.State.NEW, StompConnection.State.CONNECTING);
            monitor.onStateChanged(StompConnection.State.CONNECTED, StompConnection.State.RECONNECTING);
            monitor.onStateChanged(StompConnection.State.RECONNECTING, StompConnection.State.FAILED);
            monitor.onStateChanged(StompConnection.State.FAILED, StompConnection.State.RECONNECTING);
            monitor.onStateChanged(StompConnection.State.CONNECTED, StompConnection.State.DISCONNECTING);
            monitor.onStateChanged(StompConnection.State.DISCONNECTING, StompConnection.State.CLOSED);

            assertThat(seen).extracting(Notification::getType).containsExactly(ConnectionMBeans.LOST,
                    ConnectionMBeans.RECONNECTING, ConnectionMBeans.FAILED, ConnectionMBeans.RECONNECTING,
                    ConnectionMBeans.CLOSED);
            assertThat(seen).extracting(Notification::getSequenceNumber).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(seen.get(2).getMessage()).startsWith("Failed").endsWith("[id=" + idle.id() + "]");

            monitor.deactivate();
            monitor.onStateChanged(StompConnection.State.CLOSED, StompConnection.State.CLOSED);
            assertThat(seen).hasSize(5);
        } finally {
            idle.close();
        }
    }

    @Test
    void objectNameQuotesOnlyWhenNeeded() {
        assertThat(ConnectionMBeans.objectName("orders-1").toString())
                .isEqualTo("org.stompest:type=Connection,name=orders-1");
        assertThat(ConnectionMBeans.objectName("a,b=c:d").getKeyProperty("name")).isEqualTo("\"a,b=c:d\"");
        assertThat(ConnectionMBeans.objectName("say \"hi\"*?").getKeyProperty("name"))
                .isEqualTo(javax.management.ObjectName.quote("say \"hi\"*?"));
    }

    @Test
    void redactStripsUserInfoAndSecretOptions() {
        assertThat(Redact.uri(null)).isNull();
        assertThat(Redact.uri("tcp://localhost:61613")).isEqualTo("tcp://localhost:61613");
        assertThat(Redact.uri("tcp://user:pw@localhost:61613")).isEqualTo("tcp://localhost:61613");
        assertThat(Redact.uri("failover:(tcp://u:p@a:1,ssl://b:2)?randomize=false,password=x,maxReconnectAttempts=3"))
                .isEqualTo("failover:(tcp://a:1,ssl://b:2)?randomize=false,maxReconnectAttempts=3");
        assertThat(Redact.uri("ssl://h:1?keyStorePassword=s&trust=1")).isEqualTo("ssl://h:1?trust=1");
        assertThat(Redact.uri("tcp://h:1?passcode=s")).isEqualTo("tcp://h:1");
        assertThat(Redact.uri("service:jmx:rmi:///jndi/rmi://admin:secret@127.0.0.1:9999/jmxrmi"))
                .isEqualTo("service:jmx:rmi:///jndi/rmi://127.0.0.1:9999/jmxrmi");
    }

    private static List<String> types(BlockingQueue<Notification> notifications) {
        return notifications.stream().map(Notification::getType).toList();
    }
}
