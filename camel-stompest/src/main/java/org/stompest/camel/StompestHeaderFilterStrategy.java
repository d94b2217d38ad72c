package org.stompest.camel;

import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.stompest.protocol.StompSpec;

/**
 * Which headers cross between STOMP frames and Camel messages.
 *
 * <ul>
 * <li>Received (STOMP → Camel): every header but the framing ones ({@code content-length}) and those a broker may
 * copy from the SEND ({@code receipt}, {@code transaction}). {@code destination}, {@code message-id},
 * {@code subscription} and {@code ack} arrive as the {@link StompestConstants} headers instead.</li>
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

    public StompestHeaderFilterStrategy() {
        setLowerCase(true);
        setInFilterStartsWith(CAMEL_HEADERS);
        setOutFilterStartsWith(CAMEL_HEADERS);
        getInFilter().add(StompSpec.CONTENT_LENGTH_HEADER);
        getInFilter().add(StompSpec.RECEIPT_HEADER);
        getInFilter().add(StompSpec.TRANSACTION_HEADER);
        getInFilter().add(StompSpec.DESTINATION_HEADER);
        getInFilter().add(StompSpec.MESSAGE_ID_HEADER);
        getInFilter().add(StompSpec.SUBSCRIPTION_HEADER);
        getInFilter().add(StompSpec.ACK_HEADER);

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
    }
}
