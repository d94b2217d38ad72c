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
