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

import java.time.Duration;
import java.util.Objects;

/**
 * One element of a {@link StompFailoverTransport} iteration: sleep for {@code delay}, then try {@code broker}.
 * It is the reference's tuple {@code (broker, delay in s)}; the delay is a {@link Duration} instead of float
 * seconds, rounded to the nearest nanosecond (the reference's {@code 0.007} is {@code Duration.ofMillis(7)}).
 *
 * @param broker the broker to try next
 * @param delay how long to wait before trying it; zero for the first attempt of an iteration
 */
public record StompFailoverAttempt(StompBroker broker, Duration delay) {

    public StompFailoverAttempt {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(delay, "delay");
    }
}
