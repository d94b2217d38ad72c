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

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first thing to run: an embedded Artemis with a STOMP acceptor, a producer route in the Java DSL (timer to
 * {@code stompest:queue:/orders}, each send confirmed by a RECEIPT) and a consumer route in the YAML DSL
 * ({@code routes/consume-orders.yaml}: acks each order after it was logged with a running count). JMX is on, so
 * JConsole and jmx-console see the STOMP connections.
 *
 * <pre>mvn -B -ntp -q -DskipTests -pl examples -am install exec:java -Dexample.args="--duration=30"</pre>
 */
public final class OrdersExample {
    private static final Logger LOG = LoggerFactory.getLogger(OrdersExample.class);
    private static final int DRAIN_SECONDS = 3;

    private OrdersExample() {
    }

    public static void main(String[] args) throws Exception {
        ExampleOptions options = ExampleOptions.parse(args);
        EmbeddedBroker broker = options.broker() == null ? EmbeddedBroker.start(options.port()) : null;
        String failover = broker != null ? broker.stompUri() : options.broker();
        LOG.info("STOMP broker: {}{}", failover, broker != null ? " (embedded Artemis)" : " (external)");
        WatchHint.logWhenConnected("   (or JConsole, MBeans tab, org.stompest)");

        OrderCounter counter = new OrderCounter();
        Main main = new Main();
        main.bind("orderCounter", counter);
        main.addInitialProperty("camel.component.stompest.failover", failover);
        main.configure().setJmxEnabled(true);
        main.configure().withRoutesIncludePattern("classpath:routes/consume-orders.yaml");
        main.configure().addRoutesBuilder(producerRoute(options.periodMillis(), counter));
        if (options.durationSeconds() > 0) {
            main.configure().setDurationMaxSeconds(options.durationSeconds());
            stopProducingBeforeTheEnd(main, options.durationSeconds());
        }
        try {
            main.run();
        } finally {
            LOG.info("Orders: {}", counter.summary());
            if (broker != null) {
                broker.stop();
            }
        }
        System.exit(main.getExitCode());
    }

    /**
     * Stops the producer route {@value #DRAIN_SECONDS} s before the run ends, so the consumer can take what is
     * still queued and the final count compares like with like (a confirmed order still on its way is not lost).
     */
    static void stopProducingBeforeTheEnd(Main main, int durationSeconds) {
        if (durationSeconds <= DRAIN_SECONDS) {
            return;
        }
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "stop-producing");
                    thread.setDaemon(true);
                    return thread;
                });
                timer.schedule(() -> {
                    try {
                        LOG.info("Stopping the producer route; the consumer drains the queue");
                        started.getCamelContext().getRouteController().stopRoute("produce-orders");
                    } catch (Exception e) {
                        LOG.warn("Could not stop the producer route", e);
                    }
                }, durationSeconds - DRAIN_SECONDS, TimeUnit.SECONDS);
            }
        });
    }

    /** The producer half, shared with the Spring Boot example. */
    public static RouteBuilder producerRoute(long periodMillis, OrderCounter counter) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:orders?period=" + periodMillis).routeId("produce-orders")
                        .process(exchange -> exchange.getMessage().setBody("order #" + counter.nextOrder()))
                        .to("stompest:queue:/orders")
                        .bean(counter, "sent");
            }
        };
    }
}
