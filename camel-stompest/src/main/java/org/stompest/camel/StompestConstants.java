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

import org.apache.camel.Exchange;
import org.apache.camel.spi.Metadata;

/**
 * The Camel headers and exchange properties of the {@code stompest:} component.
 *
 * <p>Every other STOMP header of a received MESSAGE becomes a Camel header of the same name, except the headers
 * that describe the broker's delivery ({@code destination-type}, {@code persistent}, {@code priority},
 * {@code expires}, ... see {@link StompestHeaderFilterStrategy}), and every Camel header that is neither a protocol
 * header nor a {@code Camel*} header becomes a STOMP header of the SEND.
 */
public final class StompestConstants {

    @Metadata(label = "consumer", description = "The destination the message was received from (the MESSAGE's"
            + " `destination` header).", javaType = "String")
    public static final String DESTINATION = "CamelStompestDestination";

    @Metadata(label = "consumer", description = "The broker's id of the message (the MESSAGE's `message-id`"
            + " header).", javaType = "String")
    public static final String MESSAGE_ID = "CamelStompestMessageId";

    @Metadata(label = "consumer", description = "The id of the subscription the message arrived on.",
              javaType = "String")
    public static final String SUBSCRIPTION = "CamelStompestSubscription";

    @Metadata(label = "consumer", description = "The value an ACK or NACK of this message carries: the MESSAGE's"
            + " `ack` header in STOMP 1.2, its `message-id` before.", javaType = "String")
    public static final String ACK_ID = "CamelStompestAckId";

    @Metadata(label = "consumer", description = "Whether the broker says it delivered this message before (the"
            + " MESSAGE's `redelivered` header; false when the broker does not say).", javaType = "Boolean")
    public static final String REDELIVERED = "CamelStompestRedelivered";

    @Metadata(label = "consumer", description = "The broker's `persistent` header of the received message. Delivery"
            + " attributes of a received message never steer a send: a route that wants them kept copies them into"
            + " the `persistent`, `priority` or `expires` header itself.", javaType = "String")
    public static final String PERSISTENT = "CamelStompestPersistent";

    @Metadata(label = "consumer", description = "The broker's `priority` header of the received message.",
              javaType = "String")
    public static final String PRIORITY = "CamelStompestPriority";

    @Metadata(label = "consumer", description = "The broker's `expires` header of the received message (epoch"
            + " milliseconds, 0 for never).", javaType = "String")
    public static final String EXPIRES = "CamelStompestExpires";

    @Metadata(label = "consumer", description = "The broker's `timestamp` header of the received message.",
              javaType = "String")
    public static final String TIMESTAMP = "CamelStompestTimestamp";

    @Metadata(description = "The STOMP `content-type` of the body, with its charset (for example"
            + " `text/plain;charset=UTF-8`). Received: the MESSAGE's `content-type`. Sent: String bodies get"
            + " `text/plain;charset=UTF-8` unless this header is set; its charset encodes String bodies.",
              javaType = "String")
    public static final String CONTENT_TYPE = Exchange.CONTENT_TYPE;

    @Metadata(description = "The correlation id of a request-reply exchange (the STOMP `correlation-id` header)."
            + " The InOut producer sets it (keeping one the message has, except with replyToType=shared); a consumer"
            + " copies the request's into its reply.", javaType = "String")
    public static final String CORRELATION_ID = "correlation-id";

    @Metadata(description = "Where a request wants its reply (the STOMP `reply-to` header). The InOut producer"
            + " sets it; a consumer sends its reply there unless disableReplyTo is set.", javaType = "String")
    public static final String REPLY_TO = "reply-to";

    @Metadata(label = "producer", description = "Sends the exchange to this destination instead of the"
            + " endpoint's (written as in the URI path: queue:name, topic:name or a STOMP destination); removed from"
            + " the message when sent. `toD` sets it when the route's destinations differ only in the path.",
              javaType = "String")
    public static final String DESTINATION_OVERRIDE = "CamelStompestDestinationOverride";

    @Metadata(description = "With transferException: the class name of the failure a replier sends back (a STOMP"
            + " header of the reply).", javaType = "String")
    public static final String EXCEPTION_CLASS = "stompest-exception-class";

    @Metadata(description = "With transferException: the message of the failure a replier sends back (a STOMP"
            + " header of the reply).", javaType = "String")
    public static final String EXCEPTION_MESSAGE = "stompest-exception-message";

    @Metadata(label = "consumer", description = "Exchange property (not a header): the id of the STOMP transaction"
            + " a transacted consumer began for this exchange; a `stompest:` producer on the same connection sends"
            + " inside it.", javaType = "String")
    public static final String TRANSACTION_PROPERTY = "CamelStompestTransaction";

    @Metadata(label = "consumer", description = "Exchange property (not a header): the id of the STOMP connection"
            + " the transaction of `CamelStompestTransaction` belongs to.", javaType = "String")
    public static final String TRANSACTION_CONNECTION_PROPERTY = "CamelStompestTransactionConnection";

    private StompestConstants() {
    }
}
