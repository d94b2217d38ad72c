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
package org.stompest.camel.contract;

import java.nio.file.Path;

import org.stompest.camel.contract.ContractBroker.Flavour;
import org.stompest.client.testing.FreePorts;

/**
 * A persistent broker in a child JVM ({@link BrokerMain}) that a test can kill with SIGKILL and start again on the
 * same port and data directory.
 * <pre>
 * try (BrokerProcess broker = BrokerProcess.start(Flavour.ARTEMIS, dir)) {
 *     broker.kill();
 *     long acceptingAt = broker.restart(); // System.nanoTime() when it accepted connections again
 * }
 * </pre>
 */
final class BrokerProcess extends ChildProcess implements ContractBroker {
    private final Flavour flavour;
    private final Path dir;
    private final int port;

    private BrokerProcess(Flavour flavour, Path dir, int port) {
        super(flavour + "@" + port);
        this.flavour = flavour;
        this.dir = dir;
        this.port = port;
    }

    /** Starts a broker on a free ephemeral port with its data under {@code dir}. */
    static BrokerProcess start(Flavour flavour, Path dir) {
        BrokerProcess broker = new BrokerProcess(flavour, dir, FreePorts.find());
        broker.restart();
        return broker;
    }

    /** Starts the broker (again) on the same port and data; returns when it accepted connections (nanoTime). */
    @Override
    public long restart() {
        return launch(BrokerMain.class, dir.resolve("tmp"), flavour.toString(), Integer.toString(port),
                dir.resolve("data").toString());
    }

    Flavour flavour() {
        return flavour;
    }

    @Override
    public String stompUri() {
        return "tcp://127.0.0.1:" + port;
    }
}
