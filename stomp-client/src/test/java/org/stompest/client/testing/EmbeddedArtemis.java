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
import java.util.Objects;
import java.util.Set;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * An embedded Apache ActiveMQ Artemis broker with one STOMP acceptor on 127.0.0.1.
 * <pre>
 * try (EmbeddedArtemis broker = EmbeddedArtemis.builder().build().start()) {
 *     StompConfig config = StompConfig.builder().failover(broker.stompUri()).build();
 * }
 * </pre>
 * The acceptor has {@code anycastPrefix=/queue/;multicastPrefix=/topic/} (without them {@code /queue/x} is a
 * multicast address and a message sent before anyone subscribes is dropped). JMX management is off, the critical
 * analyzer is off, disk usage is not checked, dead letters go to {@code DLQ} and expired messages to
 * {@code ExpiryQueue} (as in the default broker.xml), and every directory (paging, bindings, journal, large
 * messages) lives in a temporary directory, deleted on {@link #close()}. The port is chosen once in
 * {@link Builder#build()} and kept across {@link #stop()} and {@link #start()}, so a failover URI stays valid; each
 * start creates a fresh server (with {@link Builder#journal(Path)} it reads the same journal back).
 *
 * <p>Security is off unless {@link Builder#users(Map)} gives users, who then get one role with every permission.
 * {@link Builder#connectionTtl(long)} sets the acceptor's connection TTL (Artemis closes a STOMP connection that sent
 * nothing for that long, default 60 s).
 */
public final class EmbeddedArtemis implements AutoCloseable {
    private static final String ROLE = "stompest-all";

    private final int port;
    private final Map<String, String> users;
    private final Path journal;
    private final Long connectionTtl;
    private final TestTls tls;
    private final Path dataDir;
    private ActiveMQServer server;

    private EmbeddedArtemis(Builder builder) {
        this.port = builder.port == 0 ? FreePorts.find() : builder.port;
        this.users = Map.copyOf(builder.users);
        this.journal = builder.journal;
        this.connectionTtl = builder.connectionTtl;
        this.tls = builder.tls;
        this.dataDir = TempDirs.create("stompest-artemis-");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a fresh server on the same port; returns this. */
    public synchronized EmbeddedArtemis start() {
        if (server != null) {
            throw new IllegalStateException("Artemis already started on port " + port);
        }
        try {
            ActiveMQServer created;
            Configuration configuration = configuration();
            if (users.isEmpty()) {
                // the flag overrides the configuration's persistence: keep the journal when one was asked for
                created = ActiveMQServers.newActiveMQServer(configuration, journal != null);
            } else {
                SecurityConfiguration security = new SecurityConfiguration();
                users.forEach((login, passcode) -> {
                    security.addUser(login, passcode);
                    security.addRole(login, ROLE);
                });
                ActiveMQJAASSecurityManager manager =
                        new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), security);
                created = ActiveMQServers.newActiveMQServer(configuration, null, manager, journal != null);
            }
            created.start();
            if (!created.waitForActivation(30, java.util.concurrent.TimeUnit.SECONDS)) {
                created.stop();
                throw new IllegalStateException("Artemis did not activate on port " + port);
            }
            server = created;
            return this;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start Artemis on port " + port, e);
        }
    }

    private Configuration configuration() throws Exception {
        Path base = journal != null ? journal : dataDir;
        Configuration configuration = new ConfigurationImpl()
                .setName("stompest-artemis-" + port)
                .setPersistenceEnabled(journal != null)
                .setJMXManagementEnabled(false)
                .setSecurityEnabled(!users.isEmpty())
                .setCriticalAnalyzer(false)
                .setMaxDiskUsage(-1)
                .setGracefulShutdownEnabled(false)
                .setBindingsDirectory(base.resolve("bindings").toString())
                .setJournalDirectory(base.resolve("journal").toString())
                .setPagingDirectory(base.resolve("paging").toString())
                .setLargeMessagesDirectory(base.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(base.resolve("lock").toString());
        // as in the default broker.xml: dead letters to DLQ, expired messages to ExpiryQueue
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        if (!users.isEmpty()) {
            configuration.putSecurityRoles("#", Set.of(
                    new Role(ROLE, true, true, true, true, true, true, true, true, true, true, true, true)));
        }
        configuration.addAcceptorConfiguration("stomp", acceptorUri());
        return configuration;
    }

    private String acceptorUri() {
        StringBuilder uri = new StringBuilder("tcp://127.0.0.1:").append(port)
                .append("?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/");
        if (connectionTtl != null) {
            uri.append(";connectionTtl=").append(connectionTtl);
        }
        if (tls != null) {
            uri.append(";sslEnabled=true;keyStorePath=").append(tls.keyStorePath())
                    .append(";keyStorePassword=").append(tls.password())
                    .append(";keyStoreType=").append(tls.keyStoreType());
        }
        return uri.toString();
    }

    /** Stops the server (a no-op when stopped); {@link #start()} may start it again on the same port. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop Artemis on port " + port, e);
        } finally {
            server = null;
        }
    }

    /** Stops the server and deletes its temporary directory. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            TempDirs.deleteQuietly(dataDir);
        }
    }

    public synchronized boolean isStarted() {
        return server != null && server.isActive();
    }

    /** The running server, for tests that need Artemis' own API; null when stopped. */
    public synchronized ActiveMQServer server() {
        return server;
    }

    /** The STOMP port, stable across stop and start. */
    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:<port>}, or {@code ssl://localhost:<port>} with TLS. */
    public String stompUri() {
        return tls != null ? "ssl://localhost:" + port : "tcp://127.0.0.1:" + port;
    }

    @Override
    public String toString() {
        return "EmbeddedArtemis[" + stompUri() + "]";
    }

    public static final class Builder {
        private int port;
        private final Map<String, String> users = new LinkedHashMap<>();
        private Path journal;
        private Long connectionTtl;
        private TestTls tls;

        private Builder() {
        }

        /** The STOMP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Turns security on with these users (login to passcode), all in one role with every permission. */
        public Builder users(Map<String, String> loginToPasscode) {
            users.clear();
            users.putAll(loginToPasscode);
            return this;
        }

        /** Persistent, with the journal (and bindings, paging, large messages) in this directory. */
        public Builder journal(Path dir) {
            this.journal = Objects.requireNonNull(dir, "journal");
            return this;
        }

        /** The acceptor's {@code connectionTtl} in ms (Artemis rejects 0 and -1). */
        public Builder connectionTtl(long millis) {
            this.connectionTtl = millis;
            return this;
        }

        /** An acceptor with {@code sslEnabled=true} and this key store. */
        public Builder tls(TestTls tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /** Builds the broker (not started). */
        public EmbeddedArtemis build() {
            return new EmbeddedArtemis(this);
        }
    }
}
