package org.stompest.client.faults;

import java.util.concurrent.atomic.AtomicLong;

import org.stompest.client.MessageListener;
import org.stompest.client.StompMessage;
import org.stompest.error.StompConnectionError;

/**
 * A client-individual listener that checks each body ({@link Bodies}), records it in the {@link Tally}, then ACKs.
 * An ACK refused because the message came on a connection that is gone since is fine: the broker redelivers it
 * (a duplicate, counted as such).
 */
public final class VerifyingListener implements MessageListener {
    private final Tally tally;
    private final AtomicLong ackFailures = new AtomicLong();

    public VerifyingListener(Tally tally) {
        this.tally = tally;
    }

    public long ackFailures() {
        return ackFailures.get();
    }

    @Override
    public void onMessage(StompMessage message) {
        long seq = Bodies.verify(message.body());
        if (seq == Bodies.CORRUPT) {
            tally.corrupted();
        } else {
            tally.received(seq);
        }
        try {
            message.ack();
        } catch (StompConnectionError e) {
            ackFailures.incrementAndGet();
        }
    }
}
