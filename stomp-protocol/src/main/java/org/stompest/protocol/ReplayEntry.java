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
