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
package org.stompest.protocol;

import java.util.Objects;

/**
 * One broker of a failover URI, as the reference's dict {@code {'host': …, 'protocol': …, 'port': …}}.
 *
 * <p>The host is kept exactly as written: like the reference, the failover layer does not validate it (it never
 * resolves names; connecting is the client's job). {@link #toString()} prints the reference's dict form, so
 * {@code brokers().toString()} reads like the reference's {@code print uri.brokers}.
 *
 * @param protocol {@code tcp} or {@code ssl}
 * @param host the host name or address, as written in the URI
 * @param port the port, as written in the URI (not range-checked, like the reference)
 */
public record StompBroker(String protocol, String host, int port) {

    public StompBroker {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
    }

    /** The reference's dict repr, e.g. {@code {'host': 'remote1', 'protocol': 'tcp', 'port': 61615}}. */
    @Override
    public String toString() {
        return "{'host': " + Repr.str(host) + ", 'protocol': " + Repr.str(protocol) + ", 'port': " + port + "}";
    }
}
