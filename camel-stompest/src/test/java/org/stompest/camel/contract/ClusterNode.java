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

/**
 * One Artemis node of a two-node topology in a child JVM ({@link ClusterNodeMain}) that a test kills with SIGKILL
 * and launches again on the same port and data; see {@link ClusterNodeMain} for the roles.
 */
final class ClusterNode extends ChildProcess implements ContractBroker {
    private final String role;
    private final int port;
    private final int peerPort;
    private final Path dir;

    ClusterNode(String role, int port, int peerPort, Path dir) {
        super("artemis-" + role + "@" + port);
        this.role = role;
        this.port = port;
        this.peerPort = peerPort;
        this.dir = dir;
    }

    /** Launches the node (again); returns when it was ready (nanoTime): active, or for a backup in sync. */
    long launch() {
        return launch(ClusterNodeMain.class, dir.resolve("tmp"), role, Integer.toString(port),
                Integer.toString(peerPort), dir.resolve("data").toString());
    }

    @Override
    public long restart() {
        return launch();
    }

    @Override
    public String stompUri() {
        return "tcp://127.0.0.1:" + port;
    }
}
