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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestConstants;

/** InOut: the producer waits for the reply an InOut consumer sends to its reply-to. */
class RequestReplyIT extends StompestITSupport {

    private void service(String queue) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue + "?exchangePattern=InOut&concurrentConsumers=2")
                        .setHeader("seen-reply-to", header(StompestConstants.REPLY_TO))
                        .transform(simple("Hello ${body}"));
            }
        });
    }

    @Test
    void aRequestGetsItsReply() throws Exception {
        String queue = unique("service");
        service(queue);

        Object reply = template.requestBody("stompest:queue:" + queue, "World");

        assertThat(reply).isInstanceOf(byte[].class);
        assertThat(context.getTypeConverter().convertTo(String.class, reply)).isEqualTo("Hello World");
    }

    @Test
    void concurrentRequestsGetTheirOwnReplies() throws Exception {
        String queue = unique("service");
        service(queue);
        List<CompletableFuture<String>> replies = new ArrayList<>();

        for (int i = 0; i < 50; i++) {
            replies.add(template.asyncRequestBody("stompest:queue:" + queue, "n" + i, String.class));
        }

        for (int i = 0; i < 50; i++) {
            assertThat(replies.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("Hello n" + i);
        }
    }

    @Test
    void theReplyToOptionNamesTheReplyDestination() throws Exception {
        String queue = unique("service");
        String replies = "/queue/" + unique("replies");
        service(queue);

        org.apache.camel.Exchange exchange = template.request("stompest:queue:" + queue + "?replyTo=" + replies,
                e -> e.getMessage().setBody("you"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("Hello you");
        assertThat(exchange.getMessage().getHeader("seen-reply-to")).isEqualTo(replies);
        assertThat(template.requestBody("stompest:queue:" + queue + "?replyTo=" + replies, "again", String.class))
                .isEqualTo("Hello again");
    }

    @Test
    void noReplyWithinRequestTimeoutFailsTheExchange() {
        String queue = unique("nobody");
        long start = System.nanoTime();

        assertThatThrownBy(() -> template.requestBody("stompest:queue:" + queue + "?requestTimeout=300", "anyone?"))
                .isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(ExchangeTimedOutException.class)
                .cause().hasMessageContaining("No reply from /queue/" + queue);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(300L, 5000L);
    }
}
