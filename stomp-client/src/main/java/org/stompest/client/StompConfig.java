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

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import org.stompest.error.StompError;
import org.stompest.error.StompFrameError;
import org.stompest.protocol.StompFailoverUri;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSpec;

/**
 * The settings of one {@link StompConnection}: immutable, and the key of the connection pool.
 * <pre>
 * StompConfig config = StompConfig.builder()
 *         .failover("failover:(tcp://a:61613,tcp://b:61613)?initialReconnectDelay=10,maxReconnectAttempts=-1")
 *         .login("user").passcode("secret").version("1.2").heartBeats(10_000, 10_000)
 *         .build();
 * </pre>
 * {@link #equals(Object)} and {@link #hashCode()} cover every setting except {@link #name()}; the SSL context is
 * compared by identity. {@link #toString()} never shows the passcode.
 *
 * <p>TLS is used for the brokers whose scheme is {@code ssl://}, with {@link #sslContext()} or, when none is set,
 * the JVM's default context; {@code tcp://} brokers are plain TCP whether or not a context is set. Host name
 * verification ({@code HTTPS} endpoint identification) is on unless turned off.
 */
public final class StompConfig {
    /** The failover URI used when none is given. */
    public static final String DEFAULT_FAILOVER = "tcp://localhost:61613";
    public static final String DEFAULT_VERSION = StompSpec.VERSION_1_2;
    public static final int DEFAULT_HEART_BEAT = 10_000;
    public static final double DEFAULT_HEART_BEAT_TOLERANCE = 2.0;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CONNECTED_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RECEIPT_TIMEOUT = Duration.ofSeconds(30);

    private final String failover;
    private final StompFailoverUri failoverUri;
    private final String login;
    private final String passcode;
    private final String host;
    private final String version;
    private final int clientHeartBeat;
    private final int serverHeartBeat;
    private final double heartBeatTolerance;
    private final Duration connectTimeout;
    private final Duration connectedTimeout;
    private final Duration receiptTimeout;
    private final SSLContext sslContext;
    private final boolean hostnameVerification;
    private final Map<String, String> connectHeaders;
    private final int maxConnections;
    private final String name;
    private final BrokerProfile brokerProfile;

