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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

/**
 * A burst of asynchronous exchanges reaching a producer whose pooled connection is still connecting: every one is sent
 * and confirmed once the connection is up (bench's Camel driver, window 1000). With a callback pool that rejected
 * work (Camel's SynchronousQueue for maxQueueSize -1, then CallerRuns) the first exchanges failed with "no
 * connection within ... [state=CONNECTED]" in 3 of 4 runs, or never completed.
 */
class ProducerBurstIT extends StompestITSupport {
    @Test
    void aBurstBeforeTheConnectionIsUpIsSentOnceItIs() throws Exception {
        String queue = unique("burst");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:burst").to("stompest:queue:" + queue + "?receiptTimeout=5000");
            }
        });
        Endpoint in = context.getEndpoint("direct:burst");
        AsyncProducer producer = in.createAsyncProducer();
        ServiceHelper.startService(producer);
        int count = 5000;
        Semaphore permits = new Semaphore(1000);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Throwable> first = new AtomicReference<>();
        for (int i = 0; i < count; i++) {
            Exchange exchange = in.createExchange();
            exchange.getMessage().setBody("m" + i);
            permits.acquire();
            producer.process(exchange, sync -> {
                if (exchange.getException() != null) {
                    failed.incrementAndGet();
                    first.compareAndSet(null, exchange.getException());
                }
                permits.release();
                done.countDown();
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).as("every exchange completes").isTrue();
        assertThat(first.get()).as("first failure").isNull();
        assertThat(failed.get()).isZero();
        ServiceHelper.stopService(producer);
    }
}
