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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.error.StompConnectionError;
import org.stompest.error.StompError;
import org.stompest.error.StompProtocolError;
import org.stompest.protocol.StompSpec;

/**
 * Request-reply over one {@link StompConnection}: sends a request with {@code reply-to} and a {@code correlation-id}
 * and completes a future with the reply that carries the same {@code correlation-id}.
 * <pre>
 * try (Requestor requestor = Requestor.builder(connection).build()) {
 *     StompMessage reply = requestor.request("/queue/service", body, Map.of(), Duration.ofSeconds(5)).get();
 * }
 * </pre>
 * <ol>
 * <li>The first request subscribes the reply destination ({@code ack:auto}); the connection replays that subscription
 * after every reconnect, so replies keep coming. The destination is {@link Builder#replyTo} or
 * {@code /queue/stompest.reply.<uuid>}.</li>
 * <li>Each request gets a unique {@code correlation-id}; the caller's {@code reply-to} and {@code correlation-id}
 * headers are replaced, unless {@link Builder#keepCorrelationId} keeps a caller's correlation id.</li>
 * <li>The future completes (on the runtime's callback executor) with the reply, or fails: with
 * {@link StompRequestTimeout} when none came within the timeout, with the send's error when the request could not be
 * sent (or, with a receipt, was not confirmed), and with {@link StompConnectionError} when the requestor is
 * closed.</li>
 * <li>{@link #close()} unsubscribes the reply destination and fails what is still pending. It never closes the
 * connection.</li>
 * </ol>
 * A reply nobody waits for (late, or for another requestor) is logged at DEBUG and dropped. Locks: {@code this} guards
 * the reply subscription while it is made or dropped; the pending requests are a concurrent map.
 */
