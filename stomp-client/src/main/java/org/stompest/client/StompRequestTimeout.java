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

import org.stompest.error.StompConnectionError;

/**
 * No reply came on time for a {@link Requestor#request}:
 * {@code No reply on time [destination=/queue/service, correlation-id=..., timeout=PT5S]}.
 */
public final class StompRequestTimeout extends StompConnectionError {
    private static final long serialVersionUID = 1L;

    private final String destination;
    private final String correlationId;

    public StompRequestTimeout(String destination, String correlationId, Duration timeout) {
        super("No reply on time [destination=" + destination + ", correlation-id=" + correlationId + ", timeout="
                + timeout + "]");
        this.destination = destination;
        this.correlationId = correlationId;
    }

    /** Where the request was sent. */
    public String destination() {
        return destination;
    }

    /** The {@code correlation-id} the reply was awaited with. */
    public String correlationId() {
        return correlationId;
    }
}
