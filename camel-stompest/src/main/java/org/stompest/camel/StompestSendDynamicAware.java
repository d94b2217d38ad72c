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
import org.apache.camel.Processor;
import org.apache.camel.spi.annotations.SendDynamic;
import org.apache.camel.support.component.SendDynamicAwareSupport;

/**
 * {@code toD("stompest:queue:${header.q}")} with one endpoint and one producer for every destination: the static
 * endpoint keeps the destination as written, and the destination the exchange computed goes in the
 * {@code CamelStompestDestinationOverride} header, which the producer honours (as camel-jms does).
 */
@SendDynamic("stompest")
public class StompestSendDynamicAware extends SendDynamicAwareSupport {

    @Override
    public boolean isLenientProperties() {
        return false;
    }

    @Override
    public DynamicAwareEntry prepare(Exchange exchange, String uri, String originalUri) {
        return new DynamicAwareEntry(uri, originalUri, null, null);
    }

    @Override
    public String resolveStaticUri(Exchange exchange, DynamicAwareEntry entry) {
        String destination = destination(entry.getUri());
        String original = destination(entry.getOriginalUri());
        if (destination.equals(original)) {
            return null; // not dynamic in the path: Camel uses the URI as it is
        }
        return entry.getUri().replace(destination, original);
    }

    @Override
    public Processor createPreProcessor(Exchange exchange, DynamicAwareEntry entry) {
        if (exchange.getMessage().getHeader(StompestConstants.DESTINATION_OVERRIDE) != null) {
            return null;
        }
        String destination = destination(entry.getUri());
        return e -> e.getMessage().setHeader(StompestConstants.DESTINATION_OVERRIDE, destination);
    }

    @Override
    public Processor createPostProcessor(Exchange exchange, DynamicAwareEntry entry) {
        return null;
    }

    /** The path of a stompest: URI: after the scheme, before the options. */
    static String destination(String uri) {
        String path = uri.substring(uri.indexOf(':') + 1);
        int question = path.indexOf('?');
        path = question < 0 ? path : path.substring(0, question);
        return path.startsWith("//") ? path.substring(2) : path;
    }
}
