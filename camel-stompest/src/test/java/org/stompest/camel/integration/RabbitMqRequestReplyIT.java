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
        String queue = unique("service");
        service(queue, "");

        assertThatThrownBy(() -> template.requestBody("stompest:queue:" + queue + "?replyTo=/queue/"
                + unique("shared") + "&requestTimeout=2000", "a"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().hasMessageStartingWith("Invalid option replyToType: shared needs message selectors");
    }
}
