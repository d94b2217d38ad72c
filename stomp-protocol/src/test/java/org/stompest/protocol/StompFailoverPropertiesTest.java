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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.assertj.core.data.Offset;
import org.stompest.error.StompConnectTimeout;

/** Properties of the failover layer, checked against the reference's formulas. */
class StompFailoverPropertiesTest {

    /** Replays the given doubles for jitter; never shuffles (nextInt gives 0). */
    static final class ScriptedRandom implements RandomGenerator {
        private final Queue<Double> doubles;

        ScriptedRandom(List<Double> doubles) {
            this.doubles = new ArrayDeque<>(doubles);
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double nextDouble() {
            return doubles.remove();
        }

        @Override
        public int nextInt(int bound) {
            return 0;
        }
    }

    private static String brokers(int count) {
        StringBuilder uri = new StringBuilder("failover:(");
        for (int i = 0; i < count; i++) {
            uri.append(i == 0 ? "" : ",").append("tcp://host").append(i).append(':').append(61613 + i);
        }
        return uri.append(")?randomize=false").toString();
    }

    /** Nanoseconds of the reference's delay for counted attempt k &ge; 1 without jitter. */
    private static double expectedNanos(int initial, double multiplier, int max, boolean exponential, int k) {
        double base = initial * (exponential ? Math.pow(multiplier, k - 1) : 1);
        return Math.max(0, Math.min(base, max)) * 1e6;
    }

    /** Collects the delays (in ns) of one iteration until its timeout, whose message must name {@code limit}. */
    private static List<Long> delaysUntilTimeout(Iterator<StompFailoverAttempt> it, int limit, int brokers) {
        List<Long> delays = new ArrayList<>();
        while (true) {
            StompFailoverAttempt attempt;
            try {
                attempt = it.next();
            } catch (StompConnectTimeout e) {
                assertThat(e).hasMessage("Reconnect timeout: " + limit + " attempts");
                return delays;
            }
            assertThat(attempt.broker().host()).isEqualTo("host" + delays.size() % brokers);
            delays.add(attempt.delay().toNanos());
            assertThat(delays.size()).isLessThanOrEqualTo(limit + 1);
        }
    }

    @Property
    void delaysFollowTheFormulaAndTheLimitAllowsLimitPlusOneAttempts(
        @ForAll @IntRange(min = 0, max = 10_000) int initial, @ForAll @DoubleRange(min = 0, max = 4) double multiplier,
        @ForAll @IntRange(min = -100, max = 100_000) int max, @ForAll boolean exponential,
        @ForAll @IntRange(min = 0, max = 30) int limit, @ForAll @IntRange(min = 1, max = 4) int brokers) {
        StompFailoverTransport transport = new StompFailoverTransport(brokers(brokers) + ",initialReconnectDelay="
            + initial + "&backOffMultiplier=" + multiplier + ",maxReconnectDelay=" + max + ",useExponentialBackOff="
            + exponential + ",startupMaxReconnectAttempts=" + limit);

        List<Long> delays = delaysUntilTimeout(transport.iterator(), limit, brokers);

        assertThat(delays).hasSize(limit + 1);
        assertThat(delays.get(0)).isZero();
        for (int k = 1; k < delays.size(); k++) {
            double expected = expectedNanos(initial, multiplier, max, exponential, k);
            assertThat((double) delays.get(k)).isCloseTo(expected, Offset.offset(
                1 + expected * 1e-12));
        }
    }

    @Property
    void everyLaterIterationRestartsTheDelayAndUsesMaxReconnectAttempts(
        @ForAll @IntRange(min = 0, max = 10) int startup, @ForAll @IntRange(min = 0, max = 10) int later,
        @ForAll @IntRange(min = 1, max = 1_000) int initial, @ForAll @IntRange(min = 1, max = 3) int brokers) {
        String uri = brokers(brokers) + ",startupMaxReconnectAttempts=" + startup + ",maxReconnectAttempts=" + later
            + ",initialReconnectDelay=" + initial + ",maxReconnectDelay=1000000";
        StompFailoverTransport transport = new StompFailoverTransport(uri);

        assertThat(delaysUntilTimeout(transport.iterator(), startup, brokers)).hasSize(startup + 1);
        for (int iteration = 0; iteration < 3; iteration++) {
            List<Long> delays = delaysUntilTimeout(transport.iterator(), later, brokers);
            assertThat(delays).hasSize(later + 1);
            if (later > 0) {
                assertThat(delays.get(1)).isEqualTo(initial * 1_000_000L);
            }
        }
    }

    @Property(tries = 100)
    void minusOneRetriesForever(@ForAll @IntRange(min = 1, max = 4) int brokers) {
        Iterator<StompFailoverAttempt> it =
            new StompFailoverTransport(brokers(brokers) + ",startupMaxReconnectAttempts=-1").iterator();
        for (int i = 0; i < 500; i++) {
            assertThat(it.hasNext()).isTrue();
            assertThat(it.next().broker().host()).isEqualTo("host" + i % brokers);
        }
    }

