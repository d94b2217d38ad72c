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
package org.stompest.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stompest.error.StompConnectTimeout;

class StompFailoverTransportTest {
    private static final String SEED_URI = "failover:(tcp://remote1:61615,tcp://localhost:61616)?randomize=false,"
        + "startupMaxReconnectAttempts=3,initialReconnectDelay=7,maxReconnectDelay=8,maxReconnectAttempts=0";
    private static final String PRIORITY_URI = "failover:tcp://remote1:61616,tcp://localhost:61616,"
        + "tcp://127.0.0.1:61615,tcp://1.2.3.4:61616,tcp://remote2:61616?startupMaxReconnectAttempts=4,"
        + "priorityBackup=true,randomize=false";

    /** A random source that always gives the same double and always picks index 0 when shuffling. */
    static final class FixedRandom implements RandomGenerator {
        private final double value;

        FixedRandom(double value) {
            this.value = value;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double nextDouble() {
            return value;
        }

        @Override
        public int nextInt(int bound) {
            return 0;
        }
    }

    private static StompFailoverTransport transport(String uri, RandomGenerator random, Predicate<String> local) {
        return new StompFailoverTransport(new StompFailoverUri(uri), random, local);
    }

    /** Runs one iteration to its timeout; returns "host:port delayInMs" per attempt and then the timeout text. */
    private static List<String> iterate(StompFailoverTransport transport) {
        List<String> seen = new ArrayList<>();
        try {
            for (StompFailoverAttempt attempt : transport) {
                seen.add(attempt.broker().host() + ":" + attempt.broker().port() + " "
                    + attempt.delay().toNanos() / 1e6);
            }
        } catch (StompConnectTimeout e) {
            seen.add(e.getMessage());
        }
        return seen;
    }

    @Test
    @DisplayName("reference section Failover Transport: the example prints the same lines")
    void failoverTransportExample() {
        StompFailoverTransport failover = new StompFailoverTransport(SEED_URI);
        List<String> printed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try {
                for (StompFailoverAttempt attempt : failover) {
                    printed.add(String.format(Locale.ROOT, "broker: %s, delay: %f", attempt.broker(),
                        attempt.delay().toNanos() / 1e9));
                }
            } catch (StompConnectTimeout e) {
                printed.add("timeout: " + e.getMessage());
            }
        }
        assertThat(printed).containsExactly(
            "broker: {'host': 'remote1', 'protocol': 'tcp', 'port': 61615}, delay: 0.000000",
            "broker: {'host': 'localhost', 'protocol': 'tcp', 'port': 61616}, delay: 0.007000",
            "broker: {'host': 'remote1', 'protocol': 'tcp', 'port': 61615}, delay: 0.008000",
            "broker: {'host': 'localhost', 'protocol': 'tcp', 'port': 61616}, delay: 0.008000",
            "timeout: Reconnect timeout: 3 attempts",
            "broker: {'host': 'remote1', 'protocol': 'tcp', 'port': 61615}, delay: 0.000000",
            "timeout: Reconnect timeout: 0 attempts");
    }

    @Test
    void seedExampleDelaysAreExactDurations() {
        Iterator<StompFailoverAttempt> it = new StompFailoverTransport(SEED_URI).iterator();
        assertThat(it.next()).isEqualTo(new StompFailoverAttempt(new StompBroker("tcp", "remote1", 61615),
            Duration.ZERO));
        assertThat(it.next().delay()).isEqualTo(Duration.ofMillis(7));
        assertThat(it.next().delay()).isEqualTo(Duration.ofMillis(8));
        assertThat(it.next().delay()).isEqualTo(Duration.ofMillis(8));
        assertThat(it.hasNext()).isTrue();
        assertThatThrownBy(it::next).isExactlyInstanceOf(StompConnectTimeout.class)
            .hasMessage("Reconnect timeout: 3 attempts");
    }

