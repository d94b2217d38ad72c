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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.stompest.protocol.StompSpec;

/**
 * How to subscribe: the ack mode, extra SUBSCRIBE headers, an optional selector, and how the messages are delivered
 * (threads and queue of the subscription's own executor).
 * <pre>
 * SubscriptionOptions.builder().ackMode("client-individual").concurrency(4).queueCapacity(100).build();
 * </pre>
 * An {@code id} in {@link #headers()} is used as the subscription id; otherwise the connection picks one. With one
 * thread (the default) messages are handed to the listener in arrival order. {@link #onListenerFailure()} says what
 * a client ack mode does with a message whose listener threw: by default ({@link ListenerFailure#REDELIVER}) it stays
 * unacknowledged and the subscription subscribes anew, so the broker delivers it again.
 */
public final class SubscriptionOptions {
    private static final Set<String> ACK_MODES = Set.of(StompSpec.ACK_AUTO, StompSpec.ACK_CLIENT,
            StompSpec.ACK_CLIENT_INDIVIDUAL);
    /** The default {@link #prefetch()}. */
    public static final int DEFAULT_PREFETCH = 100;
    private static final SubscriptionOptions DEFAULTS = builder().build();

    private final String ackMode;
    private final Map<String, String> headers;
    private final String selector;
    private final int concurrency;
    private final int queueCapacity;
    private final ListenerFailure listenerFailure;
    private final int prefetch;
    private final String durableSubscriptionName;
    private final boolean brokerSubscribed;

    private SubscriptionOptions(Builder b) {
        this.ackMode = b.ackMode;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.selector = b.selector;
        this.concurrency = b.concurrency;
        this.queueCapacity = b.queueCapacity;
        this.listenerFailure = b.listenerFailure;
        this.prefetch = b.prefetch;
        this.durableSubscriptionName = b.durableSubscriptionName;
        this.brokerSubscribed = b.brokerSubscribed;
    }

