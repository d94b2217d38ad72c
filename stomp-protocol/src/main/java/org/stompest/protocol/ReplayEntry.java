package org.stompest.protocol;

import java.util.Map;

/**
 * One subscription returned by {@link StompSession#replay()}: the arguments of the original {@code subscribe} call,
 * so a client can subscribe again after a reconnect.
 *
 * @param destination the destination subscribed to
 * @param headers     a read-only copy of the headers the caller passed (no {@code destination} or {@code receipt}
 *                    added), or {@code null} if the caller passed none
 * @param receipt     the receipt the caller asked for, or {@code null}
 * @param context     the caller's context object, or {@code null}
 */
public record ReplayEntry(String destination, Map<String, String> headers, String receipt, Object context) {
}