    @Test
    void everyIterationAfterTheFirstUsesMaxReconnectAttempts() {
        StompFailoverTransport transport = new StompFailoverTransport(SEED_URI);
        assertThat(iterate(transport)).hasSize(5);
        for (int i = 0; i < 3; i++) {
            assertThat(iterate(transport)).containsExactly("remote1:61615 0.0", "Reconnect timeout: 0 attempts");
        }
    }

    @Test
    void backOffMultiplierScalesTheDelayAndTheSecondIterationRestarts() {
        StompFailoverTransport transport = new StompFailoverTransport("failover:tcp://remote1:61615,"
            + "tcp://localhost:61616,tcp://remote2:61617?randomize=false,startupMaxReconnectAttempts=3,"
            + "initialReconnectDelay=7,backOffMultiplier=3.0,maxReconnectAttempts=1");
        assertThat(iterate(transport)).containsExactly("remote1:61615 0.0", "localhost:61616 7.0",
            "remote2:61617 21.0", "remote1:61615 63.0", "Reconnect timeout: 3 attempts");
        assertThat(iterate(transport)).containsExactly("remote1:61615 0.0", "localhost:61616 7.0",
            "Reconnect timeout: 1 attempts");
    }

    @Test
    void withoutExponentialBackOffTheDelayStaysTheSame() {
        assertThat(iterate(new StompFailoverTransport("failover:(tcp://remote1:61615,tcp://localhost:61616)?"
            + "randomize=false,startupMaxReconnectAttempts=2,initialReconnectDelay=3,useExponentialBackOff=false")))
            .containsExactly("remote1:61615 0.0", "localhost:61616 3.0", "remote1:61615 3.0",
                "Reconnect timeout: 2 attempts");
    }

