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
}
