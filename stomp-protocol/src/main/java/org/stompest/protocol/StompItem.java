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

/**
 * What a {@link StompParser} yields and a transport writes: a {@link StompFrame} or a {@link StompHeartBeat}.
 * Sealed so that a {@code switch} or {@code instanceof} over the two is exhaustive.
 */
public sealed interface StompItem permits StompFrame, StompHeartBeat {
    /** The wire bytes of this item. */
    byte[] toBytes();

    /** A log-friendly form that never shows a passcode. */
    String info();

    /** True for a heart-beat: the reference tells the two apart by a heart-beat's falsy truth value. */
    default boolean isHeartBeat() {
        return false;
    }
}
