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

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;

/**
 * Counts what the routes confirm and receive, by order body, so the examples can say that nothing was lost:
 * a confirmed order is one whose RECEIPT came back; a duplicate is an order received twice (redelivery).
 */
public final class OrderCounter {
    public static final String COUNT_HEADER = "orderCount";

    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final AtomicLong receivedTotal = new AtomicLong();
    private final AtomicLong orders = new AtomicLong();

    /** The number of the next order to send. */
    public long nextOrder() {
        return orders.incrementAndGet();
    }

    /** Called by the producer route after the broker confirmed the send. */
    public void sent(Exchange exchange) {
        confirmed.add(exchange.getMessage().getBody(String.class));
    }

    /** Called by the consumer route for every delivery; sets the running count header. */
    public void received(Exchange exchange) {
        received.add(exchange.getMessage().getBody(String.class));
        exchange.getMessage().setHeader(COUNT_HEADER, receivedTotal.incrementAndGet());
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits until every confirmed order arrived, or the timeout passed; whether none is lost. */
    public synchronized boolean awaitNoneLost(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (lost() > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    public long confirmed() {
        return confirmed.size();
    }

    public long receivedTotal() {
        return receivedTotal.get();
    }

    public long receivedDistinct() {
        return received.size();
    }

    public long duplicates() {
        return receivedTotal.get() - received.size();
    }

    /** Confirmed orders that never arrived. */
    public long lost() {
        return confirmed.stream().filter(order -> !received.contains(order)).count();
    }

    public String summary() {
        String summary = String.format("confirmed %d, received %d (distinct %d, duplicates %d), lost %d",
                confirmed(), receivedTotal(), receivedDistinct(), duplicates(), lost());
        List<String> lost = confirmed.stream().filter(order -> !received.contains(order)).sorted().limit(10)
                .collect(Collectors.toList());
        return lost.isEmpty() ? summary : summary + " " + lost;
    }
}
