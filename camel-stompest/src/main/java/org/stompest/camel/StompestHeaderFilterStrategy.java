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

import java.util.Set;

import org.apache.camel.Exchange;
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
 *
 * <p>While the received direction keeps this configuration (its settings as the constructor left them,
 * {@link #getInFilter()} not asked for, not a subclass), each received header is decided by
 * {@link #letsIn(String, Object)}: the same decision, with the prefixes looked at only for a name whose first
 * letter can start one.
 */
public class StompestHeaderFilterStrategy extends DefaultHeaderFilterStrategy {
    private static final String[] CAMEL_HEADERS = { "Camel", "camel", "org.apache.camel." };
    private static final String[] CAMEL_AND_BROKER_INTERNAL = { "Camel", "camel", "org.apache.camel.", "__AMQ",
        "__amq", "_AMQ", "_amq", "JMSX", "jmsx" };

    /** The first letters of {@link #CAMEL_AND_BROKER_INTERNAL}. */
    private static final String PREFIX_STARTS = "Cco_Jj";

    /**
     * Whether what has no getter is still as the constructor set it: the class, the in-filter set and its
     * starts-with prefixes ({@link #isStockIn()} reads the rest).
     */
    private volatile boolean stockIn;

    public StompestHeaderFilterStrategy() {
        setLowerCase(true);
        setOutFilterStartsWith(CAMEL_HEADERS);
        setInFilterStartsWith(CAMEL_AND_BROKER_INTERNAL);
        super.getInFilter().addAll(BrokerProfile.DELIVERY_HEADERS);

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
        stockIn = getClass() == StompestHeaderFilterStrategy.class;
    }

    /** Whether {@link #letsIn} gives this strategy's decision for received headers. */
    boolean isStockIn() {
        return stockIn && isLowerCase() && isCaseInsensitive() && isFilterOnMatch() && !isAllowNullValues()
                && getInFilterPattern() == null;
    }

    /** While {@link #isStockIn()}, {@link #letsIn}'s decision (the same as Camel's, a set lookup for most names). */
    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return isStockIn() ? !letsIn(headerName, headerValue)
                : super.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }

    /**
     * The decision of the constructor's configuration for a received header, as Camel 4.18's
     * {@code DefaultHeaderFilterStrategy} makes it ({@code !applyFilterToExternalHeaders}): a name and a value,
     * neither the name nor its lower case starting with a {@code Camel}/{@code camel}/{@code org.apache.camel.}/
     * broker-internal prefix, and the lower case not one of {@link BrokerProfile#DELIVERY_HEADERS}. The prefixes
     * are only tried for a name whose first letter can start one: most names are decided by one set lookup.
     */
    static boolean letsIn(String name, Object value) {
        if (name == null || value == null) {
            return false;
        }
        String lower = name.toLowerCase();
        if (mayStartAPrefix(name) || mayStartAPrefix(lower)) {
            for (String prefix : CAMEL_AND_BROKER_INTERNAL) {
                if (name.startsWith(prefix) || lower.startsWith(prefix)) {
                    return false;
                }
            }
        }
        return !BrokerProfile.DELIVERY_HEADERS.contains(lower);
    }

    private static boolean mayStartAPrefix(String name) {
        return !name.isEmpty() && PREFIX_STARTS.indexOf(name.charAt(0)) >= 0;
    }

    /** The set can be changed through what this returns, so {@link #letsIn} no longer applies. */
    @Override
    public Set<String> getInFilter() {
        stockIn = false;
        return super.getInFilter();
    }

    @Override
    public void setInFilter(Set<String> value) {
        stockIn = false;
        super.setInFilter(value);
    }

    @Override
    public void setInFilter(String value) {
        stockIn = false;
        super.setInFilter(value);
    }

    @Override
    public void setInFilterStartsWith(String... value) {
        stockIn = false;
        super.setInFilterStartsWith(value);
    }




}