    @Test
    void defaultOptionsAllowOneStartupAttemptThenRetryForeverWithDoublingDelays() {
        StompFailoverTransport transport =
            transport("failover:tcp://a:1,tcp://b:2", new Random(7), StompFailoverTransport::isLocalHost);
        assertThat(iterate(transport)).hasSize(2).last().isEqualTo("Reconnect timeout: 0 attempts");
        Iterator<StompFailoverAttempt> it = transport.iterator();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            delays.add(it.next().delay().toMillis());
        }
        assertThat(delays).containsExactly(0L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L, 5120L, 10240L,
            20480L, 30000L);
        for (int i = 0; i < 10_000; i++) {
            assertThat(it.next().delay()).isEqualTo(Duration.ofSeconds(30)); // grows past the cap, to infinity
        }
    }

    @Test
    void aNegativeLimitOtherThanMinusOneAllowsOneAttemptAndShowsTheNumber() {
        assertThat(iterate(new StompFailoverTransport("tcp://a:1?startupMaxReconnectAttempts=-5")))
            .containsExactly("a:1 0.0", "Reconnect timeout: -5 attempts");
    }

    @Test
    void delayMathFollowsPythonMinAndMax() {
        assertThat(iterate(new StompFailoverTransport("tcp://a:1?startupMaxReconnectAttempts=3,"
            + "initialReconnectDelay=100,backOffMultiplier=0.5"))).containsExactly("a:1 0.0", "a:1 100.0",
                "a:1 50.0", "a:1 25.0", "Reconnect timeout: 3 attempts");
        assertThat(iterate(new StompFailoverTransport("tcp://a:1?startupMaxReconnectAttempts=2,maxReconnectDelay=-1")))
            .containsExactly("a:1 0.0", "a:1 0.0", "a:1 0.0", "Reconnect timeout: 2 attempts");
        assertThat(iterate(new StompFailoverTransport("tcp://a:1?startupMaxReconnectAttempts=2,"
            + "initialReconnectDelay=-10"))).containsExactly("a:1 0.0", "a:1 0.0", "a:1 0.0",
                "Reconnect timeout: 2 attempts");
        assertThat(iterate(new StompFailoverTransport("tcp://a:1?startupMaxReconnectAttempts=3,"
            + "backOffMultiplier=nan"))).containsExactly("a:1 0.0", "a:1 10.0", "a:1 0.0", "a:1 0.0",
                "Reconnect timeout: 3 attempts");
        assertThat(iterate(new StompFailoverTransport("tcp://a:1?startupMaxReconnectAttempts=3,"
            + "backOffMultiplier=1e308,maxReconnectDelay=5"))).containsExactly("a:1 0.0", "a:1 5.0", "a:1 5.0",
                "a:1 5.0", "Reconnect timeout: 3 attempts");
    }

    @Test
    void theTimeoutIsLazyAndEndsTheIterator() {
        Iterator<StompFailoverAttempt> it = new StompFailoverTransport("tcp://a:1").iterator();
        assertThat(it.hasNext()).isTrue();
        it.next();
        assertThat(it.hasNext()).isTrue();
        assertThatThrownBy(it::next).isExactlyInstanceOf(StompConnectTimeout.class)
            .hasMessage("Reconnect timeout: 0 attempts");
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isExactlyInstanceOf(NoSuchElementException.class);
    }

    @Test
    void overlappingIteratorsShareTheTransportsCounters() {
        StompFailoverTransport transport = new StompFailoverTransport(
            "tcp://a:1?startupMaxReconnectAttempts=5,maxReconnectAttempts=2,useExponentialBackOff=false");
        Iterator<StompFailoverAttempt> first = transport.iterator();
        first.next();
        first.next();
        Iterator<StompFailoverAttempt> second = transport.iterator(); // resets: attempt -1, limit 2
        assertThat(first.next().delay()).isZero(); // the shared attempt counter restarted
        assertThat(second.next().delay()).isEqualTo(Duration.ofMillis(10));
        assertThat(first.next().delay()).isEqualTo(Duration.ofMillis(10));
        assertThatThrownBy(second::next).hasMessage("Reconnect timeout: 2 attempts");
        assertThat(first.hasNext()).isTrue();
        assertThatThrownBy(first::next).hasMessage("Reconnect timeout: 2 attempts");
    }

    @Test
    void priorityBackupPutsLocalHostsFirstKeepingTheOrderWithinGroups() {
        assertThat(iterate(new StompFailoverTransport(PRIORITY_URI))).containsExactly("localhost:61616 0.0",
            "127.0.0.1:61615 10.0", "remote1:61616 20.0", "1.2.3.4:61616 40.0", "remote2:61616 80.0",
            "Reconnect timeout: 4 attempts");
    }

    @Test
    void anInjectedPredicateDecidesWhatIsLocal() {
        Predicate<String> resolving = host -> StompFailoverTransport.isLocalHost(host) || host.equals("1.2.3.4");
        assertThat(iterate(transport(PRIORITY_URI, new Random(), resolving))).containsExactly("localhost:61616 0.0",
            "127.0.0.1:61615 10.0", "1.2.3.4:61616 20.0", "remote1:61616 40.0", "remote2:61616 80.0",
            "Reconnect timeout: 4 attempts");
    }

    @Test
    void theLocalHostPredicateIsAskedOnEveryPass() {
        AtomicInteger calls = new AtomicInteger();
        Iterator<StompFailoverAttempt> it = transport("tcp://a:1,tcp://b:2?priorityBackup=true,randomize=false,"
            + "startupMaxReconnectAttempts=-1", new Random(), host -> calls.incrementAndGet() < 0).iterator();
        for (int i = 0; i < 6; i++) {
            it.next();
        }
        assertThat(calls).hasValue(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "127.1.2.3", "127.255.255.255", "127.0000.1.99999"})
    void localHostsWithoutDns(String host) {
        assertThat(StompFailoverTransport.isLocalHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOCALHOST", "localhost.", "::1", "0.0.0.0", "127.0.0", "127.0.0.1.", "127..0.1",
        "127.0.0.a", "1127.0.0.1", "127.0.0.1.2", "128.0.0.1", "127.", "127.0.0.", "", "remote1"})
    void otherHostsAreRemoteWithoutDns(String host) {
        assertThat(StompFailoverTransport.isLocalHost(host)).isFalse();
    }

    @Test
    void randomizeShufflesLikePythonWithTheInjectedSource() {
        // nextInt always 0: i=2 swaps 2 and 0 ([c, b, a]), i=1 swaps 1 and 0 ([b, c, a]); again on the next pass.
        Iterator<StompFailoverAttempt> it = transport("tcp://a:1,tcp://b:2,tcp://c:3?startupMaxReconnectAttempts=-1",
            new FixedRandom(0), StompFailoverTransport::isLocalHost).iterator();
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            hosts.add(it.next().broker().host());
        }
        assertThat(hosts).containsExactly("b", "c", "a", "b", "c", "a");
    }

    @Test
    void randomizeShufflesOnEveryPassAndWithinTheLocalAndRemoteGroups() {
        String uri = "failover:tcp://remote1:61616,tcp://localhost:61616,tcp://127.0.0.1:61615,tcp://remote2:61616"
            + "?priorityBackup=true,randomize=true,startupMaxReconnectAttempts=-1";
        int localShuffled = 0;
        int remoteShuffled = 0;
        int passesDiffer = 0;
        for (long seed = 0; seed < 200; seed++) {
            Iterator<StompFailoverAttempt> it =
                transport(uri, new SplittableRandom(seed), StompFailoverTransport::isLocalHost).iterator();
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                (i < 4 ? first : second).add(it.next().broker().host());
            }
            for (List<String> pass : List.of(first, second)) {
                assertThat(Set.copyOf(pass.subList(0, 2))).containsExactlyInAnyOrder("localhost", "127.0.0.1");
                assertThat(Set.copyOf(pass.subList(2, 4))).containsExactlyInAnyOrder("remote1", "remote2");
            }
            localShuffled += first.get(0).equals("localhost") ? 0 : 1;
            remoteShuffled += first.get(2).equals("remote1") ? 0 : 1;
            passesDiffer += first.equals(second) ? 0 : 1;
        }
        assertThat(localShuffled).isBetween(1, 199);
        assertThat(remoteShuffled).isBetween(1, 199);
        assertThat(passesDiffer).isPositive();
    }

    @Test
    void jitterBlursTheDelayWithinItsBounds() {
        String uri = "failover:tcp://remote1:61616?useExponentialBackOff=false,startupMaxReconnectAttempts=1,"
            + "reconnectDelayJitter=4";
        boolean sawLargeJitter = false;
        for (long seed = 0; seed < 200; seed++) {
            Iterator<StompFailoverAttempt> it =
                transport(uri, new SplittableRandom(seed), StompFailoverTransport::isLocalHost).iterator();
            assertThat(it.next().delay()).isZero();
            Duration delay = it.next().delay();
            assertThat(delay).isGreaterThanOrEqualTo(Duration.ofMillis(10)).isLessThan(Duration.ofMillis(14));
            sawLargeJitter |= delay.compareTo(Duration.ofMillis(13)) > 0;
        }
        assertThat(sawLargeJitter).isTrue();
        assertThat(iterate(transport(uri, new FixedRandom(0.5), host -> false)))
            .containsExactly("remote1:61616 0.0", "remote1:61616 12.0", "Reconnect timeout: 1 attempts");
    }

    @Test
    void jitterIsAddedBeforeTheCap() {
        assertThat(iterate(transport("tcp://a:1?startupMaxReconnectAttempts=2,reconnectDelayJitter=4,"
            + "maxReconnectDelay=12,useExponentialBackOff=false", new FixedRandom(0.75), host -> false)))
            .containsExactly("a:1 0.0", "a:1 12.0", "a:1 12.0", "Reconnect timeout: 2 attempts");
    }

    @Test
    void anInvalidUriFailsAtConstruction() {
        assertThatThrownBy(() -> new StompFailoverTransport("tcp://a"))
            .isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessage("invalid uri: tcp://a [invalid broker(s): 'tcp://a' (expected tcp://host:port or "
                + "ssl://host:port)]");
        StompFailoverUri uri = new StompFailoverUri("tcp://a:1");
        assertThat(new StompFailoverTransport(uri).uri()).isSameAs(uri);
    }
}
