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

import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.stompest.client.BrokerProfile;
import org.stompest.protocol.StompSpec;

/**
 * Which headers cross between STOMP frames and Camel messages.
 *
 * <ul>
 * <li>Received (STOMP → Camel): every header but those that describe the broker's delivery rather than the message
 * ({@link BrokerProfile#DELIVERY_HEADERS}: framing, ids, ack, routing type, delivery attributes, and the brokers'
 * internal {@code __amq}, {@code _amq} and {@code JMSX} headers). A relay must not send them on: Artemis routes by
 * {@code destination-type} before the destination's prefix, and an inbound {@code persistent:false} would beat the
 * producer's own settings. {@code destination}, {@code message-id}, {@code subscription}, {@code ack} and the
 * delivery attributes arrive as {@link StompestConstants} headers instead.</li>
 * <li>Sent (Camel → STOMP): every header but {@code Camel*} and {@code org.apache.camel.*} ones and the protocol
 * headers the component sets itself:
 * {@code destination}, {@code receipt}, {@code transaction}, {@code content-length}, {@code content-type} (set from
 * {@link StompestConstants#CONTENT_TYPE}), and the MESSAGE headers a SEND must not carry ({@code message-id},
 * {@code subscription}, {@code ack}, {@code redelivered}, {@code receipt-id}).</li>
 * </ul>
 * Names are compared ignoring case, as Camel headers are.
 */
public class StompestHeaderFilterStrategy extends DefaultHeaderFilterStrategy {
    private static final String[] CAMEL_HEADERS = { "Camel", "camel", "org.apache.camel." };
    private static final String[] CAMEL_AND_BROKER_INTERNAL = { "Camel", "camel", "org.apache.camel.", "__AMQ",
        "__amq", "_AMQ", "_amq", "JMSX", "jmsx" };

    public StompestHeaderFilterStrategy() {
        setLowerCase(true);
        setOutFilterStartsWith(CAMEL_HEADERS);
        setInFilterStartsWith(CAMEL_AND_BROKER_INTERNAL);
        getInFilter().addAll(BrokerProfile.DELIVERY_HEADERS);

        getOutFilter().add(StompSpec.DESTINATION_HEADER);
        getOutFilter().add(StompSpec.RECEIPT_HEADER);
        getOutFilter().add(StompSpec.RECEIPT_ID_HEADER);
        getOutFilter().add(StompSpec.TRANSACTION_HEADER);
        getOutFilter().add(StompSpec.CONTENT_LENGTH_HEADER);
        getOutFilter().add(StompSpec.CONTENT_TYPE_HEADER);
        getOutFilter().add(StompSpec.MESSAGE_ID_HEADER);
        getOutFilter().add(StompSpec.SUBSCRIPTION_HEADER);
        getOutFilter().add(StompSpec.ACK_HEADER);
        getOutFilter().add("redelivered");
        getOutFilter().add("destination-type");
    }
}
