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
package org.stompest.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.stompest.protocol.StompBroker;
import org.stompest.protocol.StompSpec;

/**
 * What a {@link WebSocketTransport} needs before it opens: the JDK client of a connection (executor and TLS from the
 * config), and for each broker its request URI, its sub-protocols and its frame mode ({@code #text} or
 * {@code #binary} after the path; the fragment is never sent).
 */
final class WebSocketSetup {
    private static final String TEXT = "#text";
    private static final String BINARY = "#binary";

    private WebSocketSetup() {
    }

    /** The client for every WebSocket of one connection: the runtime's callback executor, the config's TLS. */
    static HttpClient client(StompConfig config, ClientRuntime runtime) {
        HttpClient.Builder builder = HttpClient.newBuilder().executor(runtime.callbacks())
                .connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        if (config.sslContext() != null || !config.hostnameVerification()) {
            SSLContext context = config.sslContext();
            if (context == null) {
                try {
                    context = SSLContext.getDefault();
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("No default SSLContext", e);
                }
            }
            builder.sslContext(config.hostnameVerification() ? context : NoHostnameVerification.wrap(context));
        }
        return builder.build();
    }

    /** {@code v12.stomp}, {@code v11.stomp}, {@code v10.stomp}: the versions up to {@code highest}, highest first. */
    static List<String> subprotocols(String highest) {
        List<String> protocols = new ArrayList<>();
        for (String version : StompSpec.VERSIONS) {
            if (version.compareTo(highest) <= 0) {
                protocols.add(0, "v" + version.replace(".", "") + ".stomp");
            }
        }
        return protocols;
    }

    /**
     * Validates the frame mode in the broker's path: none, {@code #text} or {@code #binary}.
     *
     * @throws IllegalArgumentException naming the broker and the fragment otherwise
     */
    static void checkFragment(StompBroker broker) {
        String fragment = fragment(broker);
        if (!fragment.isEmpty() && !fragment.equals(TEXT) && !fragment.equals(BINARY)) {
            throw new IllegalArgumentException("Unknown WebSocket frame mode '" + fragment + "' in "
                    + broker.protocol() + "://" + broker.host() + ":" + broker.port() + broker.path()
                    + " (expected #text or #binary)");
        }
    }

    /** Whether {@code broker} asks for text messages ({@code #text}). */
    static boolean isText(StompBroker broker) {
        return fragment(broker).equals(TEXT);
    }

    private static String fragment(StompBroker broker) {
        int hash = broker.path().indexOf('#');
        return hash < 0 ? "" : broker.path().substring(hash);
    }

    /** The request URI: the path without its fragment, {@code /} when none. */
    static URI uri(StompBroker broker) {
        int hash = broker.path().indexOf('#');
        String path = hash < 0 ? broker.path() : broker.path().substring(0, hash);
        return URI.create(broker.protocol() + "://" + broker.host() + ":" + broker.port()
                + (path.isEmpty() ? "/" : path));
    }

    /**
     * The first message in {@code error}'s causes: the JDK wraps what went wrong (such as {@code Invalid UTF-8 in
     * frame TEXT}, a broker sending binary bodies in text messages) in a bare {@code ProtocolException}.
     */
    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t == error ? t.toString() : error.getClass().getName() + ": " + t.getMessage();
            }
        }
        return error.toString();
    }
}
