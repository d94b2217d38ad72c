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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A parsed failover URI, the reference's {@code StompFailoverUri}: {@link #brokers()} and {@link #options()}.
 * The syntax is close to ActiveMQ's failover transport:
 * <pre>
 * failover:(tcp://remote1:61615,ssl://localhost:61616)?randomize=false,maxReconnectAttempts=3
 * failover:tcp://remote1:61615,tcp://localhost:61616
 * tcp://localhost:61613
 * </pre>
 *
 * <p>The grammar, as the reference implements it (parsed by hand, no regex):
 * <ol>
 * <li>Split at the <b>first</b> {@code ?}: brokers before, options after (none: defaults). A later {@code ?} is
 * part of an option value.</li>
 * <li>Drop a leading {@code failover:} once; it is optional.</li>
 * <li>Parse the options first (see {@link StompFailoverOptions}), so an options error wins over a broker error.</li>
 * <li>If the broker part both starts with {@code (} and ends with {@code )}, drop that pair; one without the
 * other is an error. Split the rest at every {@code ,}.</li>
 * <li>Each item is {@code tcp://host:port} or {@code ssl://host:port}: the scheme is case-sensitive, the host is
 * one or more characters other than {@code :} and is not validated further (the reference accepts
 * {@code 123.456.789.0} or {@code a b}), and the port is mandatory, ASCII digits only (leading zeros allowed).
 * Nothing is trimmed, so {@code tcp://a:1, tcp://b:2} is rejected for the space. Unlike the reference, a port
 * beyond Java's {@code int} range is rejected.</li>
 * </ol>
 *
 * <p>A bad URI throws {@link IllegalArgumentException} whose message is
 * {@code invalid uri: <uri> [invalid options: <detail>]} or {@code invalid uri: <uri> [invalid broker(s):
 * <detail>]}, e.g. {@code invalid uri: tcp://a [invalid broker(s): 'tcp://a' (expected tcp://host:port or
 * ssl://host:port)]}.
 */
public final class StompFailoverUri {
    private static final String FAILOVER_PREFIX = "failover:";
    private static final String EXPECTED = " (expected tcp://host:port or ssl://host:port)";

    private final String uri;
    private final List<StompBroker> brokers;
    private final StompFailoverOptions options;

    /**
     * Parses a failover URI.
     *
     * @throws IllegalArgumentException if the URI is not valid, with the message described in the class comment
     */
    public StompFailoverUri(String uri) {
        this.uri = Objects.requireNonNull(uri, "uri");
        int question = uri.indexOf('?');
        String brokerPart = question < 0 ? uri : uri.substring(0, question);
        String optionPart = question < 0 ? "" : uri.substring(question + 1);
        if (brokerPart.startsWith(FAILOVER_PREFIX)) {
            brokerPart = brokerPart.substring(FAILOVER_PREFIX.length());
        }
        try {
            this.options = StompFailoverOptions.parse(optionPart);
            this.brokers = parseBrokers(brokerPart);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid uri: " + uri + " [" + e.getMessage() + "]", e);
        }
    }

    /** The URI exactly as given. */
    public String uri() {
        return uri;
    }

    /** The brokers in the order written; an unmodifiable list with at least one element. */
    public List<StompBroker> brokers() {
        return brokers;
    }

    /** The transport options, defaults where the URI names none. */
    public StompFailoverOptions options() {
        return options;
    }

    private static List<StompBroker> parseBrokers(String part) {
        boolean opens = part.startsWith("(");
        boolean closes = part.endsWith(")");
        if (opens && closes && part.length() > 1) {
            part = part.substring(1, part.length() - 1);
        } else if (opens || closes) {
            throw invalidBrokers(Repr.str(part) + " (unbalanced parentheses)");
        }
        List<StompBroker> result = new ArrayList<>();
        int start = 0;
        while (start <= part.length()) {
            int comma = part.indexOf(',', start);
            int end = comma < 0 ? part.length() : comma;
            result.add(parseBroker(part.substring(start, end)));
            start = end + 1;
        }
        return Collections.unmodifiableList(result);
    }

    /** One {@code tcp://host:port} or {@code ssl://host:port} item. */
    private static StompBroker parseBroker(String item) {
        String protocol = item.startsWith("tcp://") ? "tcp" : item.startsWith("ssl://") ? "ssl" : null;
        int hostStart = "tcp://".length();
        int colon = protocol == null ? -1 : item.indexOf(':', hostStart);
        if (colon <= hostStart || colon == item.length() - 1) {
            throw invalidBrokers(Repr.str(item) + EXPECTED);
        }
        long port = 0;
        for (int i = colon + 1; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c < '0' || c > '9') {
                throw invalidBrokers(Repr.str(item) + EXPECTED);
            }
            port = Math.min(port * 10 + (c - '0'), 1L + Integer.MAX_VALUE);
        }
        if (port > Integer.MAX_VALUE) {
            throw invalidBrokers(Repr.str(item) + " (port out of range)");
        }
        return new StompBroker(protocol, item.substring(hostStart, colon), (int) port);
    }

    private static IllegalArgumentException invalidBrokers(String detail) {
        return new IllegalArgumentException("invalid broker(s): " + detail);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StompFailoverUri && uri.equals(((StompFailoverUri) other).uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    /** The URI exactly as given, like the reference's {@code str()}. */
    @Override
    public String toString() {
        return uri;
    }
}
