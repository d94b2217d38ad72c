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
package org.stompest.camel.integration;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.stompest.camel.StompestComponent;
import org.stompest.camel.StompestConfiguration;

/**
 * Base of the ITs: a CamelContext whose {@code stompest} component points at a shared embedded broker by default
 * (the component-level {@code failover} option), and unique destination names per test.
 */
abstract class StompestITSupport extends CamelTestSupport {
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** The broker the component connects to by default. */
    protected String brokerUri() {
        return SharedBrokers.artemis().stompUri();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        StompestComponent component = camelContext.getComponent("stompest", StompestComponent.class);
        component.getConfiguration().setFailover(brokerUri());
        return camelContext;
    }

    /** The virtual host plain clients of a test connect with: the component's default, which RabbitMQ needs. */
    protected String virtualHost() {
        return StompestConfiguration.DEFAULT_HOST;
    }

    protected StompestComponent component() {
        return context.getComponent("stompest", StompestComponent.class);
    }

    /** A name no other test uses: {@code prefix-<n>}. */
    protected static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }
}