    @Property
    void anyOtherNegativeLimitAllowsOneAttempt(@ForAll @IntRange(min = Integer.MIN_VALUE, max = -2) int limit) {
        Iterator<StompFailoverAttempt> it =
            new StompFailoverTransport("tcp://a:1?startupMaxReconnectAttempts=" + limit).iterator();
        assertThat(it.next().delay()).isZero();
        assertThatThrownBy(it::next).isExactlyInstanceOf(StompConnectTimeout.class)
            .hasMessage("Reconnect timeout: " + limit + " attempts");
    }

    @Property
    void jitterAddsUpToItsValueBeforeTheCap(@ForAll @IntRange(min = 0, max = 10_000) int initial,
        @ForAll @IntRange(min = 1, max = 1_000) int jitter, @ForAll boolean exponential,
        @ForAll @Size(min = 10, max = 10) List<@DoubleRange(min = 0, max = 1, maxIncluded = false) Double> uniforms) {
        String uri = "tcp://a:1?startupMaxReconnectAttempts=10,maxReconnectDelay=" + Integer.MAX_VALUE
            + ",reconnectDelayJitter=" + jitter + ",initialReconnectDelay=" + initial + ",useExponentialBackOff="
            + exponential;
        Iterator<StompFailoverAttempt> it = new StompFailoverTransport(new StompFailoverUri(uri),
            new ScriptedRandom(uniforms), host -> false).iterator();

        assertThat(it.next().delay()).isZero();
        for (int k = 1; k <= 10; k++) {
            double base = initial * (exponential ? Math.pow(2, k - 1) : 1);
            double millis = it.next().delay().toNanos() / 1e6;
            assertThat(millis).isGreaterThanOrEqualTo(base).isLessThan(base + jitter)
                .isCloseTo(base + uniforms.get(k - 1) * jitter, Offset.offset(1e-6));
        }
    }

    @Property
    void jitterNeverExceedsTheCap(@ForAll @IntRange(min = 0, max = 100) int max,
        @ForAll @IntRange(min = 0, max = 1_000) int jitter, @ForAll long seed) {
        Iterator<StompFailoverAttempt> it = new StompFailoverTransport(new StompFailoverUri("tcp://a:1?"
            + "startupMaxReconnectAttempts=-1,reconnectDelayJitter=" + jitter + ",maxReconnectDelay=" + max),
            new SplittableRandom(seed), host -> false).iterator();
        for (int i = 0; i < 20; i++) {
            assertThat(it.next().delay().toNanos()).isBetween(0L, max * 1_000_000L);
        }
    }

    @Property
    void everyPassIsAPermutationWithLocalHostsFirst(@ForAll long seed,
        @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 9) Integer> hosts) {
        StringBuilder uri = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i) < 3 ? "127.0.0." + i : "remote" + i;
            names.add(host);
            uri.append(i == 0 ? "" : ",").append("tcp://").append(host).append(':').append(i + 1);
        }
        uri.append("?priorityBackup=true,startupMaxReconnectAttempts=-1");
        Iterator<StompFailoverAttempt> it = new StompFailoverTransport(new StompFailoverUri(uri.toString()),
            new SplittableRandom(seed), StompFailoverTransport::isLocalHost).iterator();
        long locals = names.stream().filter(StompFailoverTransport::isLocalHost).count();
        for (int pass = 0; pass < 3; pass++) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                seen.add(it.next().broker().host());
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(names);
            assertThat(seen.subList(0, (int) locals)).allMatch(StompFailoverTransport::isLocalHost);
        }
    }

    @Provide
    Arbitrary<String> hostNames() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12)
            .filter(h -> h.indexOf(':') < 0 && h.indexOf(',') < 0 && h.indexOf('?') < 0 && h.indexOf('(') < 0
                && h.indexOf(')') < 0);
    }

    @Property
    void brokersRoundTrip(@ForAll("hostNames") String host, @ForAll @IntRange(min = 0) int port,
        @ForAll boolean ssl, @ForAll boolean wrapped) {
        String broker = (ssl ? "ssl" : "tcp") + "://" + host + ":" + port;
        String text = wrapped ? "failover:(" + broker + "," + broker + ")" : broker;
        assertThat(new StompFailoverUri(text).brokers()).hasSize(wrapped ? 2 : 1)
            .allMatch(b -> b.equals(new StompBroker(ssl ? "ssl" : "tcp", host, port)));
    }

    @Property
    void intOptionsRoundTrip(@ForAll int value, @ForAll boolean plus, @ForAll @IntRange(max = 2) int spaces) {
        String pad = " ".repeat(spaces);
        String text = pad + (plus && value >= 0 ? "+" : "") + value + pad;
        assertThat(StompFailoverOptions.parse("reconnectDelayJitter=" + text).reconnectDelayJitter()).isEqualTo(value);
    }

    @Property
    void floatOptionsRoundTrip(@ForAll double value) {
        assertThat(StompFailoverOptions.parse("reconnectDelayExponent=" + value).backOffMultiplier())
            .isEqualTo(Double.valueOf(value)); // boxed, so that NaN equals NaN
    }

    @Property
    void unknownOptionsAreNamedInTheError(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String name) {
        Assume.that(!StompFailoverOptions.defaults().toMap().containsKey(name) && !name.equals("reconnectDelayExponent"));
        String uri = "tcp://a:1?randomize=false&" + name + "=1";
        assertThatThrownBy(() -> new StompFailoverUri(uri)).isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessage("invalid uri: " + uri + " [invalid options: '" + name + "']");
    }
}
