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
