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
package org.stompest.bench.e2e;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.FluentProducerTemplate;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Camel routes through {@code stompest:}. Producing: {@code direct:in -> stompest:queue:x} fed by an
 * {@link AsyncProducer} on the direct endpoint (with receipts, at most {@code window} exchanges in flight).
 * Consuming: {@code from("stompest:queue:x?ackMode=...")} into a counting processor; with
 * {@code client-individual} the component ACKs when the exchange completes. A route per round, added outside the
 * clock for producers; for consumers the clock starts when the route is added.
 */
public final class CamelDriver extends Driver {
    private CamelContext context;
    private String uri;
    private final AtomicLong routes = new AtomicLong();
    private ProducerTemplate latencyIn;
    private String latencyInUri;

    public static void main(String[] args) throws Exception {
        new CamelDriver().main(args[0]);
    }

    @Override
    protected String name() {
        return "camel";
    }

    @Override
    protected String connect(String uri) throws Exception {
        this.uri = uri;
        context = new DefaultCamelContext();
        context.start();
        return "Camel " + context.getVersion() + " with stompest:";
    }

    private String stompest(String destination, String options) {
        String name = destination.startsWith("/queue/") ? "queue:" + destination.substring(7) : destination;
        return "stompest:" + name + "?failover=RAW(" + uri + ")&login=" + LOGIN + "&passcode=RAW(" + PASSCODE + ")"
                + (options.isEmpty() ? "" : "&" + options);
    }

    @Override
    protected long run(Scenario scenario, String destination, int count, byte[] body, int window) throws Exception {
        String id = "r" + routes.incrementAndGet();
        try {
            switch (scenario) {
                case PRODUCE:
                    return produce(id, destination, count, body, false, window);
                case PRODUCE_RECEIPT:
                    return produce(id, destination, count, body, true, window);
                case CONSUME_AUTO:
                    return consume(id, destination, count, "auto");
                case CONSUME_ACK:
                    return consume(id, destination, count, "client-individual");
                default:
                    throw new IllegalArgumentException(scenario.name());
            }
        } finally {
            for (String route : new String[] {id, id + "-barrier", id + "-warm"}) {
                if (context.getRoute(route) != null) {
                    context.getRouteController().stopRoute(route);
                    context.removeRoute(route);
                }
            }
        }
    }

    private long produce(String id, String destination, int count, byte[] body, boolean receipts, int window)
            throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + id).routeId(id).to(stompest(destination, "receipt=" + receipts));
                from("direct:" + id + "-barrier").routeId(id + "-barrier").to(stompest(destination, "receipt=true"));
                from("direct:" + id + "-warm").routeId(id + "-warm").to(stompest(destination + ".warm", "receipt=true"));
            }
        });
        // One exchange with a receipt on the pooled connection before the clock, as an application starts its routes
        // before it sends: exchanges that arrive while the connection is still connecting wait for it in
        // StompestProducer, and under load some of those waits ran into the 30 s receipt timeout although the
        // connection was up (state=CONNECTED in the error).
        try (FluentProducerTemplate warm = context.createFluentProducerTemplate()) {
            Exchange sent = warm.to("direct:" + id + "-warm").withBody(body).send();
            if (sent.getException() != null) {
                throw sent.getException();
            }
        }
        Endpoint in = context.getEndpoint("direct:" + id);
        Endpoint barrier = context.getEndpoint("direct:" + id + "-barrier");
        AsyncProducer producer = in.createAsyncProducer();
        AsyncProducer barrierProducer = barrier.createAsyncProducer();
        ServiceHelper.startService(producer, barrierProducer);
        try {
            Semaphore permits = new Semaphore(window);
            CountDownLatch done = new CountDownLatch(count);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long start = System.nanoTime();
            for (int i = 0; i < count && failure.get() == null; i++) {
                Exchange exchange = in.createExchange();
                exchange.getMessage().setBody(body);
                permits.acquire();
                producer.process(exchange, sync -> {
                    if (exchange.getException() != null) {
                        failure.compareAndSet(null, exchange.getException());
                    }
                    permits.release();
                    done.countDown();
                });
            }
            if (!done.await(120, TimeUnit.SECONDS) || failure.get() != null) {
                throw new IllegalStateException("Exchanges not completed: " + done.getCount(), failure.get());
            }
            if (!receipts) {
                Exchange last = barrier.createExchange();
                last.getMessage().setBody(body);
                barrierProducer.process(last);
                if (last.getException() != null) {
                    throw last.getException();
                }
            }
            return System.nanoTime() - start;
        } finally {
            ServiceHelper.stopService(producer, barrierProducer);
        }
    }

    private long consume(String id, String destination, int count, String ackMode) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        long start = System.nanoTime();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(stompest(destination, "ackMode=" + ackMode)).routeId(id).process(exchange -> {
                    if (received.incrementAndGet() == count) {
                        done.countDown();
                    }
                });
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Received " + received.get() + " of " + count);
        }
        // the last exchanges complete (and ACK) after the processor returns
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (context.getInflightRepository().size(id) > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return System.nanoTime() - start;
    }

    @Override
    protected AutoCloseable subscribe(String destination, Consumer<byte[]> onBody) throws Exception {
        String id = "latency-" + routes.incrementAndGet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(stompest(destination, "ackMode=auto")).routeId(id)
                        .process(exchange -> onBody.accept(exchange.getMessage().getBody(byte[].class)));
                from("direct:" + id).routeId(id + "-out").to(stompest(destination, "receipt=false"));
            }
        });
        latencyIn = context.createProducerTemplate();
        latencyInUri = "direct:" + id;
        return () -> {
            latencyIn.close();
            for (String route : new String[] {id, id + "-out"}) {
                context.getRouteController().stopRoute(route);
                context.removeRoute(route);
            }
        };
    }

    @Override
    protected void send(String destination, byte[] body) {
        latencyIn.sendBody(latencyInUri, body);
    }

    /**
     * {@code from(stompest:queue:a).to(stompest:queue:b)} with default options: ackMode client-individual (the ACK
     * after the exchange completes), and a receipt awaited for each SEND before the exchange completes.
     */
    @Override
    protected long relay(String from, String to, int count, int bodySize, String producerOptions) throws Exception {
        String id = "relay-" + routes.incrementAndGet();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger relayed = new AtomicInteger();
        long start = System.nanoTime();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(stompest(from, "")).routeId(id).to(stompest(to, producerOptions)).process(exchange -> {
                    if (relayed.incrementAndGet() == count) {
                        done.countDown();
                    }
                });
            }
        });
        try {
            if (!done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Relayed " + relayed.get() + " of " + count);
            }
            return System.nanoTime() - start;
        } finally {
            context.getRouteController().stopRoute(id);
            context.removeRoute(id);
        }
    }

    @Override
    protected void disconnect() {
        context.stop();
    }
}
