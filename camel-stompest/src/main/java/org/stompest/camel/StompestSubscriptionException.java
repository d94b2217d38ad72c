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
package org.stompest.camel;

import org.stompest.client.StompBrokerError;
import org.stompest.protocol.StompFrame;

/**
 * The broker refused a consumer's subscription with an ERROR frame (a denied destination, a bad selector): what the
 * route's exception handler gets. It carries the broker's error underneath.
 */
public class StompestSubscriptionException extends Exception {
    private static final long serialVersionUID = 1L;

    public StompestSubscriptionException(String destination, StompFrame error) {
        super("Broker refused the subscription to " + destination + ": " + StompBrokerError.summary(error),
              new StompBrokerError(error));
    }
}
