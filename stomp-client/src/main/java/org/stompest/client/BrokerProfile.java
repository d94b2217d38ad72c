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

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one broker makes of the headers every broker reads differently, so that the client can be safe without its
 * user reading the broker's manual. The connection picks the profile from the {@code server} header of CONNECTED
 * ({@link #of(String)}) unless {@link StompConfig.Builder#brokerProfile(BrokerProfile)} forces one.
 *
 * <table>
 * <caption>the rules</caption>
 * <tr><th>concern</th><th>ARTEMIS</th><th>CLASSIC</th><th>RABBITMQ</th><th>GENERIC</th></tr>
 * <tr><td>prefetch of N messages</td><td>{@code consumer-window-size} in bytes: N x 1 KiB</td>
 * <td>{@code activemq.prefetchSize:N}</td><td>{@code prefetch-count:N}</td><td>both of the last two</td></tr>
 * <tr><td>durable topic subscription</td><td>{@code durable-subscription-name}</td>
 * <td>{@code activemq.subscriptionName}</td><td>{@code durable:true}, {@code auto-delete:false}</td>
 * <td>the Artemis and the Classic header</td></tr>
 * <tr><td>a failed message comes again by</td><td>resubscribing (a NACK drops it)</td>
 * <td>resubscribing (a NACK dead-letters it)</td><td>a NACK (it requeues; an UNSUBSCRIBE keeps it unacknowledged
 * until the connection closes)</td><td>resubscribing</td></tr>
 * <tr><td>ACK inside a transaction</td><td>ignored: acknowledged at once</td><td>honoured</td><td>honoured</td>
 * <td>assumed honoured</td></tr>
 * <tr><td>a reply-to {@code /temp-queue/x}</td><td>-</td><td>a temporary queue the client subscribes to</td>
 * <td>made from the SEND's reply-to and subscribed by the broker, as subscription {@code /temp-queue/x} (a
 * SUBSCRIBE to it is refused)</td><td>-</td></tr>
 * <tr><td>routing type of a SEND</td><td>{@code destination-type} (ANYCAST for {@code /queue/}, MULTICAST for
 * {@code /topic/})</td><td>from the destination</td><td>from the destination</td><td>from the destination</td></tr>
 * </table>
 * Every profile marks a durable message with {@code persistent:true}.
 */
public enum BrokerProfile {
    ARTEMIS, CLASSIC, RABBITMQ, GENERIC;

    /** Artemis counts its consumer window in bytes: what one message is taken to weigh when turning N into bytes. */
    static final int ARTEMIS_BYTES_PER_MESSAGE = 1024;

    /** Headers a broker adds to a MESSAGE that describe this delivery; a SEND built from one must not carry them. */
    public static final Set<String> DELIVERY_HEADERS = Set.of("destination", "destination-type", "subscription",
            "message-id", "ack", "receipt", "receipt-id", "transaction", "redelivered", "content-length", "persistent",
            "priority", "expires", "timestamp", "message-expires", "x-message-ttl", "original-destination",
            "ack-id", "__amq_cid", "_amq_routing_type", "jmsxdeliverycount", "jmsxuserid", "jmsxgroupseq");

    /** The profile of the broker whose CONNECTED said {@code server:<serverHeader>}; GENERIC when unknown. */
    public static BrokerProfile of(String serverHeader) {
        if (serverHeader == null) {
            return GENERIC;
        }
        String server = serverHeader.toLowerCase(Locale.ROOT);
        if (server.contains("artemis")) {
            return ARTEMIS;
        }
        if (server.contains("rabbitmq")) {
            return RABBITMQ;
        }
        if (server.startsWith("activemq")) {
            return CLASSIC;
        }
        return GENERIC;
    }

    /** The SUBSCRIBE headers that limit unacknowledged deliveries to about {@code messages}; none for 0. */
    public Map<String, String> prefetchHeaders(int messages) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (messages <= 0) {
            return headers;
        }
        switch (this) {
            case ARTEMIS:
                headers.put("consumer-window-size", Long.toString((long) messages * ARTEMIS_BYTES_PER_MESSAGE));
                break;
            case CLASSIC:
                headers.put("activemq.prefetchSize", Integer.toString(messages));
                break;
            case RABBITMQ:
                headers.put("prefetch-count", Integer.toString(messages));
                break;
            default:
                headers.put("activemq.prefetchSize", Integer.toString(messages));
                headers.put("prefetch-count", Integer.toString(messages));
        }
        return headers;
    }

    /** The SUBSCRIBE headers that make a topic subscription durable under {@code name}. */
    public Map<String, String> durableHeaders(String name) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (this) {
            case ARTEMIS:
                headers.put("durable-subscription-name", name);
                break;
            case CLASSIC:
                headers.put("activemq.subscriptionName", name);
                break;
            case RABBITMQ:
                headers.put("durable", "true");
                headers.put("auto-delete", "false");
                break;
            default:
                headers.put("durable-subscription-name", name);
                headers.put("activemq.subscriptionName", name);
        }
        return headers;
    }

    /** Whether a NACK makes this broker deliver the message again (rather than drop or dead-letter it). */
    public boolean nackRedelivers() {
        return this == RABBITMQ;
    }

    /**
     * Whether the broker subscribes a reply destination by itself once a SEND names it in {@code reply-to}, under a
     * subscription named by the destination ({@link SubscriptionOptions#isBrokerSubscribed()}): RabbitMQ's
     * {@code /temp-queue/}.
     */
    public boolean subscribesReplyTo(String destination) {
        return this == RABBITMQ && destination.startsWith("/temp-queue/");
    }

    /** Whether an ACK carrying a {@code transaction} header waits for the COMMIT. */
    public boolean honoursAckInTransaction() {
        return this != ARTEMIS;
    }

    /**
     * The headers a SEND to {@code destination} needs so that the broker routes it as the destination's prefix
     * says ({@code /queue/} anycast, {@code /topic/} multicast); empty where the prefix is enough.
     */
    public Map<String, String> routingHeaders(String destination) {
        if (this != ARTEMIS || destination == null) {
            return Map.of();
        }
        if (destination.startsWith("/queue/")) {
            return Map.of("destination-type", "ANYCAST");
        }
        if (destination.startsWith("/topic/")) {
            return Map.of("destination-type", "MULTICAST");
        }
        return Map.of();
    }

    /**
     * Whether a subscription to {@code destination} is a non-durable topic subscription: what it missed while away,
     * or gave back, is gone for it (at-most-once).
     */
    public static boolean isNonDurableTopic(String destination, boolean durable) {
        return !durable && destination != null
                && (destination.startsWith("/topic/") || destination.startsWith("/exchange/"));
    }
}
