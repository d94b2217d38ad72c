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

/** The four end-to-end measurements, by the name the driver line protocol uses. */
public enum Scenario {
    /** N SENDs without receipts, then one more with a receipt, so the clock stops when the broker has them all. */
    PRODUCE("produce", "produce, no receipts"),
    /** N SENDs, each asking for a receipt, at most {@code window} unanswered at a time. */
    PRODUCE_RECEIPT("produce-receipt", "produce, receipt per message"),
    /** SUBSCRIBE with ack:auto to a queue holding N messages; the clock stops at the N-th message. */
    CONSUME_AUTO("consume-auto", "consume, ack:auto"),
    /** SUBSCRIBE with ack:client-individual; one ACK per message; the clock stops at the N-th ACK sent. */
    CONSUME_ACK("consume-ack", "consume, ACK per message");

    private final String wireName;
    private final String title;

    Scenario(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public boolean consumes() {
        return this == CONSUME_AUTO || this == CONSUME_ACK;
    }

    public static Scenario of(String wireName) {
        for (Scenario scenario : values()) {
            if (scenario.wireName.equals(wireName)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("Unknown scenario: " + wireName);
    }
}
