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

import java.util.Map;

import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * A MESSAGE frame delivered to a {@link MessageListener}, with the means to acknowledge it on the connection that
 * received it. Header values are unescaped (1.1+); the body is the raw bytes (binary-safe).
 *
 * <p>{@link #ackId()} is what an ACK or NACK names: the {@code ack} header in 1.2 (ActiveMQ Classic makes it differ
 * from {@code message-id}), the {@code message-id} before. A message received before a reconnect cannot be
 * acknowledged on the new session (the broker redelivers it): {@link #ack()} then throws
 * {@link org.stompest.error.StompConnectionError}. A message received before its subscription subscribed anew after
 * a listener failure ({@link ListenerFailure#REDELIVER}) is delivered again too: {@link #ack()} and {@link #nack()}
 * then send nothing and only mark it settled. With ack mode {@code auto} there is nothing to acknowledge:
 * {@link #ack()} and {@link #nack()} then only mark the message settled and send nothing (an ACK the broker does not
 * expect would get an ERROR and a closed connection).
 */
public final class StompMessage {
    private final StompFrame frame;
    private final StompConnection connection;
    private final String subscriptionId;
    private final long connectionEpoch;
    private final boolean clientAck;
    /** The subscription that received it (null only for messages made outside a connection) and its generation. */
    private final StompSubscription subscription;
    private final long generation;
    private volatile Map<String, String> headers;
    private volatile boolean settled;

    StompMessage(StompFrame frame, StompConnection connection, String subscriptionId, long connectionEpoch,
                 boolean clientAck) {
        this(frame, connection, subscriptionId, connectionEpoch, clientAck, null, 0);
    }

    StompMessage(StompFrame frame, StompConnection connection, String subscriptionId, long connectionEpoch,
                 boolean clientAck, StompSubscription subscription, long generation) {
        this.frame = frame;
        this.connection = connection;
        this.subscriptionId = subscriptionId;
        this.connectionEpoch = connectionEpoch;
        this.clientAck = clientAck;
        this.subscription = subscription;
        this.generation = generation;
    }

    /** The MESSAGE frame as parsed. */
    public StompFrame frame() {
        return frame;
    }

    public String destination() {
        return frame.header(StompSpec.DESTINATION_HEADER);
    }

    public String messageId() {
        return frame.header(StompSpec.MESSAGE_ID_HEADER);
    }

    /** The id of the subscription that received it. */
    public String subscriptionId() {
        return subscriptionId;
    }

    /** The value to acknowledge with: the 1.2 {@code ack} header if present, else {@code message-id}. */
    public String ackId() {
        String ack = StompSpec.VERSION_1_2.equals(frame.version()) ? frame.header(StompSpec.ACK_HEADER) : null;
        return ack != null ? ack : messageId();
    }

    /** The headers, first occurrence winning (read-only). */
    public Map<String, String> headers() {
        Map<String, String> h = headers;
        if (h == null) {
            h = Map.copyOf(frame.headers());
            headers = h;
        }
        return h;
    }

    /** A header's (first) value, or null. */
    public String header(String name) {
        return frame.header(name);
    }

    /** The body bytes (not copied). */
    public byte[] body() {
        return frame.body();
    }

    public String contentType() {
        return frame.header(StompSpec.CONTENT_TYPE_HEADER);
    }

    /** Whether the broker marked it as redelivered ({@code redelivered:true}, ActiveMQ Classic). */
    public boolean redelivered() {
        return "true".equals(frame.header("redelivered"));
    }

    /** Which connection (counted from 1, +1 per reconnect) of its {@link StompConnection} received it. */
    public long connectionEpoch() {
        return connectionEpoch;
    }

    /** The subscription that received it, or null. */
    StompSubscription subscription() {
        return subscription;
    }

    /**
     * The {@link StompSubscription#generation()} it was received in: a message of an earlier generation was received
     * before its subscription subscribed anew after a listener failure, and the broker delivers it again.
     */
    long generation() {
        return generation;
    }

    /** The connection that received it. */
    public StompConnection connection() {
        return connection;
    }

    /** Whether its subscription has a client ack mode ({@code client} or {@code client-individual}). */
    public boolean isClientAck() {
        return clientAck;
    }

    /** True once ACKed or NACKed through this object. */
    public boolean isSettled() {
        return settled;
    }

    void settle() {
        settled = true;
    }

    public void ack() {
        connection.ack(this);
    }

    public void nack() {
        connection.nack(this);
    }

    /**
     * Gives the message back after its processing failed, as a listener that throws does: by the subscription's
     * {@link SubscriptionOptions#onListenerFailure()} policy and the broker's {@link BrokerProfile}, the broker
     * delivers it again (a resubscribe, or a NACK where the broker requeues); on a non-durable topic it is NACKed
     * and gone. Nothing to do for ack mode {@code auto} or a message already settled.
     */
    public void redeliver() {
        if (clientAck && !settled && subscription != null) {
            subscription.settleFailed(this);
        }
    }

    /** ACK within a transaction begun on the same connection. */
    public void ack(String transaction) {
        connection.ack(this, transaction);
    }

    /** NACK within a transaction begun on the same connection. */
    public void nack(String transaction) {
        connection.nack(this, transaction);
    }

    @Override
    public String toString() {
        return "StompMessage[" + frame.info() + ", subscription=" + subscriptionId + ", epoch=" + connectionEpoch
                + "]";
    }
}
