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
package org.stompest.camel.telemetry;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractMessagingSpanDecorator;
import org.stompest.camel.StompestConstants;
import org.stompest.camel.StompestEndpoint;

/**
 * The span decorator of the {@code stompest} scheme for Camel's telemetry SPI (camel-telemetry, used by
 * camel-opentelemetry2 and camel-micrometer-observability), found through {@code META-INF/services}. Spans carry the
 * messaging attributes {@code messaging.system=stomp}, {@code messaging.destination.name} (the STOMP destination),
 * {@code messaging.message.id} (the broker's {@code message-id} on the consuming side) and
 * {@code messaging.operation} ({@code publish} from a producer, {@code receive} at a consumer). The trace context is
 * injected into the exchange's headers, which the component sends as STOMP headers, and extracted from them on the
 * consuming side, so one trace spans a produce-consume hop through the broker.
 *
 * <p>camel-telemetry is an optional dependency: nothing but the service loader of the tracer loads this class.
 */
public class StompestSpanDecorator extends AbstractMessagingSpanDecorator {
    static final String MESSAGING_SYSTEM = "messaging.system";
    static final String MESSAGING_OPERATION = "messaging.operation";

    @Override
    public String getComponent() {
        return "stompest";
    }

    @Override
    public String getComponentClassName() {
        return "org.stompest.camel.StompestComponent";
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        span.setTag(MESSAGING_SYSTEM, "stomp");
        span.setTag(MESSAGING_OPERATION, isConsumed(exchange, endpoint) ? "receive" : "publish");
    }

    /** The STOMP destination ({@code /queue/orders}) rather than the URI path. */
    @Override
    protected String getDestination(Exchange exchange, Endpoint endpoint) {
        String destination = exchange.getMessage().getHeader(StompestConstants.DESTINATION, String.class);
        if (destination != null && isConsumed(exchange, endpoint)) {
            return destination;
        }
        if (endpoint instanceof StompestEndpoint stompest) {
            return stompest.getStompDestination();
        }
        return super.getDestination(exchange, endpoint);
    }

    @Override
    protected String getMessageId(Exchange exchange) {
        return exchange.getMessage().getHeader(StompestConstants.MESSAGE_ID, String.class);
    }

    private static boolean isConsumed(Exchange exchange, Endpoint endpoint) {
        return exchange.getFromEndpoint() == endpoint;
    }
}
