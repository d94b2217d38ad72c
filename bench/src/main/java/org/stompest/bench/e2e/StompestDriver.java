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

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.stompest.client.StompConfig;
import org.stompest.client.StompConnection;
import org.stompest.client.Subscription;
import org.stompest.client.SubscriptionOptions;

/** stomp-client used directly: one {@link StompConnection}, the API an application calls. */
public final class StompestDriver extends Driver {
    private StompConnection connection;

    public static void main(String[] args) throws Exception {
        new StompestDriver().main(args[0]);
    }

    @Override
    protected String name() {
        return "stomp-client";
    }

    @Override
    protected String connect(String uri) {
        connection = new StompConnection(StompConfig.builder().failover(uri).login(LOGIN).passcode(PASSCODE)
                .host(VIRTUAL_HOST).build());
        connection.connect();
        return "stomp-client " + connection.version() + " to " + connection.server() + " over "
                + uri.substring(0, uri.indexOf(':'));
    }

    @Override
    protected long run(Scenario scenario, String destination, int count, byte[] body, int window) throws Exception {
        switch (scenario) {
            case PRODUCE: {
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    connection.send(destination, body, Map.of());
                }
                connection.sendWithReceipt(destination, body, Map.of()).get(60, TimeUnit.SECONDS);
                return System.nanoTime() - start;
            }
            case PRODUCE_RECEIPT: {
                Semaphore permits = new Semaphore(window);
                AtomicReference<Throwable> failure = new AtomicReference<>();
                CountDownLatch done = new CountDownLatch(count);
                long start = System.nanoTime();
                for (int i = 0; i < count && failure.get() == null; i++) {
                    permits.acquire();
                    CompletableFuture<?> receipt = connection.sendWithReceipt(destination, body, Map.of());
                    receipt.whenComplete((frame, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                        permits.release();
                        done.countDown();
                    });
                }
                if (!done.await(120, TimeUnit.SECONDS) || failure.get() != null) {
                    throw new IllegalStateException("Receipts missing: " + done.getCount(), failure.get());
                }
                return System.nanoTime() - start;
            }
            case CONSUME_AUTO:
            case CONSUME_ACK: {
                boolean ack = scenario == Scenario.CONSUME_ACK;
                CountDownLatch done = new CountDownLatch(1);
                AtomicInteger received = new AtomicInteger();
                long start = System.nanoTime();
                Subscription subscription = connection.subscribe(destination,
                        SubscriptionOptions.builder().ackMode(ack ? "client-individual" : "auto").build(),
                        message -> {
                            if (ack) {
                                message.ack();
                            }
                            if (received.incrementAndGet() == count) {
                                done.countDown();
                            }
                        });
                boolean complete = done.await(120, TimeUnit.SECONDS);
                long nanos = System.nanoTime() - start;
                subscription.unsubscribe();
                if (!complete) {
                    throw new IllegalStateException("Received " + received.get() + " of " + count);
                }
                return nanos;
            }
            default:
                throw new IllegalArgumentException(scenario.name());
        }
    }

    @Override
    protected AutoCloseable subscribe(String destination, Consumer<byte[]> onBody) {
        Subscription subscription = connection.subscribe(destination,
                SubscriptionOptions.builder().ackMode("auto").build(), message -> onBody.accept(message.body()));
        return subscription::unsubscribe;
    }

    @Override
    protected void send(String destination, byte[] body) {
        connection.send(destination, body, Map.of());
    }

    @Override
    protected void disconnect() {
        connection.disconnect();
    }
}
