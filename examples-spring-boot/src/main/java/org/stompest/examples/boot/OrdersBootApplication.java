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
package org.stompest.examples.boot;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.stompest.examples.EmbeddedBroker;
import org.stompest.examples.ExampleOptions;
import org.stompest.examples.OrderCounter;
import org.stompest.examples.OrdersExample;

/**
 * The orders example as a Spring Boot application: the {@code stompest} component is configured by the
 * camel-stompest-starter from {@code application.yaml} ({@code camel.component.stompest.*}); a producer route sends
 * an order to {@code /queue/orders} every {@code --period} ms and counts what the broker confirmed, a consumer route
 * counts what arrives. It runs on an embedded Artemis unless {@code --broker} names one, and ends with the count of
 * confirmed orders that never arrived (exit code 1 when that is not 0).
 */
@SpringBootApplication
public class OrdersBootApplication {
    private static final Logger LOG = LoggerFactory.getLogger(OrdersBootApplication.class);
    private static final int DRAIN_SECONDS = 3;

    @Bean
    OrderCounter orderCounter() {
        return new OrderCounter();
    }

    @Bean
    RouteBuilder produceOrders(OrderCounter counter, @Value("${orders.period-millis:200}") long periodMillis) {
        return OrdersExample.producerRoute(periodMillis, counter);
    }

    @Bean
    RouteBuilder consumeOrders(OrderCounter counter) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:/orders").routeId("consume-orders")
                        .bean(counter, "received")
                        .log("received ${body} (running count ${header.orderCount})");
            }
        };
    }

    public static void main(String[] args) throws Exception {
        OrderCounter counter = run(ExampleOptions.parse(args));
        System.exit(counter.lost() == 0 ? 0 : 1);
    }

    /** Runs the example for its duration (until Ctrl-C when 0) and returns what it counted. */
    public static OrderCounter run(ExampleOptions options) throws Exception {
        EmbeddedBroker broker = options.broker() == null ? EmbeddedBroker.start(options.port()) : null;
        String failover = broker != null ? broker.stompUri() : options.broker();
        LOG.info("STOMP broker: {}{}", failover, broker != null ? " (embedded Artemis)" : " (external)");
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread hook = new Thread(interrupted::countDown, "orders-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        OrderCounter counter = null;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OrdersBootApplication.class)
                .properties("camel.component.stompest.failover=" + failover,
                            "orders.period-millis=" + options.periodMillis())
                .run()) {
            counter = app.getBean(OrderCounter.class);
            if (options.durationSeconds() == 0) {
                interrupted.await();
            } else if (!interrupted.await(Math.max(1, options.durationSeconds() - DRAIN_SECONDS), TimeUnit.SECONDS)) {
                LOG.info("Stopping the producer route; the consumer drains the queue");
                app.getBean(CamelContext.class).getRouteController().stopRoute("produce-orders");
                counter.awaitNoneLost(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
            }
        } finally {
            if (counter != null) {
                LOG.info("Orders: {}", counter.summary());
            }
            if (broker != null) {
                broker.stop();
            }
            removeHook(hook);
        }
        return counter;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the JVM is already running the hooks
        }
    }
}
