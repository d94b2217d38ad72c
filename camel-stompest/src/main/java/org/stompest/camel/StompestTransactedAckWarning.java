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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stompest.client.BrokerProfile;
import org.stompest.client.ConnectionListener;
import org.stompest.client.StompConnection;

/**
 * Says at WARN, once per broker profile, when a transacted consumer's connection (only those listen) connects to a broker that ignores the
 * transaction of an ACK (its {@link BrokerProfile}: Artemis): there the ACK follows the COMMIT and a crash in between
 * gives a duplicate; the route should not find that out from its data.
 */
final class StompestTransactedAckWarning implements ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(StompestConsumer.class);

    private final StompestConsumer consumer;
    private BrokerProfile told; // guarded by this

    StompestTransactedAckWarning(StompestConsumer consumer) {
        this.consumer = consumer;
    }

    /** Starts listening to the consumer's {@code connection}; if it is connected already, that counts as its connect. */
    void listenTo(StompConnection connection) {
        connection.addListener(this);
        if (connection.isConnected()) {
            connected(connection);
        }
    }

    @Override
    public void stateChanged(StompConnection.State from, StompConnection.State to) {
        StompConnection connection = consumer.connection();
        if (to == StompConnection.State.CONNECTED && connection != null) {
            connected(connection);
        }
    }

    private synchronized void connected(StompConnection connection) {
        BrokerProfile profile = connection.brokerProfile();
        if (profile.honoursAckInTransaction() || profile == told) {
            return;
        }
        told = profile;
        LOG.warn("Transacted consumer of {} on {} ({} profile): the broker ignores the transaction of an ACK, so the"
                 + " ACK is sent after the COMMIT; a crash between the two delivers the message again (a duplicate,"
                 + " never a loss)", consumer.getEndpoint().getStompDestination(), connection.server(), profile);
    }
}
