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
