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

/**
 * A handle on a subscription of a {@link StompConnection}. It survives reconnects: the connection resubscribes with
 * the same {@link #id()} after each one, until {@link #unsubscribe()}.
 */
public interface Subscription {
    /**
     * The SUBSCRIBE {@code id}, stable across reconnects. After a {@link ListenerFailure#REDELIVER} resubscribe the
     * id on the wire is {@code <id>~g<n>}; this and {@link StompMessage#subscriptionId()} stay {@code <id>}.
     */
    String id();

    String destination();

    /** {@code auto}, {@code client} or {@code client-individual}. */
    String ackMode();

    /** True until {@link #unsubscribe()} or the connection is closed. */
    boolean isActive();

    /** Sends UNSUBSCRIBE (when connected) and stops delivery; messages still queued are dropped. Idempotent. */
    void unsubscribe();

    /** How many MESSAGE frames arrived for this subscription. */
    long received();
}
