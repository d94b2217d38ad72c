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

import org.stompest.protocol.StompFrame;

/**
 * Observes a {@link StompConnection}. State changes arrive in transition order, never under the connection's locks,
 * on the thread that made the transition (a caller, the reader or the reconnect thread) or one delivering earlier
 * events; ERROR frames arrive on the reader thread. Return quickly and do not block.
 */
public interface ConnectionListener {
    /** The connection moved from {@code from} to {@code to}. */
    default void stateChanged(StompConnection.State from, StompConnection.State to) {
    }

    /** The broker sent an ERROR frame (its {@code message} header and body describe the problem). */
    default void errorReceived(StompFrame error) {
    }

    /**
     * The broker answered CONNECT with this ERROR (a wrong login or passcode, an unknown virtual host), after
     * {@link #errorReceived}: the failover loop goes on with its next attempt. Each refused attempt calls it again.
     */
    default void connectRefused(StompFrame error) {
    }
}
