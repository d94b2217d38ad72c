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

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelExecutionException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Request-reply on RabbitMQ: temporary replies come to an exclusive auto-delete queue bound to amq.direct; it has
 * no selectors, so a shared replyTo is refused with an error naming the option.
 */
class RabbitMqRequestReplyIT extends AbstractRequestReplyIT {

    @Override
    protected String brokerUri() {
        return SharedBrokers.rabbitMq().stompUri();
    }

    @Override
    protected String temporaryReplyToPrefix() {
        return "/exchange/amq.direct/stompest.reply.";
    }

    @Test
    @Override
    void producersSharingAReplyToGetTheirOwnReplies() throws Exception {
        assertFirstRequestRefused("replyTo=/queue/" + unique("shared"))
                .hasMessageStartingWith("Invalid option replyToType: shared needs message selectors");
    }

    /**
     * RabbitMQ refuses a SUBSCRIBE to {@code /temp-queue/x} (it makes such a queue only from a SEND's reply-to): a
     * producer with that replyTo fails at its first request naming the option and what to use, instead of timing out.
     */
    @Test
    void aTempQueueReplyToIsRefusedNamingWhatToUse() throws Exception {
        assertFirstRequestRefused("replyTo=/temp-queue/" + unique("replies") + "&replyToType=exclusive")
                .hasMessageStartingWith("Invalid option replyTo: /temp-queue/")
                .hasMessageContaining("replyToType=temporary");
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