    private StompConfig(Builder b) {
        this.failover = b.failover;
        this.failoverUri = b.failoverUri;
        this.login = b.login;
        this.passcode = b.passcode;
        this.host = b.host;
        this.version = b.version;
        this.clientHeartBeat = b.clientHeartBeat;
        this.serverHeartBeat = b.serverHeartBeat;
        this.heartBeatTolerance = b.heartBeatTolerance;
        this.connectTimeout = b.connectTimeout;
        this.connectedTimeout = b.connectedTimeout;
        this.receiptTimeout = b.receiptTimeout;
        this.sslContext = b.sslContext;
        this.hostnameVerification = b.hostnameVerification;
        this.connectHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.connectHeaders));
        this.maxConnections = b.maxConnections;
        this.name = b.name;
        this.brokerProfile = b.brokerProfile;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.failover = failover;
        b.login = login;
        b.passcode = passcode;
        b.host = host;
        b.version = version;
        b.clientHeartBeat = clientHeartBeat;
        b.serverHeartBeat = serverHeartBeat;
        b.heartBeatTolerance = heartBeatTolerance;
        b.connectTimeout = connectTimeout;
        b.connectedTimeout = connectedTimeout;
        b.receiptTimeout = receiptTimeout;
        b.sslContext = sslContext;
        b.hostnameVerification = hostnameVerification;
        b.connectHeaders.putAll(connectHeaders);
        b.maxConnections = maxConnections;
        b.name = name;
        b.brokerProfile = brokerProfile;
        return b;
    }

    /** The failover URI as given, e.g. {@code tcp://h:p} or {@code failover:(tcp://a:1,ssl://b:2)?...}. */
    public String failover() {
        return failover;
    }

    /** The parsed {@link #failover()}. */
    public StompFailoverUri failoverUri() {
        return failoverUri;
    }

    public String login() {
        return login;
    }

    /** The passcode; never logged, never shown by {@link #toString()}. */
    public String passcode() {
        return passcode;
    }

    /** The {@code host} header (virtual host) of CONNECT from 1.1 on; {@code null} sends it empty. */
    public String host() {
        return host;
    }

    /** The highest version offered. */
    public String version() {
        return version;
    }

    /** How often we offer to send heart-beats, in ms (0: never). */
    public int clientHeartBeat() {
        return clientHeartBeat;
    }

    /** How often we ask the broker to send heart-beats, in ms (0: never). */
    public int serverHeartBeat() {
        return serverHeartBeat;
    }

    /** Silence longer than this times the negotiated server period is a lost connection. */
    public double heartBeatTolerance() {
        return heartBeatTolerance;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration connectedTimeout() {
        return connectedTimeout;
    }

    public Duration receiptTimeout() {
        return receiptTimeout;
    }

    /** The SSL context for {@code ssl://} brokers; {@code null} means the JVM default. */
    public SSLContext sslContext() {
        return sslContext;
    }

    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /** Extra CONNECT headers (read-only). */
    public Map<String, String> connectHeaders() {
        return connectHeaders;
    }

    /** Connections per pool key. */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * The broker profile forced by the user, or null (the default): then each connect picks it from the
     * {@code server} header of CONNECTED ({@link BrokerProfile#of(String)}).
     */
    public BrokerProfile brokerProfile() {
        return brokerProfile;
    }

    /** Optional prefix for thread and JMX names; {@code null} when not set. Not part of equality. */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StompConfig)) {
            return false;
        }
        StompConfig c = (StompConfig) o;
        return clientHeartBeat == c.clientHeartBeat && serverHeartBeat == c.serverHeartBeat
                && Double.compare(heartBeatTolerance, c.heartBeatTolerance) == 0
                && hostnameVerification == c.hostnameVerification && maxConnections == c.maxConnections
                && failover.equals(c.failover) && Objects.equals(login, c.login)
                && Objects.equals(passcode, c.passcode) && Objects.equals(host, c.host)
                && version.equals(c.version) && connectTimeout.equals(c.connectTimeout)
                && connectedTimeout.equals(c.connectedTimeout) && receiptTimeout.equals(c.receiptTimeout)
                && sslContext == c.sslContext && connectHeaders.equals(c.connectHeaders)
                && brokerProfile == c.brokerProfile;
    }

    @Override
    public int hashCode() {
        return Objects.hash(failover, login, passcode, host, version, clientHeartBeat, serverHeartBeat,
                heartBeatTolerance, connectTimeout, connectedTimeout, receiptTimeout,
                System.identityHashCode(sslContext), hostnameVerification, connectHeaders, maxConnections,
                brokerProfile);
    }

    /** Every setting, the passcode masked as {@code ***}. */
    @Override
    public String toString() {
        return "StompConfig[failover=" + failover + ", login=" + login
                + ", passcode=" + (passcode == null ? null : "***") + ", host=" + host + ", version=" + version
                + ", heartBeats=" + clientHeartBeat + "," + serverHeartBeat
                + ", heartBeatTolerance=" + heartBeatTolerance + ", connectTimeout=" + connectTimeout
                + ", connectedTimeout=" + connectedTimeout + ", receiptTimeout=" + receiptTimeout
                + ", sslContext=" + (sslContext == null ? null : sslContext.getProtocol())
                + ", hostnameVerification=" + hostnameVerification + ", connectHeaders=" + maskedHeaders()
                + ", maxConnections=" + maxConnections
                + (brokerProfile == null ? "" : ", brokerProfile=" + brokerProfile)
                + (name == null ? "" : ", name=" + name) + "]";
    }

    private Map<String, String> maskedHeaders() {
        Map<String, String> shown = new LinkedHashMap<>(connectHeaders);
        shown.replaceAll((k, v) -> k.equalsIgnoreCase(StompSpec.PASSCODE_HEADER) ? "***" : v);
        return shown;
    }

    /** Collects the settings; every setter returns the builder. {@link #build()} validates. */
    public static final class Builder {
        private String failover = DEFAULT_FAILOVER;
        private StompFailoverUri failoverUri;
        private String login;
        private String passcode;
        private String host;
        private String version = DEFAULT_VERSION;
        private int clientHeartBeat = DEFAULT_HEART_BEAT;
        private int serverHeartBeat = DEFAULT_HEART_BEAT;
        private double heartBeatTolerance = DEFAULT_HEART_BEAT_TOLERANCE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration connectedTimeout = DEFAULT_CONNECTED_TIMEOUT;
        private Duration receiptTimeout = DEFAULT_RECEIPT_TIMEOUT;
        private SSLContext sslContext;
        private boolean hostnameVerification = true;
        private final Map<String, String> connectHeaders = new LinkedHashMap<>();
        private int maxConnections = 1;
        private String name;
        private BrokerProfile brokerProfile;

        private Builder() {
        }

        /** Forces a broker profile; null (the default) picks it from CONNECTED's {@code server} header. */
        public Builder brokerProfile(BrokerProfile profile) {
            this.brokerProfile = profile;
            return this;
        }

        public Builder failover(String uri) {
            this.failover = uri;
            return this;
        }

        public Builder login(String login) {
            this.login = login;
            return this;
        }

        public Builder passcode(String passcode) {
            this.passcode = passcode;
            return this;
        }

        /** The virtual host sent as CONNECT's {@code host} header (1.1+). */
        public Builder host(String virtualHost) {
            this.host = virtualHost;
            return this;
        }

        /** The highest version to offer: {@code 1.0}, {@code 1.1} or {@code 1.2} (default). */
        public Builder version(String highest) {
            this.version = highest;
            return this;
        }

        /** What we offer in ms: to send a beat every {@code clientMs}, to receive one every {@code serverMs}. */
        public Builder heartBeats(int clientMs, int serverMs) {
            this.clientHeartBeat = clientMs;
            this.serverHeartBeat = serverMs;
            return this;
        }

        public Builder heartBeatTolerance(double tolerance) {
            this.heartBeatTolerance = tolerance;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder connectedTimeout(Duration timeout) {
            this.connectedTimeout = timeout;
            return this;
        }

        public Builder receiptTimeout(Duration timeout) {
            this.receiptTimeout = timeout;
            return this;
        }

        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        public Builder hostnameVerification(boolean on) {
            this.hostnameVerification = on;
            return this;
        }

        /** Extra CONNECT headers; replaces earlier ones. */
        public Builder connectHeaders(Map<String, String> headers) {
            connectHeaders.clear();
            if (headers != null) {
                connectHeaders.putAll(headers);
            }
            return this;
        }

        public Builder maxConnections(int max) {
            this.maxConnections = max;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** @throws IllegalArgumentException naming the first bad option */
        public StompConfig build() {
            if (failover == null) {
                throw new IllegalArgumentException("failover must not be null");
            }
            try {
                failoverUri = new StompFailoverUri(failover);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid failover: " + e.getMessage(), e);
            }
            try {
                version = StompSpec.version(Objects.requireNonNull(version, "version"));
            } catch (StompError | NullPointerException e) {
                throw new IllegalArgumentException("Invalid version: " + version
                        + " (expected 1.0, 1.1 or 1.2)", e);
            }
            if (clientHeartBeat < 0 || serverHeartBeat < 0) {
                throw new IllegalArgumentException("Invalid heartBeats: " + clientHeartBeat + "," + serverHeartBeat
                        + " (expected two non-negative periods in ms)");
            }
            if (!(heartBeatTolerance >= 1.0) || Double.isInfinite(heartBeatTolerance)) {
                throw new IllegalArgumentException("Invalid heartBeatTolerance: " + heartBeatTolerance
                        + " (expected a finite number >= 1.0)");
            }
            positive("connectTimeout", connectTimeout);
            positive("connectedTimeout", connectedTimeout);
            positive("receiptTimeout", receiptTimeout);
            if (maxConnections < 1) {
                throw new IllegalArgumentException("Invalid maxConnections: " + maxConnections + " (expected >= 1)");
            }
            connectHeader("login", StompSpec.LOGIN_HEADER, login);
            connectHeader("passcode", StompSpec.PASSCODE_HEADER, passcode);
            connectHeader("host", StompSpec.HOST_HEADER, host);
            for (Map.Entry<String, String> header : connectHeaders.entrySet()) {
                connectHeader("connectHeaders", header.getKey(), header.getValue());
            }
            return new StompConfig(this);
        }

        /**
         * Renders the option as the header CONNECT sends it (CONNECT is never escaped and always 1.0), so that a
         * line feed, which would add header lines, fails here naming the option rather than on every connect.
         * The protocol's message names the header and never shows a passcode.
         */
        private static void connectHeader(String option, String name, String value) {
            if (value == null) {
                return;
            }
            try {
                new StompFrame(StompSpec.CONNECT, Collections.singletonMap(name, value)).toBytes();
            } catch (StompFrameError e) {
                throw new IllegalArgumentException("Invalid " + option + ": " + e.getMessage(), e);
            }
        }

        private static void positive(String option, Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("Invalid " + option + ": " + value
                        + " (expected a positive duration)");
            }
        }
    }
}
