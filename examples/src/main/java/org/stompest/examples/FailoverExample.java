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
package org.stompest.examples;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two embedded brokers behind one failover URI. After a few seconds the active broker is stopped; the STOMP
 * connections fail over to the other, the consumer's subscription is replayed there, and the summary at the end
 * counts confirmed, received, duplicated and lost orders.
 *
 * <p>The two brokers share nothing (no replication): orders the first one had confirmed but not yet delivered when
 * it stopped are in its journal, not on the standby. So at the end the first broker is started again and a drain
 * route takes what it kept: an order is lost only if no broker has it.
 */
public final class FailoverExample {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverExample.class);
    private static final int DRAIN_SECONDS = 10;

    private FailoverExample() {
    }

    /** Takes the orders the restarted first broker kept in its journal, for at most {@value #DRAIN_SECONDS} s. */
    private static void drain(EmbeddedBroker broker, OrderCounter counter) throws Exception {
        long before = counter.receivedTotal();
        try (CamelContext drain = new DefaultCamelContext()) {
            drain.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stompest:queue:/orders?failover=" + broker.stompUri()).routeId("drain-first-broker")
                            .bean(counter, "received");
                }
            });
            drain.start();
            counter.awaitNoneLost(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
        }
        LOG.info("Drained {} orders the first broker had kept in its journal", counter.receivedTotal() - before);
    }

    public static void main(String[] args) throws Exception {
        ExampleOptions options = ExampleOptions.parse(args);
        int duration = options.durationSeconds() > 0 ? options.durationSeconds() : 20;
        EmbeddedBroker first = EmbeddedBroker.start(0);
        EmbeddedBroker second = EmbeddedBroker.start(0);
        String failover = "failover:(" + first.stompUri() + "," + second.stompUri() + ")?randomize=false,"
                + "initialReconnectDelay=10,maxReconnectDelay=1000,startupMaxReconnectAttempts=3,"
                + "maxReconnectAttempts=-1";
        LOG.info("Brokers: {} (active) and {} (standby); failover URI {}", first.stompUri(), second.stompUri(),
                failover);
        LOG.info("The active broker stops after {} s", options.failoverAfterSeconds());
        WatchHint.logWhenConnected("   (the failover shows there)");

        OrderCounter counter = new OrderCounter();
        Main main = new Main();
        main.bind("orderCounter", counter);
        main.addInitialProperty("camel.component.stompest.failover", failover);
        main.configure().setJmxEnabled(true);
        main.configure().setDurationMaxSeconds(duration);
        OrdersExample.stopProducingBeforeTheEnd(main, duration);
        main.configure().withRoutesIncludePattern("classpath:routes/consume-orders.yaml");
        main.configure().addRoutesBuilder(OrdersExample.producerRoute(options.periodMillis(), counter));

        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        killer.schedule(() -> {
            try {
                LOG.info("Stopping the active broker {} (confirmed so far: {})", first.stompUri(),
                        counter.confirmed());
                first.stop();
            } catch (Exception e) {
                LOG.warn("Could not stop the first broker", e);
            }
        }, options.failoverAfterSeconds(), TimeUnit.SECONDS);
        try {
            main.run();
            killer.shutdownNow();
            first.start();
            drain(first, counter);
        } finally {
            killer.shutdownNow();
            LOG.info("Orders after failover: {}", counter.summary());
            first.stop();
            second.stop();
        }
        System.exit(counter.lost() == 0 ? main.getExitCode() : 1);
    }
}
