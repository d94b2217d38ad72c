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

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.stompest.client.StompConfig;

/**
 * The three brokers of the behaviour suites as one JUnit 5 extension: an embedded Artemis and an embedded ActiveMQ
 * Classic per test class (each starts in about a second), and one RabbitMQ process for the whole test JVM (it takes
 * about 8 s to start), kept in JUnit's root store and stopped, epmd included, when the run ends.
 * <pre>
 * &#64;RegisterExtension
 * static final Brokers brokers = new Brokers();
 *
 * &#64;ParameterizedTest(name = "{0}")
 * &#64;MethodSource("org.stompest.client.testing.Brokers#all")
 * void works(Brokers.Kind broker) {
 *     new StompConnection(brokers.config(broker).build()) ...
 * }
 * </pre>
 * {@link #config(Kind)} gives each broker what it needs to accept a CONNECT: RabbitMQ the virtual host {@code /}
 * (an empty one is refused) and guest/guest.
 */
public final class Brokers implements BeforeAllCallback, AfterAllCallback {
    /** The brokers every behaviour suite runs on. */
    public enum Kind {
        ARTEMIS, CLASSIC, RABBITMQ
    }

    private final Set<Kind> kinds;
    private EmbeddedArtemis artemis;
    private EmbeddedActiveMq activeMq;
    private RabbitMqProcess rabbitMq;

    /** All three brokers. */
    public Brokers() {
        this(EnumSet.allOf(Kind.class));
    }

    private Brokers(Set<Kind> kinds) {
        this.kinds = kinds;
    }

    /** Only these brokers, e.g. {@code Brokers.only(Kind.RABBITMQ)} for a RabbitMQ-only suite. */
    public static Brokers only(Kind first, Kind... rest) {
        return new Brokers(EnumSet.of(first, rest));
    }

    /** Every broker, for {@code @MethodSource("org.stompest.client.testing.Brokers#all")}. */
    public static Stream<Kind> all() {
        return Stream.of(Kind.values());
    }

    /** The RabbitMQ process shared by every test class of this JVM, started on first use. */
    public static RabbitMqProcess sharedRabbitMq(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(Brokers.class))
                .getOrComputeIfAbsent("rabbitmq", key -> new SharedRabbitMq(new RabbitMqProcess().start()),
                        SharedRabbitMq.class).process;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (kinds.contains(Kind.ARTEMIS)) {
            artemis = EmbeddedArtemis.builder().build().start();
        }
        if (kinds.contains(Kind.CLASSIC)) {
            activeMq = EmbeddedActiveMq.builder().build().start();
        }
        if (kinds.contains(Kind.RABBITMQ)) {
            rabbitMq = sharedRabbitMq(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (artemis != null) {
                artemis.close();
            }
        } finally {
            if (activeMq != null) {
                activeMq.close();
            }
            artemis = null;
            activeMq = null;
            rabbitMq = null;
        }
    }

    /** {@code tcp://127.0.0.1:<port>} of the broker. */
    public String uri(Kind broker) {
        return switch (broker) {
            case ARTEMIS -> started(artemis).stompUri();
            case CLASSIC -> started(activeMq).stompUri();
            case RABBITMQ -> started(rabbitMq).stompUri();
        };
    }

    /** A config for the broker: its URI, and for RabbitMQ virtual host {@code /} and guest/guest. */
    public StompConfig.Builder config(Kind broker) {
        StompConfig.Builder builder = StompConfig.builder().failover(uri(broker));
        return broker == Kind.RABBITMQ ? builder.host("/").login("guest").passcode("guest") : builder;
    }

    /** The RabbitMQ process (for {@code rabbitmqctl} work such as {@link RabbitMqProcess#addUser}). */
    public RabbitMqProcess rabbitMq() {
        return started(rabbitMq);
    }

    private static <B> B started(B broker) {
        if (broker == null) {
            throw new IllegalStateException("Broker not started: register the extension with @RegisterExtension, and"
                    + " with Brokers.only(...) name the broker");
        }
        return broker;
    }

    /** Stops the shared RabbitMQ when JUnit closes its root store at the end of the run. */
    private record SharedRabbitMq(RabbitMqProcess process) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            process.close();
        }
    }
}
