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
package org.stompest.client.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.activemq.broker.Broker;
import org.apache.activemq.broker.BrokerFilter;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.ConnectionContext;
import org.apache.activemq.command.ConnectionInfo;

/**
 * An embedded Apache ActiveMQ Classic broker with one {@code stomp://127.0.0.1:<port>} connector: not persistent,
 * no JMX, no advisories, no shutdown hook, data in a temporary directory deleted on {@link #close()}.
 * <pre>
 * try (EmbeddedActiveMq broker = EmbeddedActiveMq.builder().build().start()) { ... broker.stompUri() ... }
 * </pre>
 * The port is chosen once in {@link Builder#build()} and kept across {@link #stop()} and {@link #start()}; each start
 * creates a fresh {@link BrokerService} (a stopped one cannot be restarted). With {@link Builder#users(Map)} a small
 * authentication plugin admits exactly those users (every authenticated user may do everything); a wrong passcode
 * gets ActiveMQ's own message {@code User name [u] or password is invalid.}
 *
 * <p>Quirks the client must handle: the MESSAGE {@code ack} id differs from {@code message-id} and both arrive
 * escaped ({@code ID\cvm-…}); silent connections are closed without an ERROR frame.
 */
public final class EmbeddedActiveMq implements AutoCloseable {
    private final int port;
    private final Map<String, String> users;
    private final Path dataDir;
    private BrokerService broker;

    private EmbeddedActiveMq(Builder builder) {
        this.port = builder.port == 0 ? FreePorts.find() : builder.port;
        this.users = Map.copyOf(builder.users);
        this.dataDir = TempDirs.create("stompest-activemq-");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a fresh broker on the same port; returns this. */
    public synchronized EmbeddedActiveMq start() {
        if (broker != null) {
            throw new IllegalStateException("ActiveMQ already started on port " + port);
        }
        BrokerService created = new BrokerService();
        try {
            created.setBrokerName("stompest-activemq-" + port);
            created.setPersistent(false);
            created.setUseJmx(false);
            created.setAdvisorySupport(false);
            created.setUseShutdownHook(false);
            created.setSchedulerSupport(false);
            created.setDataDirectoryFile(dataDir.resolve("data").toFile());
            created.setTmpDataDirectory(dataDir.resolve("tmp").toFile());
            if (!users.isEmpty()) {
                created.setPlugins(new BrokerPlugin[] {this::authenticating});
            }
            // Nagle on the broker side stalls request-reply-like traffic (a relay ran at ~100 msg/s without this)
            created.addConnector("stomp://127.0.0.1:" + port + "?transport.tcpNoDelay=true");
            created.start();
            if (!created.waitUntilStarted()) {
                throw new IllegalStateException("ActiveMQ did not start on port " + port);
            }
            broker = created;
            return this;
        } catch (RuntimeException e) {
            stopQuietly(created);
            throw e;
        } catch (Exception e) {
            stopQuietly(created);
            throw new IllegalStateException("Could not start ActiveMQ on port " + port, e);
        }
    }

    /**
     * Checks login and passcode on connect, with the message of ActiveMQ's own simple authentication (which needs
     * the activemq-jaas artifact; this does not).
     */
    private Broker authenticating(Broker next) {
        return new BrokerFilter(next) {
            @Override
            public void addConnection(ConnectionContext context, ConnectionInfo info) throws Exception {
                String expected = users.get(info.getUserName());
                if (expected == null || !expected.equals(info.getPassword())) {
                    throw new SecurityException("User name [" + info.getUserName() + "] or password is invalid.");
                }
                super.addConnection(context, info);
            }
        };
    }

    private static void stopQuietly(BrokerService service) {
        try {
            service.stop();
        } catch (Exception ignored) {
            // already failing
        }
    }

    /** Stops the broker (a no-op when stopped); {@link #start()} may start a new one on the same port. */
    public synchronized void stop() {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
            broker.waitUntilStopped();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop ActiveMQ on port " + port, e);
        } finally {
            broker = null;
        }
    }

    /** Stops the broker and deletes its temporary directory. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            TempDirs.deleteQuietly(dataDir);
        }
    }

    public synchronized boolean isStarted() {
        return broker != null && broker.isStarted();
    }

    /** The running broker, for tests that need its API; null when stopped. */
    public synchronized BrokerService broker() {
        return broker;
    }

    /** The STOMP port, stable across stop and start. */
    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String stompUri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public String toString() {
        return "EmbeddedActiveMq[" + stompUri() + "]";
    }

    public static final class Builder {
        private int port;
        private final Map<String, String> users = new LinkedHashMap<>();

        private Builder() {
        }

        /** The STOMP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Admits only these users (login to passcode). */
        public Builder users(Map<String, String> loginToPasscode) {
            users.clear();
            users.putAll(loginToPasscode);
            return this;
        }

        /** Builds the broker (not started). */
        public EmbeddedActiveMq build() {
            return new EmbeddedActiveMq(this);
        }
    }
}
