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
package org.stompest.client;

/**
 * What a subscription with a client ack mode ({@code client} or {@code client-individual}) does with a message
 * whose {@link MessageListener} threw (and did not settle it), set with
 * {@link SubscriptionOptions.Builder#onListenerFailure(ListenerFailure)}. With ack mode {@code auto} there is nothing
 * to do: the broker forgot the message when it sent it.
 *
 * <p>Why {@link #REDELIVER} is the default: the STOMP spec leaves what a broker does with a NACK to the broker.
 * ActiveMQ Classic moves a NACKed persistent message to its dead-letter queue, but ActiveMQ Artemis treats a STOMP
 * NACK like an ACK and drops the message: a listener failure would lose it. Leaving the message unacknowledged and
 * subscribing anew makes every broker deliver it again, under its own redelivery count and dead-letter policy.
 */
public enum ListenerFailure {
    /**
     * Leave the message unacknowledged and subscribe anew (UNSUBSCRIBE, then SUBSCRIBE with the same headers; the
     * wire id gets a {@code ~g<n>} suffix per resubscribe so that late MESSAGE frames of the old consumer can be told
     * apart, while {@link Subscription#id()} stays the same): the broker takes back what the subscription had not
     * acknowledged and delivers it again. Messages
     * received before the resubscribe are then delivered again too: those still queued are dropped, and an ACK or
     * NACK of one of them is not sent (the message just counts as settled). In ack mode {@code client} an ACK
     * acknowledges every earlier message of the subscription, so the redelivered ones may include messages that had
     * been processed: expect duplicates (at-least-once).
     */
    REDELIVER,
    /**
     * NACK the message (STOMP 1.1+; with 1.0, which has no NACK, it stays unacknowledged until the connection ends).
     * What happens next is up to the broker: ActiveMQ Classic dead-letters it, ActiveMQ Artemis drops it.
     */
    NACK
}
