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

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.stompest.error.StompProtocolError;

/**
 * Every constant of the STOMP specification in its versions 1.0, 1.1 and 1.2: versions, commands, header
 * names, ack modes and the escape tables. Mirrors {@code stompest.protocol.spec.StompSpec}.
 */
public final class StompSpec {
    public static final String VERSION_1_0 = "1.0";
    public static final String VERSION_1_1 = "1.1";
    public static final String VERSION_1_2 = "1.2";
    /** The reference's default: 1.0. Always say which version you mean. */
    public static final String DEFAULT_VERSION = VERSION_1_0;
    public static final List<String> VERSIONS = List.of(VERSION_1_0, VERSION_1_1, VERSION_1_2);

    public static final String ABORT = "ABORT";
    public static final String ACK = "ACK";
    public static final String BEGIN = "BEGIN";
    public static final String COMMIT = "COMMIT";
    public static final String CONNECT = "CONNECT";
    public static final String DISCONNECT = "DISCONNECT";
    public static final String NACK = "NACK";
    public static final String SEND = "SEND";
    public static final String STOMP = "STOMP";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String UNSUBSCRIBE = "UNSUBSCRIBE";

    public static final String CONNECTED = "CONNECTED";
    public static final String ERROR = "ERROR";
    public static final String MESSAGE = "MESSAGE";
    public static final String RECEIPT = "RECEIPT";

    private static final Set<String> CLIENT_COMMANDS_1_0 =
            Set.of(ABORT, ACK, BEGIN, COMMIT, CONNECT, DISCONNECT, SEND, SUBSCRIBE, UNSUBSCRIBE);
    private static final Set<String> CLIENT_COMMANDS_1_1 =
            Set.of(ABORT, ACK, BEGIN, COMMIT, CONNECT, DISCONNECT, SEND, SUBSCRIBE, UNSUBSCRIBE, NACK, STOMP);
    public static final Set<String> SERVER_COMMANDS = Set.of(CONNECTED, ERROR, MESSAGE, RECEIPT);

    public static final Map<String, Set<String>> CLIENT_COMMANDS = Map.of(
            VERSION_1_0, CLIENT_COMMANDS_1_0, VERSION_1_1, CLIENT_COMMANDS_1_1, VERSION_1_2, CLIENT_COMMANDS_1_1);
    /** The commands the parser accepts per version: client and server commands. */
    public static final Map<String, Set<String>> COMMANDS = Map.of(
            VERSION_1_0, union(CLIENT_COMMANDS_1_0, SERVER_COMMANDS),
            VERSION_1_1, union(CLIENT_COMMANDS_1_1, SERVER_COMMANDS),
            VERSION_1_2, union(CLIENT_COMMANDS_1_1, SERVER_COMMANDS));
    /** In 1.0 any command may carry a body; from 1.1 on only SEND, MESSAGE and ERROR. */
    public static final Map<String, Set<String>> COMMANDS_BODY_ALLOWED = Map.of(
            VERSION_1_0, COMMANDS.get(VERSION_1_0),
            VERSION_1_1, Set.of(SEND, MESSAGE, ERROR),
            VERSION_1_2, Set.of(SEND, MESSAGE, ERROR));
    /** Commands whose headers are never escaped: all of 1.0, CONNECT and CONNECTED from 1.1 on. */
    public static final Map<String, Set<String>> COMMANDS_ESCAPE_EXCLUDED = Map.of(
            VERSION_1_0, COMMANDS.get(VERSION_1_0),
            VERSION_1_1, Set.of(CONNECT, CONNECTED),
            VERSION_1_2, Set.of(CONNECT, CONNECTED));

    public static final String LINE_DELIMITER = "\n";
    /** In 1.2 one trailing CR is stripped from every received line. */
    public static final Map<String, String> STRIP_LINE_DELIMITER = Map.of(VERSION_1_2, "\r");
    public static final String FRAME_DELIMITER = "\u0000";
    public static final String HEADER_SEPARATOR = ":";
    public static final String ESCAPE_CHARACTER = "\\";
    public static final String HEART_BEAT_SEPARATOR = ",";

    public static final String ACCEPT_VERSION_HEADER = "accept-version";
    public static final String ACK_HEADER = "ack";
    public static final String CONTENT_LENGTH_HEADER = "content-length";
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String DESTINATION_HEADER = "destination";
    public static final String HEART_BEAT_HEADER = "heart-beat";
    public static final String HOST_HEADER = "host";
    public static final String ID_HEADER = "id";
    public static final String LOGIN_HEADER = "login";
    public static final String MESSAGE_HEADER = "message";
    public static final String MESSAGE_ID_HEADER = "message-id";
    public static final String PASSCODE_HEADER = "passcode";
    public static final String RECEIPT_HEADER = "receipt";
    public static final String RECEIPT_ID_HEADER = "receipt-id";
    public static final String REPLY_TO_HEADER = "reply-to";
    public static final String SELECTOR_HEADER = "selector";
    public static final String SESSION_HEADER = "session";
    public static final String SERVER_HEADER = "server";
    public static final String SUBSCRIPTION_HEADER = "subscription";
    public static final String TRANSACTION_HEADER = "transaction";
    public static final String VERSION_HEADER = "version";

    public static final String ACK_AUTO = "auto";
    public static final String ACK_CLIENT = "client";
    public static final String ACK_CLIENT_INDIVIDUAL = "client-individual";
    public static final Set<String> CLIENT_ACK_MODES = Set.of(ACK_CLIENT, ACK_CLIENT_INDIVIDUAL);

    /** Wire escape sequence → the character it stands for, per version (1.0 has none). */
    public static final Map<String, Map<String, String>> ESCAPED_CHARACTERS = Map.of(
            VERSION_1_0, Map.of(),
            VERSION_1_1, Map.of("\\\\", "\\", "\\c", ":", "\\n", "\n"),
            VERSION_1_2, Map.of("\\\\", "\\", "\\c", ":", "\\n", "\n", "\\r", "\r"));

    private StompSpec() {
    }

    /**
     * Validates a version: {@code null} is {@link #DEFAULT_VERSION}; anything but "1.0", "1.1", "1.2" raises
     * {@code Version is not supported [v]}.
     */
    public static String version(String version) {
        if (version == null) {
            return DEFAULT_VERSION;
        }
        switch (version) {
            case VERSION_1_0: return VERSION_1_0;
            case VERSION_1_1: return VERSION_1_1;
            case VERSION_1_2: return VERSION_1_2;
            default: throw new StompProtocolError("Version is not supported [" + version + "]");
        }
    }

    /** All versions up to and including {@code version}: {@code versions("1.1")} is {@code [1.0, 1.1]}. */
    public static List<String> versions(String version) {
        String v = version(version);
        return VERSIONS.subList(0, VERSIONS.indexOf(v) + 1);
    }

    /** The head encoding: US-ASCII for 1.0, UTF-8 from 1.1 on (the argument is not validated, as upstream). */
    public static java.nio.charset.Charset codec(String version) {
        return VERSION_1_0.equals(version)
                ? java.nio.charset.StandardCharsets.US_ASCII
                : java.nio.charset.StandardCharsets.UTF_8;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
