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
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestConstants;

/**
 * Request-reply as JMS users know it: a consumer replies to any message with reply-to (no exchangePattern needed),
 * keeps the requestor's correlation-id, can send failures back; producers choose their replyToType. One subclass per
 * broker.
 */
abstract class AbstractRequestReplyIT extends StompestITSupport {
    protected final AtomicInteger calls = new AtomicInteger();

    /** A service that answers Hello body, records the reply-to and correlation-id it saw, and fails on "fail". */
    protected void service(String queue, String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue + "?concurrentConsumers=2" + options)
                        .process(e -> calls.incrementAndGet())
                        .to("mock:seen")
                        .filter(body().convertToString().isEqualTo("fail"))
                            .throwException(new IllegalStateException("the service cannot"))
                        .end()
                        .transform(simple("Hello ${body}"));
            }
        });
    }

    /** The start of the reply-to a temporary-reply producer sends on this broker. */
    protected abstract String temporaryReplyToPrefix();

    @Test
    void aConsumerRepliesToAMessageWithReplyToWithoutBeingToldInOut() throws Exception {
        String queue = unique("service");
        service(queue, "");

        Object reply = template.requestBody("stompest:queue:" + queue, "World");

        assertThat(context.getTypeConverter().convertTo(String.class, reply)).isEqualTo("Hello World");
        Exchange seen = getMockEndpoint("mock:seen").getExchanges().get(0);
        assertThat(seen.getPattern().isOutCapable()).isTrue();
        assertThat(seen.getMessage().getHeader(StompestConstants.REPLY_TO, String.class))
                .startsWith(temporaryReplyToPrefix());
    }

    @Test
    void concurrentRequestsGetTheirOwnReplies() throws Exception {
        String queue = unique("service");
        service(queue, "");
        List<CompletableFuture<String>> replies = new ArrayList<>();

        for (int i = 0; i < 30; i++) {
            replies.add(template.asyncRequestBody("stompest:queue:" + queue, "n" + i, String.class));
        }

        for (int i = 0; i < 30; i++) {
            assertThat(replies.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("Hello n" + i);
        }
    }

    @Test
    void theRequestorsCorrelationIdComesBackInTheReply() throws Exception {
        String queue = unique("service");
        service(queue, "");

        Exchange exchange = template.request("stompest:queue:" + queue, e -> {
            e.getMessage().setBody("mine");
            e.getMessage().setHeader(StompestConstants.CORRELATION_ID, "my-own-id-1");
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("Hello mine");
        assertThat(exchange.getMessage().getHeader(StompestConstants.CORRELATION_ID)).isEqualTo("my-own-id-1");
        assertThat(getMockEndpoint("mock:seen").getExchanges().get(0).getMessage()
                .getHeader(StompestConstants.CORRELATION_ID)).isEqualTo("my-own-id-1");
    }

    @Test
    void disableReplyToSendsNoReply() throws Exception {
        String queue = unique("silent");
        service(queue, "&disableReplyTo=true");
        MockEndpoint seen = getMockEndpoint("mock:seen");
        seen.expectedBodiesReceived("anyone?");

        assertThatThrownBy(() -> template.requestBody("stompest:queue:" + queue + "?requestTimeout=700", "anyone?"))
                .isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(ExchangeTimedOutException.class)
                .cause().hasMessageContaining("No reply from /queue/" + queue);
        seen.assertIsSatisfied();
        assertThat(seen.getExchanges().get(0).getPattern().isOutCapable()).isFalse();
    }

    @Test
    void transferExceptionSendsTheFailureBackAndTheMessageIsNotRedelivered() throws Exception {
        String queue = unique("failing");
        service(queue, "&transferException=true");

        assertThatThrownBy(() -> template.requestBody("stompest:queue:" + queue + "?transferException=true",
                "fail"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().hasMessageContaining("java.lang.IllegalStateException: the service cannot");
        MockEndpoint seen = getMockEndpoint("mock:seen");
        seen.setAssertPeriod(500);
        seen.expectedMessageCount(1);
        seen.assertIsSatisfied();
        assertThat(calls).hasValue(1);
    }

    @Test
    void anExclusiveReplyToIsReadOnlyByItsProducer() throws Exception {
        String queue = unique("service");
        String replies = "/queue/" + unique("exclusive-replies");
        service(queue, "");

        String uri = "stompest:queue:" + queue + "?replyToType=exclusive&replyTo=" + replies;
        assertThat(template.requestBody(uri, "you", String.class)).isEqualTo("Hello you");
        assertThat(template.requestBody(uri, "again", String.class)).isEqualTo("Hello again");
        assertThat(getMockEndpoint("mock:seen").getExchanges().get(0).getMessage()
                .getHeader(StompestConstants.REPLY_TO)).isEqualTo(replies);
    }

    /** Two producers (two endpoints) share one replyTo: the selector gives each its own replies. */
    @Test
    void producersSharingAReplyToGetTheirOwnReplies() throws Exception {
        String queue = unique("service");
        String replies = "/queue/" + unique("shared-replies");
        service(queue, "");
        List<CompletableFuture<String>> first = new ArrayList<>();
        List<CompletableFuture<String>> second = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            first.add(template.asyncRequestBody("stompest:queue:" + queue + "?replyTo=" + replies, "a" + i,
                    String.class));
            second.add(template.asyncRequestBody("stompest:queue:" + queue + "?replyTo=" + replies
                    + "&requestTimeout=19000", "b" + i, String.class));
        }

        for (int i = 0; i < 10; i++) {
            assertThat(first.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("Hello a" + i);
            assertThat(second.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("Hello b" + i);
        }
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