    /** Auto ack, no extra headers, one thread, a queue of 1000, {@link ListenerFailure#REDELIVER}. */
    public static SubscriptionOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code auto} (default), {@code client} or {@code client-individual}. */
    public String ackMode() {
        return ackMode;
    }

    /** Extra SUBSCRIBE headers (read-only). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The {@code selector} header, or {@code null}. */
    public String selector() {
        return selector;
    }

    /**
     * How many listener calls may run at once, on the runtime's shared dispatch pool ({@link
     * ClientRuntime#dispatcher()}, which bounds it); 1 (default) delivers in order.
     */
    public int concurrency() {
        return concurrency;
    }

    /** Messages buffered before the reader thread waits (backpressure). */
    public int queueCapacity() {
        return queueCapacity;
    }

    /**
     * What a client ack mode does with a message whose listener threw: {@link ListenerFailure#REDELIVER} (default)
     * or {@link ListenerFailure#NACK}.
     */
    public ListenerFailure onListenerFailure() {
        return listenerFailure;
    }

    /**
     * How many unacknowledged messages the broker may have out to a client ack subscription (default
     * {@value #DEFAULT_PREFETCH}; 0 leaves it to the broker). It becomes each broker's own flow-control header
     * ({@link BrokerProfile#prefetchHeaders(int)}), and because the broker holds back the rest, the hand-off queue of
     * such a subscription never makes the reader thread wait. Not used with ack mode {@code auto}.
     */
    public int prefetch() {
        return prefetch;
    }

    /**
     * The name of a durable topic subscription, or null: sent as each broker's durable-subscription header
     * ({@link BrokerProfile#durableHeaders(String)}); the connection needs a {@code client-id} connect header on
     * ActiveMQ Artemis and Classic.
     */
    public String durableSubscriptionName() {
        return durableSubscriptionName;
    }

    /** Whether the reader thread may have to wait for room in the hand-off queue (auto ack, or no prefetch). */
    boolean isFlowControlled() {
        return isClientAck() && prefetch > 0;
    }

    /**
     * Whether the broker subscribes this id by itself, so the client sends no SUBSCRIBE, UNSUBSCRIBE or replay for
     * it and only routes the MESSAGEs that name it: RabbitMQ makes such a subscription, named by the destination, for
     * a {@code /temp-queue/} in a SEND's {@code reply-to}. Auto ack, with the {@code id} header set to that name.
     */
    public boolean isBrokerSubscribed() {
        return brokerSubscribed;
    }

    /** Whether messages must be acknowledged by the client. */
    public boolean isClientAck() {
        return !StompSpec.ACK_AUTO.equals(ackMode);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SubscriptionOptions)) {
            return false;
        }
        SubscriptionOptions s = (SubscriptionOptions) o;
        return ackMode.equals(s.ackMode) && headers.equals(s.headers) && Objects.equals(selector, s.selector)
                && concurrency == s.concurrency && queueCapacity == s.queueCapacity
                && listenerFailure == s.listenerFailure && prefetch == s.prefetch
                && Objects.equals(durableSubscriptionName, s.durableSubscriptionName)
                && brokerSubscribed == s.brokerSubscribed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ackMode, headers, selector, concurrency, queueCapacity, listenerFailure, prefetch,
                durableSubscriptionName, brokerSubscribed);
    }

    @Override
    public String toString() {
        return "SubscriptionOptions[ackMode=" + ackMode + ", headers=" + headers
                + (selector == null ? "" : ", selector=" + selector) + ", concurrency=" + concurrency
                + ", queueCapacity=" + queueCapacity + ", onListenerFailure=" + listenerFailure + ", prefetch=" + prefetch
                + (durableSubscriptionName == null ? "" : ", durableSubscriptionName=" + durableSubscriptionName)
                + (brokerSubscribed ? ", brokerSubscribed" : "") + "]";
    }

    public static final class Builder {
        private String ackMode = StompSpec.ACK_AUTO;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String selector;
        private int concurrency = 1;
        private int queueCapacity = 1000;
        private ListenerFailure listenerFailure = ListenerFailure.REDELIVER;
        private int prefetch = DEFAULT_PREFETCH;
        private String durableSubscriptionName;
        private boolean brokerSubscribed;

        private Builder() {
        }

        /** See {@link SubscriptionOptions#prefetch()}; 0 leaves flow control to the broker. */
        public Builder prefetch(int messages) {
            this.prefetch = messages;
            return this;
        }

        /** See {@link SubscriptionOptions#durableSubscriptionName()}. */
        public Builder durableSubscriptionName(String name) {
            this.durableSubscriptionName = name;
            return this;
        }

        public Builder ackMode(String mode) {
            this.ackMode = mode;
            return this;
        }

        /** Extra SUBSCRIBE headers; replaces earlier ones. */
        public Builder headers(Map<String, String> headers) {
            this.headers.clear();
            if (headers != null) {
                this.headers.putAll(headers);
            }
            return this;
        }

        public Builder selector(String selector) {
            this.selector = selector;
            return this;
        }

        public Builder concurrency(int threads) {
            this.concurrency = threads;
            return this;
        }

        public Builder queueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * What a client ack mode does with a message whose listener threw (and did not settle it); default
         * {@link ListenerFailure#REDELIVER}. See {@link ListenerFailure}.
         */
        public Builder onListenerFailure(ListenerFailure policy) {
            this.listenerFailure = policy;
            return this;
        }

        /** See {@link SubscriptionOptions#isBrokerSubscribed()}. */
        public Builder brokerSubscribed(boolean brokerSubscribed) {
            this.brokerSubscribed = brokerSubscribed;
            return this;
        }

        /** @throws IllegalArgumentException naming the bad option */
        public SubscriptionOptions build() {
            if (!ACK_MODES.contains(ackMode)) {
                throw new IllegalArgumentException("Invalid ackMode: " + ackMode
                        + " (expected auto, client or client-individual)");
            }
            if (concurrency < 1) {
                throw new IllegalArgumentException("Invalid concurrency: " + concurrency + " (expected >= 1)");
            }
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("Invalid queueCapacity: " + queueCapacity + " (expected >= 1)");
            }
            if (prefetch < 0) {
                throw new IllegalArgumentException("Invalid prefetch: " + prefetch + " (expected >= 0)");
            }
            if (durableSubscriptionName != null && durableSubscriptionName.isBlank()) {
                throw new IllegalArgumentException("Invalid durableSubscriptionName: '" + durableSubscriptionName
                        + "' (expected a name, or none)");
            }
            if (listenerFailure == null) {
                throw new IllegalArgumentException("Invalid onListenerFailure: null (expected REDELIVER or NACK)");
            }
            if (brokerSubscribed && (!StompSpec.ACK_AUTO.equals(ackMode) || !headers.containsKey(StompSpec.ID_HEADER))) {
                throw new IllegalArgumentException("Invalid brokerSubscribed: needs ackMode auto and the id header "
                        + "(the broker's subscription name) [ackMode=" + ackMode + ", id=" + headers.get(StompSpec.ID_HEADER)
                        + "]");
            }
            return new SubscriptionOptions(this);
        }
    }
}
