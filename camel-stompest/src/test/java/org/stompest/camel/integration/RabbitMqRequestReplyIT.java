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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.camel.CamelExecutionException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestEndpoint;

/**
 * Request-reply on RabbitMQ: temporary replies go to a {@code /temp-queue/}, which RabbitMQ makes from the request's
 * reply-to (the service sees a {@code /reply-queue/amq.gen-...}) and subscribes by itself; it has no selectors, so
 * a shared replyTo is refused with an error naming the option.
 */
class RabbitMqRequestReplyIT extends AbstractRequestReplyIT {

    @Override
    protected String brokerUri() {
        return SharedBrokers.rabbitMq().stompUri();
    }

    @Override
    protected String temporaryReplyToPrefix() {
        return "/reply-queue/";
    }

    @Test
    @Override
    void producersSharingAReplyToGetTheirOwnReplies() throws Exception {
        assertFirstRequestRefused("replyTo=/queue/" + unique("shared"))
                .hasMessageStartingWith("Invalid option replyToType: shared needs message selectors");
    }

    /**
     * A {@code /temp-queue/} replyTo as written: RabbitMQ refuses a SUBSCRIBE to it, so the requestor sends none and
     * listens under the subscription RabbitMQ makes for it; requests after a reconnect make the queue anew.
     */
    @Test
    void aTempQueueReplyToAsWrittenGetsTheReplies() throws Exception {
        String queue = unique("service");
        service(queue, "");
        String uri = "stompest:queue:" + queue + "?replyTo=/temp-queue/" + unique("replies")
                     + "&requestTimeout=10000"; // no replyToType: a /temp-queue/ replyTo is exclusive by default

        assertThat(template.requestBody(uri, "a", String.class)).isEqualTo("Hello a");
        assertThat(template.requestBody(uri, "b", String.class)).isEqualTo("Hello b");
        StompestEndpoint endpoint = context.getEndpoint(uri, StompestEndpoint.class);
        long reconnects = endpoint.connection().stats().reconnects();
        endpoint.connection().reconnect();
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.connection().stats().reconnects() > reconnects
                && endpoint.connection().isConnected());
        assertThat(template.requestBody(uri, "c", String.class)).isEqualTo("Hello c");
    }

    /** A request to a live service through a producer with {@code options}: the cause of its failure. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertFirstRequestRefused(String options)
            throws Exception {
        String queue = unique("service");
        service(queue, "");
        return assertThatThrownBy(() -> template.requestBody("stompest:queue:" + queue + "?" + options
                + "&requestTimeout=5000", "a")).isInstanceOf(CamelExecutionException.class).cause();
    }
}
