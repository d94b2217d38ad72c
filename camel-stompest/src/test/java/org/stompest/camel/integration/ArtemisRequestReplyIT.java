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
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestConstants;

/**
 * Request-reply on Artemis 2.55: it has no /temp-queue/ of its own (a SUBSCRIBE to one just auto-creates an address
 * of that name), so temporary replies come to an auto-created queue, which Artemis deletes once its consumer left.
 */
class ArtemisRequestReplyIT extends AbstractRequestReplyIT {

    @Override
    protected String temporaryReplyToPrefix() {
        return "/queue/stompest.reply.";
    }

    @Test
    /** Artemis deletes such a queue on its next address-queue scan (every 30 s by default): nothing is left. */
    void theTemporaryReplyQueueIsAutoDeletedAndUnusedOnceItsProducerStops() throws Exception {
        String queue = unique("service");
        service(queue, "");
        Producer producer = context.getEndpoint("stompest:queue:" + queue).createProducer();
        producer.start();
        Exchange exchange = new DefaultExchange(context, ExchangePattern.InOut);
        exchange.getMessage().setBody("once");

        producer.process(exchange);

        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("Hello once");
        String replyTo = getMockEndpoint("mock:seen").getExchanges().get(0).getMessage()
                .getHeader(StompestConstants.REPLY_TO, String.class);
        SimpleString replyQueue = SimpleString.of(replyTo.substring("/queue/".length()));
        assertThat(SharedBrokers.artemis().server().locateQueue(replyQueue)).isNotNull();
        producer.stop();
        org.apache.activemq.artemis.core.server.Queue reply = SharedBrokers.artemis().server().locateQueue(replyQueue);
        assertThat(reply == null || reply.isAutoCreated() && reply.isAutoDelete()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> reply == null
                || reply.getConsumerCount() == 0 && reply.getMessageCount() == 0);
    }
}
