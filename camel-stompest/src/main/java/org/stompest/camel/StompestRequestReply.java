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
package org.stompest.camel;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.stompest.camel.StompestMessageMapper.Outgoing;
import org.stompest.client.BrokerProfile;
import org.stompest.client.Requestor;
import org.stompest.client.StompConnection;
import org.stompest.client.StompMessage;

/**
 * Request-reply as JMS users know it, both halves.
 * <ul>
 * <li>Producer: {@link #requestor} makes the client's {@link Requestor} for the endpoint's {@code replyToType}:
 * <b>temporary</b> (default without {@code replyTo}): a destination the broker deletes when the producer goes,
 * chosen by the broker profile: {@code /temp-queue/<id>} on ActiveMQ Classic (a temporary queue of the connection)
 * and on RabbitMQ (an exclusive queue it makes from the request's reply-to and subscribes by itself, see
 * {@link org.stompest.client.SubscriptionOptions#isBrokerSubscribed()}), {@code /queue/stompest.reply.<id>} on
 * Artemis and others (an
 * auto-created queue Artemis deletes once its consumer left). <b>shared</b> (default with any other {@code replyTo}): the
 * fixed {@code replyTo}, read with a selector on this producer's correlation-id prefix, so several producers can
 * share it (not on RabbitMQ: it has no selectors). <b>exclusive</b> (default with a {@code /temp-queue/} {@code replyTo},
 * which belongs to one connection): the fixed {@code replyTo}, read only by this producer.</li>
 * <li>Consumer: {@link #reply} sends the exchange's message (or, with {@code transferException}, its failure) to
 * the request's {@code reply-to} with the request's {@code correlation-id}.</li>
 * </ul>
 */
final class StompestRequestReply {
    static final String TEMPORARY = "temporary";
    static final String SHARED = "shared";
    static final String EXCLUSIVE = "exclusive";
    static final String REPLY_TO_TYPES = TEMPORARY + "," + SHARED + "," + EXCLUSIVE;

    private StompestRequestReply() {
    }

    /**
     * The replyToType in force: the option; else temporary without replyTo, exclusive for a {@code /temp-queue/}
     * replyTo (a temporary queue belongs to one connection) and shared for any other.
     */
    static String replyToType(StompestConfiguration c) {
        if (c.getReplyToType() != null) {
            return c.getReplyToType();
        }
        if (c.getReplyTo() == null) {
            return TEMPORARY;
        }
        return StompestEndpoint.stompDestination(c.getReplyTo()).startsWith("/temp-queue/") ? EXCLUSIVE : SHARED;
    }

    /**
     * A requestor for a connected {@code connection}; {@code prefix} starts every correlation id the producer
     * makes. Throws IllegalArgumentException naming the option when the broker cannot do the replyToType.
     */
    static Requestor requestor(StompConnection connection, StompestConfiguration c, String prefix) {
        String type = replyToType(c);
        BrokerProfile profile = connection.brokerProfile();
        Requestor.Builder builder = Requestor.builder(connection).keepCorrelationId(true);
        if (TEMPORARY.equals(type)) {
            return builder.replyTo(switch (profile) {
                case CLASSIC, RABBITMQ -> "/temp-queue/stompest.reply." + prefix;
                default -> "/queue/stompest.reply." + prefix;
            }).build();
        }
        if (SHARED.equals(type) && profile == BrokerProfile.RABBITMQ) {
            throw new IllegalArgumentException("Invalid option replyToType: shared needs message selectors, which"
                    + " RabbitMQ does not have [use replyToType=exclusive with a replyTo of this producer's own, or"
                    + " replyToType=temporary]");
        }
        builder.replyTo(c.getReplyTo());
        return SHARED.equals(type) ? builder.selector("JMSCorrelationID LIKE '" + prefix + "-%'").build()
                : builder.build();
    }

    /** The correlation id of a request: the message's own (temporary, exclusive), else the prefix and a count. */
    static String correlationId(StompestConfiguration c, Map<String, String> headers, String prefix, long count) {
        String own = headers.get(StompestConstants.CORRELATION_ID);
        return own != null && !SHARED.equals(replyToType(c)) ? own : prefix + "-" + count;
    }

    /**
     * The exchange's exception for a reply that carries a transferred failure, or null. Only the class name and
     * message travel: nothing is deserialized.
     */
    static Exception transferredFailure(StompMessage reply, Exchange exchange) {
        String type = reply.headers().get(StompestConstants.EXCEPTION_CLASS);
        if (type == null) {
            return null;
        }
        return new CamelExchangeException("The replier failed: " + type + ": "
                + reply.headers().get(StompestConstants.EXCEPTION_MESSAGE), exchange);
    }

    /**
     * Sends the reply to {@code request}'s reply-to: the exchange's message, or its {@code failure} (class and message
     * as headers) when not null.
     */
    static void reply(StompMessage request, Exchange exchange, Throwable failure, String transaction,
                      StompConnection connection, StompestConfiguration c) throws Exception {
        String replyTo = request.headers().get(StompestConstants.REPLY_TO);
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        if (failure == null) {
            Outgoing out = StompestMessageMapper.toStomp(exchange.getMessage(), null, c.getHeaderFilterStrategy());
            headers.putAll(out.headers());
            body = out.body();
            headers.keySet().removeIf(name -> name.equalsIgnoreCase(StompestConstants.REPLY_TO)
                    || name.equalsIgnoreCase(StompestConstants.CORRELATION_ID));
        } else {
            headers.put(StompestConstants.EXCEPTION_CLASS, failure.getClass().getName());
            headers.put(StompestConstants.EXCEPTION_MESSAGE, oneLine(failure.getMessage()));
        }
        String correlationId = request.headers().get(StompestConstants.CORRELATION_ID);
        if (correlationId != null) {
            headers.put(StompestConstants.CORRELATION_ID, correlationId);
        }
        if (c.isReceipt() && transaction == null) { // inside a transaction the COMMIT's receipt confirms it
            connection.sendWithReceipt(replyTo, body, headers, transaction, Duration.ofMillis(c.getReceiptTimeout()))
                    .get(c.getReceiptTimeout(), TimeUnit.MILLISECONDS);
        } else {
            connection.send(replyTo, body, headers, transaction);
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ');
    }
}
