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
 * Identifies a subscription: {@code ('id', <id>)} when the SUBSCRIBE frame had an {@code id} header (always in
 * 1.1 and 1.2), {@code ('destination', <destination>)} for a 1.0 subscription without one. The session hands it
 * out from {@code subscribe} and {@code message}, so comparing tokens matches a MESSAGE to its subscription.
 *
 * @param name  the header the token is keyed by: {@code id} or {@code destination}
 * @param value that header's value
 */
public record SubscriptionToken(String name, String value) {
    public SubscriptionToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The token {@code ('id', id)}. */
    public static SubscriptionToken id(String id) {
        return new SubscriptionToken(StompSpec.ID_HEADER, id);
    }

    /** The token {@code ('destination', destination)}. */
    public static SubscriptionToken destination(String destination) {
        return new SubscriptionToken(StompSpec.DESTINATION_HEADER, destination);
    }

    /** The reference's tuple repr: {@code ('destination', '/queue/test')}. */
    @Override
    public String toString() {
        return "(" + Repr.str(name) + ", " + Repr.str(value) + ")";
    }
}
