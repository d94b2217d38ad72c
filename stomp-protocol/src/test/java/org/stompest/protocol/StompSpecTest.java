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

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stompest.error.StompProtocolError;

/** {@link StompSpec} (§2): versions, codecs, command sets, escape tables and the other constants. */
class StompSpecTest {

    @Test
    void versionsAreOrderedAndDefaultIs10() {
        assertThat(StompSpec.VERSIONS).containsExactly("1.0", "1.1", "1.2");
        assertThat(StompSpec.DEFAULT_VERSION).isEqualTo("1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1", "1.2"})
    void validVersionIsReturned(String version) {
        assertThat(StompSpec.version(version)).isEqualTo(version);
    }

    @Test
    void nullVersionIsTheDefault() {
        assertThat(StompSpec.version(null)).isEqualTo(StompSpec.DEFAULT_VERSION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.3", "1.10", "1", "1.00", " 1.1", "1.1 ", "", "2.0", "v1.1"})
    void anythingElseIsNotSupported(String version) {
        assertThatThrownBy(() -> StompSpec.version(version))
                .isInstanceOf(StompProtocolError.class)
                .hasMessage("Version is not supported [" + version + "]");
    }

    @Test
    void unsupportedVersionMessage() {
        assertThatThrownBy(() -> StompSpec.version("1.3")).hasMessage("Version is not supported [1.3]");
    }

    @Test
    void versionsYieldsEveryVersionUpToTheGivenOne() {
        assertThat(StompSpec.versions("1.0")).containsExactly("1.0");
        assertThat(StompSpec.versions("1.1")).containsExactly("1.0", "1.1");
        assertThat(StompSpec.versions("1.2")).containsExactly("1.0", "1.1", "1.2");
        assertThat(StompSpec.versions(null)).containsExactly("1.0");
    }

    @Test
    void versionsValidatesItsArgument() {
        assertThatThrownBy(() -> StompSpec.versions("1.3"))
                .isInstanceOf(StompProtocolError.class).hasMessage("Version is not supported [1.3]");
        assertThatThrownBy(() -> StompSpec.versions("1.10")).isInstanceOf(StompProtocolError.class);
    }

    @Test
    void codecIsAsciiFor10AndUtf8OtherwiseWithoutValidation() {
        assertThat(StompSpec.codec("1.0")).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(StompSpec.codec("1.1")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(StompSpec.codec("1.2")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(StompSpec.codec("9.9")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(StompSpec.codec(null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void commandsPerVersion() {
        assertThat(StompSpec.COMMANDS.get("1.0")).hasSize(13).containsExactlyInAnyOrder(
                "ABORT", "ACK", "BEGIN", "COMMIT", "CONNECT", "DISCONNECT", "SEND", "SUBSCRIBE", "UNSUBSCRIBE",
                "CONNECTED", "ERROR", "MESSAGE", "RECEIPT");
        for (String version : new String[] {"1.1", "1.2"}) {
            assertThat(StompSpec.COMMANDS.get(version)).hasSize(15)
                    .containsAll(StompSpec.COMMANDS.get("1.0")).contains("NACK", "STOMP");
        }
        assertThat(StompSpec.COMMANDS).containsOnlyKeys("1.0", "1.1", "1.2");
    }

    @Test
    void clientAndServerCommands() {
        assertThat(StompSpec.SERVER_COMMANDS).containsExactlyInAnyOrder("CONNECTED", "ERROR", "MESSAGE", "RECEIPT");
        assertThat(StompSpec.CLIENT_COMMANDS.get("1.0")).containsExactlyInAnyOrder(
                "ABORT", "ACK", "BEGIN", "COMMIT", "CONNECT", "DISCONNECT", "SEND", "SUBSCRIBE", "UNSUBSCRIBE");
        assertThat(StompSpec.CLIENT_COMMANDS.get("1.1")).hasSize(11).contains("NACK", "STOMP");
        assertThat(StompSpec.CLIENT_COMMANDS.get("1.2")).isEqualTo(StompSpec.CLIENT_COMMANDS.get("1.1"));
    }

    @Test
    void bodyIsAllowedForEveryCommandIn10AndOnlySendMessageErrorLater() {
        assertThat(StompSpec.COMMANDS_BODY_ALLOWED.get("1.0")).isEqualTo(StompSpec.COMMANDS.get("1.0"));
        assertThat(StompSpec.COMMANDS_BODY_ALLOWED.get("1.1")).containsExactlyInAnyOrder("SEND", "MESSAGE", "ERROR");
        assertThat(StompSpec.COMMANDS_BODY_ALLOWED.get("1.2")).containsExactlyInAnyOrder("SEND", "MESSAGE", "ERROR");
    }

    @Test
    void escapeExcludedCommands() {
        assertThat(StompSpec.COMMANDS_ESCAPE_EXCLUDED.get("1.0")).isEqualTo(StompSpec.COMMANDS.get("1.0"))
                .hasSize(13);
        assertThat(StompSpec.COMMANDS_ESCAPE_EXCLUDED.get("1.1")).containsExactlyInAnyOrder("CONNECT", "CONNECTED");
        assertThat(StompSpec.COMMANDS_ESCAPE_EXCLUDED.get("1.2")).containsExactlyInAnyOrder("CONNECT", "CONNECTED")
                .doesNotContain("STOMP");
    }

    @Test
    void escapeTables() {
        assertThat(StompSpec.ESCAPED_CHARACTERS.get("1.0")).isEmpty();
        assertThat(StompSpec.ESCAPED_CHARACTERS.get("1.1")).containsOnly(
                Map.entry("\\\\", "\\"), Map.entry("\\c", ":"), Map.entry("\\n", "\n"));
        assertThat(StompSpec.ESCAPED_CHARACTERS.get("1.2")).containsOnly(
                Map.entry("\\\\", "\\"), Map.entry("\\c", ":"), Map.entry("\\n", "\n"), Map.entry("\\r", "\r"));
    }

    @Test
    void framingConstants() {
        assertThat(StompSpec.LINE_DELIMITER).isEqualTo("\n");
        assertThat(StompSpec.STRIP_LINE_DELIMITER).containsOnly(Map.entry("1.2", "\r"));
        assertThat(StompSpec.FRAME_DELIMITER).isEqualTo("\0");
        assertThat(StompSpec.HEADER_SEPARATOR).isEqualTo(":");
        assertThat(StompSpec.ESCAPE_CHARACTER).isEqualTo("\\");
        assertThat(StompSpec.HEART_BEAT_SEPARATOR).isEqualTo(",");
    }

    @Test
    void headerNames() {
        assertThat(new String[] {StompSpec.ACCEPT_VERSION_HEADER, StompSpec.ACK_HEADER,
            StompSpec.CONTENT_LENGTH_HEADER, StompSpec.CONTENT_TYPE_HEADER, StompSpec.DESTINATION_HEADER,
            StompSpec.HEART_BEAT_HEADER, StompSpec.HOST_HEADER, StompSpec.ID_HEADER, StompSpec.LOGIN_HEADER,
            StompSpec.MESSAGE_ID_HEADER, StompSpec.PASSCODE_HEADER, StompSpec.RECEIPT_HEADER,
            StompSpec.RECEIPT_ID_HEADER, StompSpec.SELECTOR_HEADER, StompSpec.SESSION_HEADER,
            StompSpec.SERVER_HEADER, StompSpec.SUBSCRIPTION_HEADER, StompSpec.TRANSACTION_HEADER,
            StompSpec.VERSION_HEADER}).containsExactly("accept-version", "ack", "content-length", "content-type",
                "destination", "heart-beat", "host", "id", "login", "message-id", "passcode", "receipt",
                "receipt-id", "selector", "session", "server", "subscription", "transaction", "version");
    }

    @Test
    void ackModes() {
        assertThat(StompSpec.ACK_AUTO).isEqualTo("auto");
        assertThat(StompSpec.ACK_CLIENT).isEqualTo("client");
        assertThat(StompSpec.ACK_CLIENT_INDIVIDUAL).isEqualTo("client-individual");
        assertThat(StompSpec.CLIENT_ACK_MODES).containsExactlyInAnyOrder("client", "client-individual");
    }

    @Test
    void tablesAreReadOnly() {
        assertThatThrownBy(() -> StompSpec.COMMANDS.get("1.0").add("NACK"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> StompSpec.versions("1.2").add("1.3"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
