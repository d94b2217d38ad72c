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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.SpanContextPropagationExtractor;
import org.apache.camel.telemetry.SpanContextPropagationInjector;
import org.apache.camel.telemetry.SpanLifecycleManager;
import org.apache.camel.telemetry.Tracer;
import org.junit.jupiter.api.Test;

/**
 * Camel's telemetry SPI with an in-memory tracer: the {@code stompest} spans carry the messaging attributes, and the
 * trace context travels in STOMP headers from the producing route through the broker to the consuming route.
 */
class TracingIT extends StompestITSupport {
    private final String queue = unique("trace");
    private final InMemoryTracer tracer = new InMemoryTracer();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        tracer.init(camelContext);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:trace").routeId("trace-out").to("stompest:queue:" + queue);
                from("stompest:queue:" + queue).routeId("trace-in").to("mock:traced");
            }
        };
    }

    @Test
    void oneTraceAcrossTheProducingAndTheConsumingRoute() throws Exception {
        getMockEndpoint("mock:traced").expectedMessageCount(1);
        template.sendBody("direct:trace", "traced order");
        getMockEndpoint("mock:traced").assertIsSatisfied();
        assertThat(getMockEndpoint("mock:traced").getExchanges().get(0).getMessage().getHeader("traceparent"))
                .as("the trace context came in a STOMP header").isNotNull();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(stompestSpans()).as("%s", tracer.finished).hasSize(2));
        MemorySpan publish = stompestSpans().stream().filter(s -> "publish".equals(s.tags.get("messaging.operation")))
                .findFirst().orElseThrow();
        MemorySpan receive = stompestSpans().stream().filter(s -> "receive".equals(s.tags.get("messaging.operation")))
                .findFirst().orElseThrow();
        for (MemorySpan span : List.of(publish, receive)) {
            assertThat(span.tags).containsEntry("messaging.system", "stomp")
                    .containsEntry("messaging.destination.name", "/queue/" + queue)
                    .containsEntry("component", "camel-stompest");
        }
        assertThat(receive.tags.get("messaging.message.id")).as("the broker's message-id").isNotBlank();
        assertThat(receive.traceId).as("one trace across both routes").isEqualTo(publish.traceId);
        assertThat(tracer.finished).as("every span of the hop in that trace")
                .allSatisfy(span -> assertThat(span.traceId).isEqualTo(publish.traceId));
    }

    private List<MemorySpan> stompestSpans() {
        return tracer.finished.stream().filter(s -> "camel-stompest".equals(s.tags.get("component"))).toList();
    }

    /** A span kept in memory: its trace id and tags. */
    static final class MemorySpan implements Span {
        final String traceId;
        final String spanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        final Map<String, String> tags = new ConcurrentHashMap<>();

        MemorySpan(String traceId) {
            this.traceId = traceId;
        }

        @Override
        public String toString() {
            return traceId + " " + tags;
        }

        @Override
        public void log(Map<String, String> fields) {
        }

        @Override
        public void setTag(String key, String value) {
            if (value != null) {
                tags.put(key, value);
            }
        }

        @Override
        public void setComponent(String component) {
            setTag("component", component);
        }

        @Override
        public void setError(boolean error) {
            setTag("error", String.valueOf(error));
        }
    }

    /** A tracer whose spans stay in a list; context propagates as a W3C-style {@code traceparent} header. */
    static final class InMemoryTracer extends Tracer {
        final List<MemorySpan> finished = new CopyOnWriteArrayList<>();

        @Override
        protected void initTracer() {
            setSpanLifecycleManager(new SpanLifecycleManager() {
                @Override
                public Span create(String name, Span parent, SpanContextPropagationExtractor extractor) {
                    if (parent instanceof MemorySpan p) {
                        return new MemorySpan(p.traceId);
                    }
                    Object header = extractor == null ? null : extractor.get("traceparent");
                    if (header != null && header.toString().split("-").length == 4) {
                        return new MemorySpan(header.toString().split("-")[1]);
                    }
                    return new MemorySpan(UUID.randomUUID().toString().replace("-", ""));
                }

                @Override
                public void activate(Span span) {
                }

                @Override
                public void deactivate(Span span) {
                }

                @Override
                public void close(Span span) {
                    finished.add((MemorySpan) span);
                }

                @Override
                public void inject(Span span, SpanContextPropagationInjector injector, boolean includeTracing) {
                    MemorySpan s = (MemorySpan) span;
                    injector.put("traceparent", "00-" + s.traceId + "-" + s.spanId + "-01");
                }
            });
        }
    }
}
