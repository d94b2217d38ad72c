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

import java.lang.reflect.Constructor;

import org.stompest.protocol.StompFrame;

/**
 * Builds received messages for broker-less tests of the component. StompMessage's constructor is package-private
 * and still changing, so it is called by parameter type: the frame, no connection, the subscription id, epoch 1,
 * client ack.
 */
public final class StompMessages {
    private StompMessages() {
    }

    /** A message as a subscription delivers it, on no connection (ack and nack are unavailable). */
    public static StompMessage received(StompFrame frame, String subscriptionId) {
        Constructor<?> constructor = StompMessage.class.getDeclaredConstructors()[0];
        Class<?>[] types = constructor.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == StompFrame.class) {
                arguments[i] = frame;
            } else if (types[i] == String.class) {
                arguments[i] = subscriptionId;
            } else if (types[i] == long.class) {
                arguments[i] = 1L;
            } else if (types[i] == int.class) {
                arguments[i] = 1;
            } else if (types[i] == boolean.class) {
                arguments[i] = true;
            }
        }
        try {
            constructor.setAccessible(true);
            return (StompMessage) constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a StompMessage with " + constructor, e);
        }
    }
}
