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

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded broker as a JUnit 5 extension: started before the tests of the class, closed after them.
 * <pre>
 * &#64;RegisterExtension
 * static final BrokerExtension&lt;EmbeddedArtemis&gt; artemis = BrokerExtension.artemis();
 * ... artemis.get().stompUri() ...
 * </pre>
 * The fixtures themselves ({@link EmbeddedArtemis}, {@link EmbeddedActiveMq}) stay free of JUnit, so code outside
 * tests (bench) can use them as before.
 */
public final class BrokerExtension<B extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<B> starter;
    private B broker;

    private BrokerExtension(Supplier<B> starter) {
        this.starter = starter;
    }

    /** A broker made and started by {@code starter}, e.g. {@code () -> EmbeddedArtemis.builder().users(..).build().start()}. */
    public static <B extends AutoCloseable> BrokerExtension<B> of(Supplier<B> starter) {
        return new BrokerExtension<>(starter);
    }

    /** A default {@link EmbeddedArtemis}. */
    public static BrokerExtension<EmbeddedArtemis> artemis() {
        return of(() -> EmbeddedArtemis.builder().build().start());
    }

    /** A default {@link EmbeddedActiveMq}. */
    public static BrokerExtension<EmbeddedActiveMq> activeMq() {
        return of(() -> EmbeddedActiveMq.builder().build().start());
    }

    /** A {@link RabbitMqProcess}: fails (never skips) with the reason when RabbitMQ cannot start. */
    public static BrokerExtension<RabbitMqProcess> rabbitMq() {
        return of(() -> new RabbitMqProcess().start());
    }

    /** The running broker. */
    public B get() {
        if (broker == null) {
            throw new IllegalStateException("Broker not started: register the extension with @RegisterExtension");
        }
        return broker;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = starter.get();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
