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
package org.stompest.camel.integration;

/**
 * The transaction cases on RabbitMQ 3.10, which honours the transaction of an ACK: the ACK goes inside the
 * transaction, and a transacted route says nothing about it at start. RabbitMQ sends the RECEIPT of a frame inside a
 * transaction only at the COMMIT, so {@code stompest:} producers inside a transaction ask for no receipt of their own.
 */
class RabbitMqTransactionIT extends TransactionIT {
    @Override
    protected String brokerUri() {
        return SharedBrokers.rabbitMq().stompUri();
    }

    @Override
    protected boolean ignoresAckInTransaction() {
        return false;
    }
}
