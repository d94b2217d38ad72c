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
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StompFailoverUriTest {
    private static final String SEED_URI = "failover:(tcp://remote1:61615,tcp://localhost:61616)?randomize=false,"
        + "startupMaxReconnectAttempts=3,initialReconnectDelay=7,maxReconnectDelay=8,maxReconnectAttempts=0";
    private static final String EXPECTED = " (expected tcp://host:port or ssl://host:port)";

    private static StompBroker tcp(String host, int port) {
        return new StompBroker("tcp", host, port);
    }

    private static void assertInvalid(String uri, String detail) {
        assertThatThrownBy(() -> new StompFailoverUri(uri))
            .isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessage("invalid uri: " + uri + " [" + detail + "]");
    }

    @Test
    @DisplayName("reference section StompFailoverUri: the example's brokers and options")
    void stompFailoverUriExample() {
        StompFailoverUri uri = new StompFailoverUri(SEED_URI);

        assertThat(uri.brokers()).containsExactly(tcp("remote1", 61615), tcp("localhost", 61616));
        assertThat(uri.brokers()).hasToString("[{'host': 'remote1', 'protocol': 'tcp', 'port': 61615}, "
            + "{'host': 'localhost', 'protocol': 'tcp', 'port': 61616}]");
        assertThat(uri.options().toMap()).containsOnly(entry("initialReconnectDelay", 7),
            entry("maxReconnectDelay", 8), entry("backOffMultiplier", 2.0), entry("startupMaxReconnectAttempts", 3),
            entry("priorityBackup", false), entry("maxReconnectAttempts", 0), entry("reconnectDelayJitter", 0),
            entry("useExponentialBackOff", true), entry("randomize", false));
        assertThat(uri.options()).hasToString("{'initialReconnectDelay': 7, 'maxReconnectDelay': 8, "
            + "'useExponentialBackOff': True, 'backOffMultiplier': 2.0, 'maxReconnectAttempts': 0, "
            + "'startupMaxReconnectAttempts': 3, 'reconnectDelayJitter': 0, 'randomize': False, "
            + "'priorityBackup': False}");
        assertThat(uri).hasToString(SEED_URI);
        assertThat(uri.uri()).isEqualTo(SEED_URI);
    }

    @Test
    void singleTcpUriHasTheDefaultOptions() {
        StompFailoverUri uri = new StompFailoverUri("tcp://localhost:61613");

        assertThat(uri.brokers()).containsExactly(tcp("localhost", 61613));
        assertThat(uri.options().toMap()).containsOnly(entry("priorityBackup", false),
            entry("initialReconnectDelay", 10), entry("reconnectDelayJitter", 0), entry("maxReconnectDelay", 30000),
            entry("backOffMultiplier", 2.0), entry("startupMaxReconnectAttempts", 0),
            entry("maxReconnectAttempts", -1), entry("useExponentialBackOff", true), entry("randomize", true));
        assertThat(uri.options()).isEqualTo(StompFailoverOptions.defaults());
    }

    @Test
    void optionsAreParsedAndBrokerOrderAndUriArePreserved() {
        StompFailoverUri single = new StompFailoverUri(
            "tcp://123.456.789.0:61616?randomize=true,maxReconnectAttempts=-1,priorityBackup=true");
        assertThat(single.options().randomize()).isTrue();
        assertThat(single.options().priorityBackup()).isTrue();
        assertThat(single.options().maxReconnectAttempts()).isEqualTo(-1);
        assertThat(single.brokers()).containsExactly(tcp("123.456.789.0", 61616));

        String text = "failover:(tcp://primary:61616,tcp://secondary:61616)?randomize=false,"
            + "maxReconnectAttempts=2,backOffMultiplier=3.0";
        StompFailoverUri pair = new StompFailoverUri(text);
        assertThat(pair.uri()).isEqualTo(text);
        assertThat(pair.options().randomize()).isFalse();
        assertThat(pair.options().backOffMultiplier()).isEqualTo(3.0);
        assertThat(pair.options().maxReconnectAttempts()).isEqualTo(2);
        assertThat(pair.brokers()).containsExactly(tcp("primary", 61616), tcp("secondary", 61616));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://a:1", "ssl://a:1", "failover:tcp://a:1,tcp://b:2", "failover:(tcp://a:1,tcp://b:2)",
        "(tcp://a:1,tcp://b:2)", "tcp://a:1?", "failover:tcp://a:1?randomize=false"})
    void acceptedForms(String text) {
        StompFailoverUri uri = new StompFailoverUri(text);
        assertThat(uri.brokers().get(0).host()).isEqualTo("a");
        assertThat(uri.brokers().get(0).port()).isEqualTo(1);
    }

    @Test
    void optionsMayFollowEveryForm() {
        assertThat(new StompFailoverUri("failover:(tcp://a:1,ssl://b:2)?randomize=false").brokers())
            .containsExactly(tcp("a", 1), new StompBroker("ssl", "b", 2));
        assertThat(new StompFailoverUri("tcp://a:1?randomize=false").options().randomize()).isFalse();
        assertThat(new StompFailoverUri("tcp://a:1?").options()).isEqualTo(StompFailoverOptions.defaults());
    }

    @Test
    void hostsAreNotValidatedAndPortsAreDigits() {
        assertThat(new StompFailoverUri("tcp://a b:1,tcp://a/b:2,tcp://x:01,tcp://y:99999999").brokers())
            .containsExactly(tcp("a b", 1), tcp("a/b", 2), tcp("x", 1), tcp("y", 99999999));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // the reference's list (its 'ssl://localhost:61613' predates ssl support and is valid in 2.3.0)
        "tcp://:61613 | invalid broker(s): 'tcp://:61613'" + EXPECTED,
        "tcp://61613 | invalid broker(s): 'tcp://61613'" + EXPECTED,
        "tcp:localhost:61613 | invalid broker(s): 'tcp:localhost:61613'" + EXPECTED,
        "tcp:/localhost | invalid broker(s): 'tcp:/localhost'" + EXPECTED,
        "tcp://localhost: | invalid broker(s): 'tcp://localhost:'" + EXPECTED,
        "tcp://localhost:a | invalid broker(s): 'tcp://localhost:a'" + EXPECTED,
        "tcp://localhost:61613?randomize=1 | invalid options: '1'",
        "tcp://localhost:61613?randomize=True | invalid options: 'True'",
        "tcp://localhost:61613??=False | invalid options: '?'",
        "tcp://localhost:61613?a=False | invalid options: 'a'",
        "tcp://localhost:61613?maxReconnectDelay=False | invalid options: maxReconnectDelay: invalid int value 'False'",
        "tcp://localhost:61613?maxReconnectDelay=Falsefailover:(tcp://primary:61616, tcp://secondary:61616) | "
            + "invalid options: maxReconnectDelay: invalid int value 'Falsefailover:(tcp://primary:61616'",
        "failover:(tcp://primary:61616, tcp://secondary:61616) | invalid broker(s): ' tcp://secondary:61616'" + EXPECTED,
        "failover:tcp://primary:61616, tcp://secondary:61616 | invalid broker(s): ' tcp://secondary:61616'" + EXPECTED,
        "failover:tcp://primary:61616,tcp://secondary:61616) | "
            + "invalid broker(s): 'tcp://primary:61616,tcp://secondary:61616)' (unbalanced parentheses)",
        "failover:(tcp://primary:61616,tcp://secondary:61616 | "
            + "invalid broker(s): '(tcp://primary:61616,tcp://secondary:61616' (unbalanced parentheses)",
        // behaviour document, section 8
        "failover:failover:tcp://a:1 | invalid broker(s): 'failover:tcp://a:1'" + EXPECTED,
        "TCP://a:1 | invalid broker(s): 'TCP://a:1'" + EXPECTED,
        "ssl://host.com | invalid broker(s): 'ssl://host.com'" + EXPECTED,
        "tcp://[::1]:61613 | invalid broker(s): 'tcp://[::1]:61613'" + EXPECTED,
        "tcp://a:1, | invalid broker(s): ''" + EXPECTED,
        "\"\" | invalid broker(s): ''" + EXPECTED,
        "() | invalid broker(s): ''" + EXPECTED,
        "tcp://a:1:2 | invalid broker(s): 'tcp://a:1:2'" + EXPECTED,
        "tcp://a:99999999999 | invalid broker(s): 'tcp://a:99999999999' (port out of range)",
        "tcp://a:1?randomize=false?x | invalid options: 'false?x'",
        "tcp://a:1?randomize=false, | invalid options: ''",
        "tcp://a:1?randomize | invalid options: ''",
        "tcp://a:1?foo=1 | invalid options: 'foo'",
        "tcp://a:1?backup=true | invalid options: 'backup'",
        "tcp://a:1?initialReconnectDelay=abc | invalid options: initialReconnectDelay: invalid int value 'abc'",
        "tcp://a:1?initialReconnectDelay=1.5 | invalid options: initialReconnectDelay: invalid int value '1.5'",
        "tcp://a:1?initialReconnectDelay | invalid options: initialReconnectDelay: invalid int value ''",
        "tcp://a:1?backOffMultiplier=x | invalid options: backOffMultiplier: invalid float value 'x'",
        "tcp://:1?foo=1 | invalid options: 'foo'", // options are parsed first
    })
    void invalidUris(String uri, String detail) {
        assertInvalid(uri, detail);
    }

    @Test
    void onlyTheFirstQuestionMarkSplits() {
        assertInvalid("tcp://a:1?randomize=false?randomize=true", "invalid options: 'false?randomize=true'");
    }

    @Test
    void aRepeatedOptionTakesTheLastValue() {
        assertThat(new StompFailoverUri("tcp://a:1?randomize=false,randomize=true").options().randomize()).isTrue();
    }

    @Test
    void ampersandSeparatesOptionsLikeActiveMq() {
        StompFailoverOptions options =
            new StompFailoverUri("failover:(tcp://a:1,tcp://b:2)?randomize=false&maxReconnectAttempts=3").options();
        assertThat(options.randomize()).isFalse();
        assertThat(options.maxReconnectAttempts()).isEqualTo(3);

        StompFailoverOptions mixed =
            StompFailoverOptions.parse("randomize=false&maxReconnectAttempts=3,priorityBackup=true");
        assertThat(mixed.randomize()).isFalse();
        assertThat(mixed.maxReconnectAttempts()).isEqualTo(3);
        assertThat(mixed.priorityBackup()).isTrue();

        assertInvalid("tcp://a:1?randomize=false&&priorityBackup=true", "invalid options: ''");
        assertInvalid("tcp://a:1?randomize=false&", "invalid options: ''");
    }

    @Test
    void reconnectDelayExponentIsAnAliasOfBackOffMultiplier() {
        StompFailoverOptions options = StompFailoverOptions.parse("reconnectDelayExponent=3.0");
        assertThat(options.backOffMultiplier()).isEqualTo(3.0);
        assertThat(options.reconnectDelayExponent()).isEqualTo(3.0);
        assertThat(options.toMap()).containsEntry("backOffMultiplier", 3.0).doesNotContainKey("reconnectDelayExponent");

        assertThat(StompFailoverOptions.parse("reconnectDelayExponent=3&backOffMultiplier=4").backOffMultiplier())
            .isEqualTo(4.0);
        assertThat(StompFailoverOptions.parse("backOffMultiplier=4,reconnectDelayExponent=3").backOffMultiplier())
            .isEqualTo(3.0);
        assertInvalid("tcp://a:1?reconnectDelayExponent=x",
            "invalid options: reconnectDelayExponent: invalid float value 'x'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"5|5", "\" 5 \"|5", "+5|5", "-1|-1", "007|7", "-0|0",
        "2147483647|2147483647", "-2147483648|-2147483648"})
    void intOptionsAcceptCanonicalFormsSignAndSurroundingWhitespace(String text, int value) {
        assertThat(StompFailoverOptions.parse("initialReconnectDelay=" + text).initialReconnectDelay())
            .isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1_000", "2147483648", "-2147483649", "99999999999999999999", "+", "-", " ", "1 0", "0x10",
        "+-1", "١"})
    void intOptionsRejectOtherForms(String text) {
        assertThatThrownBy(() -> StompFailoverOptions.parse("maxReconnectAttempts=" + text))
            .isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessage("invalid options: maxReconnectAttempts: invalid int value " + Repr.str(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"3|3.0", "3.0|3.0", ".5|0.5", "5.|5.0", "1e1|10.0",
        "-2.5E-1|-0.25", "\" 2.5 \"|2.5", "+1e+2|100.0", "inf|Infinity", "-Infinity|-Infinity", "NaN|NaN"})
    void floatOptionsAcceptPythonForms(String text, double value) {
        assertThat(StompFailoverOptions.parse("backOffMultiplier=" + text).backOffMultiplier())
            .isEqualTo(Double.valueOf(value)); // boxed, so that NaN equals NaN
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "e5", "1e", "2.0d", "2f", "0x1p3", "1_0", "--1", "1.2.3", "infinite", "1e+"})
    void floatOptionsRejectOtherForms(String text) {
        assertThatThrownBy(() -> StompFailoverOptions.parse("backOffMultiplier=" + text))
            .isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessage("invalid options: backOffMultiplier: invalid float value " + Repr.str(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"True", "FALSE", "1", "0", "", " true", "yes"})
    void boolOptionsAreStrictlyLowercaseTrueOrFalse(String text) {
        assertThatThrownBy(() -> StompFailoverOptions.parse("priorityBackup=" + text))
            .isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessage("invalid options: " + Repr.str(text));
    }

    @Test
    void optionsPrintLikeThePythonDict() {
        assertThat(StompFailoverOptions.parse("backOffMultiplier=-inf").toString())
            .contains("'backOffMultiplier': -inf").startsWith("{'initialReconnectDelay': 10, ");
        assertThat(StompFailoverOptions.parse("backOffMultiplier=nan").toMap())
            .containsEntry("backOffMultiplier", Double.NaN);
        assertThat(StompFailoverOptions.defaults().toMap()).hasSize(9);
    }

    @Test
    void equalityFollowsTheUriText() {
        assertThat(new StompFailoverUri("tcp://a:1")).isEqualTo(new StompFailoverUri("tcp://a:1"))
            .hasSameHashCodeAs(new StompFailoverUri("tcp://a:1")).isNotEqualTo(new StompFailoverUri("tcp://a:01"));
        assertThat(StompFailoverOptions.parse("randomize=true")).isEqualTo(StompFailoverOptions.defaults());
    }

    @Test
    void brokerListIsUnmodifiableAndMapsAreReadOnly() {
        StompFailoverUri uri = new StompFailoverUri("tcp://a:1");
        List<StompBroker> brokers = uri.brokers();
        Map<String, Object> map = uri.options().toMap();
        assertThatThrownBy(() -> brokers.add(tcp("b", 2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.put("randomize", false)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void brokerPrintsLikeThePythonDict() {
        assertThat(new StompBroker("ssl", "it's", 1))
            .hasToString("{'host': " + Repr.str("it's") + ", 'protocol': 'ssl', 'port': 1}");
    }
}
