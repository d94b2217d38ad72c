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
 * Receives the messages of one subscription, on the subscription's own executor (never on the connection's reader
 * thread). With a client ack mode the listener acknowledges with {@link StompMessage#ack()}; if it throws, the
 * message is NACKed (1.1+; left unacknowledged in 1.0) and the exception is logged at WARN.
 */
@FunctionalInterface
public interface MessageListener {
    void onMessage(StompMessage message) throws Exception;
}
