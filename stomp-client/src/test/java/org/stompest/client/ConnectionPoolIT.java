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

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.testing.BrokerExtension;
import org.stompest.client.testing.EmbeddedArtemis;

class ConnectionPoolIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final BrokerExtension<EmbeddedArtemis> broker = BrokerExtension.artemis();

    private final ConnectionPool pool = new ConnectionPool();

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static StompConfig.Builder config() {
        return StompConfig.builder().failover(broker.get().stompUri()).receiptTimeout(Duration.ofSeconds(5));
    }

    private static int brokerConnections() {
        return broker.get().server().getRemotingService().getConnections().size();
    }

    private static void awaitConnected(StompConnection connection) {
        await().atMost(WAIT).until(connection::isConnected);
    }

    @Test
    void twentySubscribersShareOneConnectionAndAllReceive() throws Exception {
        StompConfig config = config().build();
        List<PooledConnection> leases = new ArrayList<>();
        Map<Integer, String> received = new ConcurrentHashMap<>();
        for (int i = 0; i < 20; i++) {
            PooledConnection lease = pool.lease(config);
            leases.add(lease);
            int n = i;
            lease.connection().subscribe("/queue/pool-share-" + i, SubscriptionOptions.builder().build(),
                    message -> received.put(n, new String(message.body(), UTF_8)));
        }
        StompConnection shared = leases.get(0).connection();
        assertThat(leases).allSatisfy(lease -> assertThat(lease.connection()).isSameAs(shared));
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.leases(shared)).isEqualTo(20);

        awaitConnected(shared);
        await().atMost(WAIT).until(() -> shared.stats().subscriptions() == 20);
        try (PooledConnection sender = pool.lease(config)) {
            assertThat(sender.connection()).isSameAs(shared);
            for (int i = 0; i < 20; i++) {
                sender.connection().sendWithReceipt("/queue/pool-share-" + i, ("hello " + i).getBytes(UTF_8),
                        Map.of()).get(10, TimeUnit.SECONDS);
            }
        }
        await().atMost(WAIT).until(() -> received.size() == 20);
        for (int i = 0; i < 20; i++) {
            assertThat(received).containsEntry(i, "hello " + i);
        }
        assertThat(brokerConnections()).isEqualTo(1);

        for (PooledConnection lease : leases.subList(0, 19)) {
            lease.close();
        }
        assertThat(shared.isConnected()).as("still leased once").isTrue();
        assertThat(pool.size()).isEqualTo(1);

        leases.get(19).close();
        assertThat(pool.size()).isZero();
        await().atMost(WAIT).until(() -> shared.state() == StompConnection.State.CLOSED);
        await().atMost(WAIT).until(() -> brokerConnections() == 0);
    }

    @Test
    void maxConnectionsSpreadsLeasesEvenly() {
        StompConfig config = config().maxConnections(3).build();
        List<PooledConnection> leases = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            leases.add(pool.lease(config));
        }
        Map<StompConnection, Integer> perConnection = new IdentityHashMap<>();
        leases.forEach(lease -> perConnection.merge(lease.connection(), 1, Integer::sum));

        assertThat(perConnection).hasSize(3);
        assertThat(perConnection.values()).containsExactly(3, 3, 3);
        assertThat(pool.size()).isEqualTo(3);
        perConnection.keySet().forEach(connection -> assertThat(pool.leases(connection)).isEqualTo(3));
        perConnection.keySet().forEach(ConnectionPoolIT::awaitConnected);
        await().atMost(WAIT).until(() -> brokerConnections() == 3);

        // releasing the leases of one connection closes only that one; the next lease goes to the emptiest
        StompConnection first = leases.get(0).connection();
        leases.stream().filter(lease -> lease.connection() == first).forEach(PooledConnection::close);
        await().atMost(WAIT).until(() -> first.state() == StompConnection.State.CLOSED);
        assertThat(pool.size()).isEqualTo(2);

        try (PooledConnection again = pool.lease(config)) {
            assertThat(again.connection()).as("a free slot makes a new connection").isNotIn(perConnection.keySet());
            assertThat(pool.size()).isEqualTo(3);
        }
        leases.forEach(PooledConnection::close);
        assertThat(pool.size()).isZero();
        await().atMost(WAIT).until(() -> brokerConnections() == 0);
    }

    @Test
    void fewestLeasesWinAfterReleases() {
        StompConfig config = config().maxConnections(2).build();
        PooledConnection a1 = pool.lease(config);
        PooledConnection b1 = pool.lease(config);
        PooledConnection a2 = pool.lease(config);
        assertThat(a2.connection()).isSameAs(a1.connection());
        PooledConnection b2 = pool.lease(config);
        assertThat(b2.connection()).isSameAs(b1.connection());

        a1.close();
        PooledConnection next = pool.lease(config);
        assertThat(next.connection()).as("a has one lease, b two").isSameAs(a2.connection());
        List.of(a2, b1, b2, next).forEach(PooledConnection::close);
    }

    @Test
    void differentConfigsGetDifferentConnectionsAndNameIsNoPartOfTheKey() {
        StompConfig one = config().build();
        StompConfig sameButNamed = config().name("other-name").build();
        StompConfig other = config().version("1.1").build();

        try (PooledConnection a = pool.lease(one);
             PooledConnection b = pool.lease(sameButNamed);
             PooledConnection c = pool.lease(other)) {
            assertThat(b.connection()).isSameAs(a.connection());
            assertThat(c.connection()).isNotSameAs(a.connection());
            assertThat(pool.size()).isEqualTo(2);
            awaitConnected(c.connection());
            awaitConnected(a.connection());
            assertThat(c.connection().version()).isEqualTo("1.1");
            assertThat(a.connection().version()).isEqualTo("1.2");
        }
        assertThat(pool.size()).isZero();
    }

    @Test
    void releaseIsIdempotentAndAReleasedLeaseHasNoConnection() {
        StompConfig config = config().build();
        PooledConnection first = pool.lease(config);
        PooledConnection second = pool.lease(config);
        StompConnection connection = first.connection();

        first.close();
        first.close();
        assertThat(pool.leases(connection)).as("the second close released nothing").isEqualTo(1);
        assertThat(first.isReleased()).isTrue();
        assertThatThrownBy(first::connection).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Lease already released");

        second.close();
        assertThat(pool.leases(connection)).isZero();
        await().atMost(WAIT).until(() -> connection.state() == StompConnection.State.CLOSED);
    }

    @Test
    void closingThePoolClosesEveryConnectionAndRefusesLeases() {
        PooledConnection a = pool.lease(config().build());
        PooledConnection b = pool.lease(config().version("1.0").build());
        Set<StompConnection> connections = Collections.newSetFromMap(new IdentityHashMap<>());
        connections.add(a.connection());
        connections.add(b.connection());
        connections.forEach(ConnectionPoolIT::awaitConnected);

        pool.close();

        assertThat(pool.size()).isZero();
        connections.forEach(connection -> assertThat(connection.state()).isEqualTo(StompConnection.State.CLOSED));
        assertThatThrownBy(() -> pool.lease(config().build())).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Connection pool is closed");
        a.close(); // releasing after the pool closed is harmless
        b.close();
        await().atMost(WAIT).until(() -> brokerConnections() == 0);
    }

    @Test
    void aClosedConnectionIsNotHandedOutAgain() {
        StompConfig config = config().build();
        PooledConnection lease = pool.lease(config);
        StompConnection broken = lease.connection();
        awaitConnected(broken);
        broken.close(); // behind the pool's back

        try (PooledConnection fresh = pool.lease(config)) {
            assertThat(fresh.connection()).isNotSameAs(broken);
            awaitConnected(fresh.connection());
        }
        lease.close();
        assertThat(pool.size()).isZero();
    }
}
