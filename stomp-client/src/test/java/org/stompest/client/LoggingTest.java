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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stompest.client.testing.FakeStompPeer;
import org.stompest.error.StompConnectionError;

/** Frames are logged at DEBUG, and the passcode never reaches the log, even at DEBUG and on failures. */
class LoggingTest {
    private static final String PASSCODE = "pa55-w0rd-never-logged";
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private AbstractAppender appender;
    private Level previousLevel;

    @BeforeEach
    void capture() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                String line = event.getLevel() + " " + event.getMessage().getFormattedMessage();
                lines.add(event.getThrown() == null ? line : line + " " + event.getThrown());
            }
        };
        appender.start();
        configuration.addAppender(appender);
        LoggerConfig config = configuration.getLoggerConfig("org.stompest");
        assertThat(config.getName()).isEqualTo("org.stompest"); // declared in log4j2-test.xml
        previousLevel = config.getLevel();
        config.setLevel(Level.DEBUG);
        config.addAppender(appender, Level.DEBUG, null);
        context.updateLoggers();
    }

    @AfterEach
    void restore() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig config = context.getConfiguration().getLoggerConfig("org.stompest");
        config.removeAppender("capture");
        config.setLevel(previousLevel);
        appender.stop();
        context.updateLoggers();
    }

    @Test
    void framesAreLoggedAtDebugWithThePasscodeMasked() throws Exception {
        try (FakeStompPeer peer = FakeStompPeer.start();
             StompConnection connection = new StompConnection(StompConfig.builder().failover(peer.uri())
                     .login("user").passcode(PASSCODE).build())) {
            connection.connect();
            connection.sendWithReceipt("/queue/x", new byte[] {1}, Map.of()).get();
            FakeStompPeer.Connection conn = peer.awaitConnection(Duration.ofSeconds(5));
            assertThat(conn.frames().get(0).header("passcode")).isEqualTo(PASSCODE); // it was sent
        }
        assertThat(lines).anyMatch(l -> l.startsWith("DEBUG Sent CONNECT frame"));
        assertThat(lines).anyMatch(l -> l.startsWith("DEBUG Received CONNECTED frame"));
        assertThat(lines).anyMatch(l -> l.startsWith("DEBUG Received RECEIPT frame"));
        assertThat(lines).anyMatch(l -> l.startsWith("INFO Connected"));
        assertThat(lines).noneMatch(l -> l.contains(PASSCODE));
    }

    @Test
    void failedAttemptsAreWarningsAndGivingUpIsAnErrorWithoutThePasscode() {
        try (FakeStompPeer peer = FakeStompPeer.start()) {
            peer.onConnect((conn, connect) -> {
                conn.sendRaw(FakeStompPeer.frame("ERROR", Map.of("message", "bad login"), ""));
                conn.close();
            });
            StompConnection connection = new StompConnection(StompConfig.builder().failover("failover:(" + peer.uri()
                    + ")?startupMaxReconnectAttempts=1,initialReconnectDelay=1").login("user").passcode(PASSCODE)
                    .build());
            assertThatThrownBy(connection::connect).isInstanceOf(StompConnectionError.class);
            connection.close();
            assertThat(connection.toString()).doesNotContain(PASSCODE);
        }
        assertThat(lines).filteredOn(l -> l.startsWith("WARN Could not connect")).hasSize(2);
        assertThat(lines).filteredOn(l -> l.startsWith("ERROR Giving up connecting")).hasSize(1);
        assertThat(lines).noneMatch(l -> l.contains(PASSCODE));
    }
}
