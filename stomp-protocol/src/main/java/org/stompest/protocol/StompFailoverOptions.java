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

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The transport options of a failover URI ({@code …?randomize=false,maxReconnectAttempts=3}), immutable.
 *
 * <p>As in the reference, the options are declared once, in {@link Option}, as a table of name → (parser,
 * default); parsing, defaults and {@link #toMap()} all read that table. Semantics of each option: see the accessor.
 *
 * <p>Grammar ({@link #parse(String)}): an empty string means all defaults. Otherwise items are separated by
 * {@code ,} (the reference) <b>or {@code &}</b> (ActiveMQ style; an extension, both may be mixed). Each item is
 * split at its first {@code =} (no {@code =} means an empty value). A repeated option: the last one wins.
 * {@code reconnectDelayExponent} (ActiveMQ's name) is accepted as an alias of {@code backOffMultiplier}; it is an
 * extension and does not appear in {@link #toMap()}. Unknown names are errors, as in the reference.
 *
 * <p>Values, parsed by hand (no regex):
 * <ul>
 * <li>bool: exactly {@code true} or {@code false}, lowercase, nothing around them;</li>
 * <li>int: optional surrounding whitespace, an optional sign, ASCII digits (leading zeros allowed), within Java's
 * {@code int} range. Python's {@code int()} also takes {@code _} separators and unbounded values; we do not;</li>
 * <li>float: optional surrounding whitespace and sign, then decimal digits with an optional fraction and exponent
 * ({@code 2}, {@code 2.5}, {@code .5}, {@code 1e1}), or {@code inf}, {@code infinity}, {@code nan} in any case,
 * like Python's {@code float()} (which also takes {@code _}; we do not). Java-only forms such as {@code 2.0d} or
 * hex floats are rejected.</li>
 * </ul>
 * No range checks, like the reference: negative delays and multipliers are accepted (see the transport).
 * A bad option throws {@link IllegalArgumentException} with a message that starts {@code invalid options: }.
 */
public final class StompFailoverOptions {

    /** The option table: the name in the URI, how its text becomes a value, and its default. */
    private enum Option {
        INITIAL_RECONNECT_DELAY("initialReconnectDelay", StompFailoverOptions::parseInt, 10),
        MAX_RECONNECT_DELAY("maxReconnectDelay", StompFailoverOptions::parseInt, 30000),
        USE_EXPONENTIAL_BACK_OFF("useExponentialBackOff", StompFailoverOptions::parseBool, true),
        BACK_OFF_MULTIPLIER("backOffMultiplier", StompFailoverOptions::parseFloat, 2.0),
        MAX_RECONNECT_ATTEMPTS("maxReconnectAttempts", StompFailoverOptions::parseInt, -1),
        STARTUP_MAX_RECONNECT_ATTEMPTS("startupMaxReconnectAttempts", StompFailoverOptions::parseInt, 0),
        RECONNECT_DELAY_JITTER("reconnectDelayJitter", StompFailoverOptions::parseInt, 0),
        RANDOMIZE("randomize", StompFailoverOptions::parseBool, true),
        PRIORITY_BACKUP("priorityBackup", StompFailoverOptions::parseBool, false);

        final String key;
        final Parser parser;
        final Object defaultValue;

        Option(String key, Parser parser, Object defaultValue) {
            this.key = key;
            this.parser = parser;
            this.defaultValue = defaultValue;
        }
    }

    /** A value parser; it gets the name as written (for messages) and fails with {@link #invalid(String)}. */
    private interface Parser {
        Object parse(String name, String text);
    }

    /** Every name accepted in a URI, including the ActiveMQ alias. */
    private static final Map<String, Option> NAMES = new HashMap<>();

    static {
        for (Option option : Option.values()) {
            NAMES.put(option.key, option);
        }
        NAMES.put("reconnectDelayExponent", Option.BACK_OFF_MULTIPLIER);
    }

    private static final StompFailoverOptions DEFAULTS = new StompFailoverOptions(new EnumMap<>(Option.class));

    private final Map<Option, Object> values;

    private StompFailoverOptions(Map<Option, Object> overrides) {
        Map<Option, Object> all = new EnumMap<>(Option.class);
        for (Option option : Option.values()) {
            all.put(option, overrides.getOrDefault(option, option.defaultValue));
        }
        this.values = Collections.unmodifiableMap(all);
    }

    /** All defaults: the options of a URI without {@code ?}. */
    public static StompFailoverOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Parses the part of a failover URI after its first {@code ?}, as described in the class comment.
     *
     * @throws IllegalArgumentException {@code invalid options: 'foo'} for an unknown name or an empty item,
     *     {@code invalid options: 'True'} for a bad bool, {@code invalid options: initialReconnectDelay: invalid
     *     int value 'abc'} for a bad number
     */
    public static StompFailoverOptions parse(String options) {
        if (options.isEmpty()) {
            return DEFAULTS;
        }
        Map<Option, Object> overrides = new EnumMap<>(Option.class);
        int start = 0;
        while (start <= options.length()) {
            int end = start;
            while (end < options.length() && options.charAt(end) != ',' && options.charAt(end) != '&') {
                end++;
            }
            String item = options.substring(start, end);
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq);
            String value = eq < 0 ? "" : item.substring(eq + 1);
            Option option = NAMES.get(name);
            if (option == null) {
                throw invalid(Repr.str(name));
            }
            overrides.put(option, option.parser.parse(name, value));
            start = end + 1;
        }
        return new StompFailoverOptions(overrides);
    }

    /** Delay before the first reconnect attempt, in ms (default 10). */
    public int initialReconnectDelay() {
        return (Integer) values.get(Option.INITIAL_RECONNECT_DELAY);
    }

    /** Cap on any delay, in ms (default 30000); a negative cap makes every delay 0. */
    public int maxReconnectDelay() {
        return (Integer) values.get(Option.MAX_RECONNECT_DELAY);
    }

    /** Whether the delay is multiplied by {@link #backOffMultiplier()} after each attempt (default true). */
    public boolean useExponentialBackOff() {
        return (Boolean) values.get(Option.USE_EXPONENTIAL_BACK_OFF);
    }

    /** The back-off factor (default 2.0); set by {@code backOffMultiplier} or {@code reconnectDelayExponent}. */
    public double backOffMultiplier() {
        return (Double) values.get(Option.BACK_OFF_MULTIPLIER);
    }

    /** ActiveMQ's name for {@link #backOffMultiplier()}; the same value. */
    public double reconnectDelayExponent() {
        return backOffMultiplier();
    }

    /** Reconnect attempts allowed in every iteration after the first: -1 forever, 0 none, n &gt; 0 n (default -1). */
    public int maxReconnectAttempts() {
        return (Integer) values.get(Option.MAX_RECONNECT_ATTEMPTS);
    }

    /** Like {@link #maxReconnectAttempts()}, for the first iteration only; the default 0 means a single try. */
    public int startupMaxReconnectAttempts() {
        return (Integer) values.get(Option.STARTUP_MAX_RECONNECT_ATTEMPTS);
    }

    /** Up to this many ms (uniform, exclusive) are added to each delay before the cap (default 0). */
    public int reconnectDelayJitter() {
        return (Integer) values.get(Option.RECONNECT_DELAY_JITTER);
    }

    /** Whether the brokers are shuffled on every pass (default true). */
    public boolean randomize() {
        return (Boolean) values.get(Option.RANDOMIZE);
    }

    /** Whether local brokers go first on every pass, keeping the order within each group (default false). */
    public boolean priorityBackup() {
        return (Boolean) values.get(Option.PRIORITY_BACKUP);
    }

    /** The reference's option dict: the nine reference names (no alias) to Integer, Double or Boolean values. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        values.forEach((option, value) -> map.put(option.key, value));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StompFailoverOptions && values.equals(((StompFailoverOptions) other).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The dict repr of {@link #toMap()}, e.g. {@code {'initialReconnectDelay': 10, …, 'randomize': True, …}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        values.forEach((option, value) -> out.append(out.length() > 1 ? ", " : "").append(Repr.str(option.key))
            .append(": ").append(pythonLiteral(value)));
        return out.append('}').toString();
    }

    private static String pythonLiteral(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        if (value instanceof Double) {
            double d = (Double) value;
            return Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Double.toString(d);
        }
        return String.valueOf(value);
    }

    private static boolean parseBool(String name, String text) {
        if (text.equals("true") || text.equals("false")) {
            return text.equals("true");
        }
        throw invalid(Repr.str(text));
    }

    private static int parseInt(String name, String text) {
        String s = text.strip();
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        long value = 0;
        for (int j = i; j < s.length() && value <= 1L + Integer.MAX_VALUE; j++) {
            char c = s.charAt(j);
            if (c < '0' || c > '9') {
                throw invalid(name + ": invalid int value " + Repr.str(text));
            }
            value = value * 10 + (c - '0');
        }
        value = s.startsWith("-") ? -value : value;
        if (i == s.length() || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(name + ": invalid int value " + Repr.str(text));
        }
        return (int) value;
    }

    private static double parseFloat(String name, String text) {
        String s = text.strip();
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        String word = s.substring(i).toLowerCase(Locale.ROOT);
        if (word.equals("inf") || word.equals("infinity")) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (word.equals("nan")) {
            return Double.NaN;
        }
        int mantissa = digits(s, i);
        int end = mantissa;
        if (end < s.length() && s.charAt(end) == '.') {
            end = digits(s, end + 1);
        }
        boolean valid = end - i - (end > mantissa ? 1 : 0) > 0;
        if (valid && end < s.length() && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
            int sign = end + 1 < s.length() && (s.charAt(end + 1) == '+' || s.charAt(end + 1) == '-') ? 1 : 0;
            int exponent = digits(s, end + 1 + sign);
            valid = exponent > end + 1 + sign;
            end = exponent;
        }
        if (!valid || end != s.length()) {
            throw invalid(name + ": invalid float value " + Repr.str(text));
        }
        return Double.parseDouble(s);
    }

    /** The index after the run of ASCII digits starting at {@code from}. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static IllegalArgumentException invalid(String detail) {
        return new IllegalArgumentException("invalid options: " + detail);
    }
}