public final class Requestor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Requestor.class);
    public static final String REPLY_TO_HEADER = "reply-to";
    public static final String CORRELATION_ID_HEADER = "correlation-id";

    private final StompConnection connection;
    private final String replyTo;
    private final boolean keepCorrelationId;
    private final String selector;
    private final String prefix = UUID.randomUUID().toString();
    private final AtomicLong count = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private Subscription replies;
    private boolean closed;

    private record Pending(CompletableFuture<StompMessage> future, Future<?> timeout) {
    }

    private Requestor(Builder builder) {
        this.connection = builder.connection;
        this.replyTo = builder.replyTo != null ? builder.replyTo : "/queue/stompest.reply." + UUID.randomUUID();
        this.keepCorrelationId = builder.keepCorrelationId;
        this.selector = builder.selector;
    }

    public static Builder builder(StompConnection connection) {
        return new Builder(connection);
    }

    /** The reply destination. */
    public String replyTo() {
        return replyTo;
    }

    /** How many requests wait for their reply. */
    public int pending() {
        return pending.size();
    }

    /** Sends a request (no receipt, no transaction); the future completes with the reply. */
    public CompletableFuture<StompMessage> request(String destination, byte[] body, Map<String, String> headers,
                                                  Duration timeout) {
        return request(destination, body, headers, null, false, timeout);
    }

    /**
     * Sends a request within {@code transaction} (if not null), with a receipt if {@code receipt}; the future
     * completes with the reply or fails as the class comment says.
     */
    public CompletableFuture<StompMessage> request(String destination, byte[] body, Map<String, String> headers,
                                                  String transaction, boolean receipt, Duration timeout) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<StompMessage> future = new CompletableFuture<>();
        Map<String, String> all = new LinkedHashMap<>();
        String correlationId = null;
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                String name = header.getKey();
                if (name.equalsIgnoreCase(CORRELATION_ID_HEADER) && keepCorrelationId) {
                    correlationId = header.getValue();
                } else if (!name.equalsIgnoreCase(REPLY_TO_HEADER) && !name.equalsIgnoreCase(CORRELATION_ID_HEADER)) {
                    all.put(name, header.getValue());
                }
            }
        }
        String id = correlationId != null ? correlationId : prefix + "-" + count.incrementAndGet();
        all.put(REPLY_TO_HEADER, replyTo);
        all.put(CORRELATION_ID_HEADER, id);
        try {
            subscribeReplies();
            Future<?> timer = connection.runtime().schedule(() -> expire(destination, id, timeout), timeout.toNanos());
            if (pending.putIfAbsent(id, new Pending(future, timer)) != null) {
                timer.cancel(false);
                throw new StompProtocolError("Correlation id already waits for a reply [correlation-id=" + id + "]");
            }
            if (receipt) {
                connection.sendWithReceipt(destination, body, all, transaction, null)
                        .whenComplete((frame, error) -> {
                            if (error != null) {
                                fail(id, error instanceof CompletionException && error.getCause() != null
                                        ? error.getCause() : error);
                            }
                        });
            } else {
                connection.send(destination, body, all, transaction);
            }
        } catch (StompError e) {
            if (!fail(id, e)) {
                future.completeExceptionally(e);
            }
        }
        return future;
    }

    /** Unsubscribes the reply destination and fails the pending requests; idempotent. */
    @Override
    public void close() {
        Subscription subscription;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            subscription = replies;
            replies = null;
        }
        if (subscription != null) {
            try {
                subscription.unsubscribe();
            } catch (StompError e) {
                LOG.debug("Reply subscription {} not unsubscribed [{}]", subscription.id(), e.getMessage());
            }
        }
        for (String id : pending.keySet()) {
            fail(id, new StompConnectionError("Requestor closed [reply-to=" + replyTo + ", correlation-id=" + id
                    + "]"));
        }
    }

    private synchronized void subscribeReplies() {
        if (closed) {
            throw new StompConnectionError("Requestor closed [reply-to=" + replyTo + "]");
        }
        if (replies == null) {
            SubscriptionOptions.Builder options = SubscriptionOptions.builder().ackMode("auto").selector(selector);
            if (connection.brokerProfile().subscribesReplyTo(replyTo)) {
                options.headers(Map.of(StompSpec.ID_HEADER, replyTo)).brokerSubscribed(true);
            }
            replies = connection.subscribe(replyTo, options.build(), this::onReply);
            LOG.debug("Replies of {} come to {} [subscription={}]", connection.id(), replyTo, replies.id());
        }
    }

    /** On the reply subscription's worker: completes the waiting request on the callback executor. */
    private void onReply(StompMessage reply) {
        String id = reply.headers().get(CORRELATION_ID_HEADER);
        Pending p = id == null ? null : pending.remove(id);
        if (p == null) {
            LOG.debug("Reply {} dropped: no request waits for it [correlation-id={}]", reply.messageId(), id);
            return;
        }
        p.timeout().cancel(false);
        connection.runtime().callbacks().execute(() -> p.future().complete(reply));
    }

    private void expire(String destination, String id, Duration timeout) {
        fail(id, new StompRequestTimeout(destination, id, timeout));
    }

    /** Fails the request {@code id} if it still waits; whether it did. */
    private boolean fail(String id, Throwable error) {
        Pending p = pending.remove(id);
        if (p == null) {
            return false;
        }
        p.timeout().cancel(false);
        connection.runtime().callbacks().execute(() -> p.future().completeExceptionally(error));
        return true;
    }

    /** The options of a {@link Requestor}. */
    public static final class Builder {
        private final StompConnection connection;
        private String replyTo;
        private boolean keepCorrelationId;
        private String selector;

        private Builder(StompConnection connection) {
            this.connection = Objects.requireNonNull(connection, "connection");
        }

        /** The reply destination; default {@code /queue/stompest.reply.<uuid>}. */
        public Builder replyTo(String destination) {
            this.replyTo = destination;
            return this;
        }

        /** Whether a caller's {@code correlation-id} header is kept (it must be unique among pending requests). */
        public Builder keepCorrelationId(boolean keep) {
            this.keepCorrelationId = keep;
            return this;
        }

        /**
         * A selector for the reply subscription, so that requestors sharing one reply destination each get their
         * own replies (on brokers with selectors; give each requestor's correlation ids a prefix of its own and
         * {@link #keepCorrelationId}). Default: none.
         */
        public Builder selector(String selector) {
            this.selector = selector;
            return this;
        }

        public Requestor build() {
            return new Requestor(this);
        }
    }
}
