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
 * <p>An extension: WebSocket brokers ({@code ws}, {@code wss}) also have a {@link #path()}, the request path of
 * the upgrade as written ({@code /ws}, or empty); it is empty for {@code tcp} and {@code ssl}.
 *
 * @param protocol {@code tcp}, {@code ssl}, {@code ws} or {@code wss}
 * @param host the host name or address, as written in the URI
 * @param port the port, as written in the URI (not range-checked, like the reference)
 * @param path the WebSocket path from its {@code /} on, as written; empty when none (always for tcp and ssl)
 */
public record StompBroker(String protocol, String host, int port, String path) {

    public StompBroker {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
    }

    /** A broker without a path, as every {@code tcp} and {@code ssl} broker. */
    public StompBroker(String protocol, String host, int port) {
        this(protocol, host, port, "");
    }

    /** Whether this is a WebSocket broker ({@code ws} or {@code wss}). */
    public boolean isWebSocket() {
        return "ws".equals(protocol) || "wss".equals(protocol);
    }

    /**
     * The reference's dict repr, e.g. {@code {'host': 'remote1', 'protocol': 'tcp', 'port': 61615}}; a non-empty
     * path is added as a last entry ({@code ..., 'port': 15674, 'path': '/ws'}).
     */
    @Override
    public String toString() {
        return "{'host': " + Repr.str(host) + ", 'protocol': " + Repr.str(protocol) + ", 'port': " + port
                + (path.isEmpty() ? "" : ", 'path': " + Repr.str(path)) + "}";
    }
}
