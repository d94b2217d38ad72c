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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stompest.error.StompProtocolError;

/**
 * The stateless STOMP commands of the reference's {@code stompest.protocol.commands}: builders for outgoing frames
 * and handlers for incoming ones. {@link StompSession} adds the state; use this class directly to roll your own.
 *
 * <p>Where a command's behaviour depends on the protocol version, {@code version} is the last argument
 * ({@code null} means {@link StompSpec#DEFAULT_VERSION}) and the built frame carries it. Exceptions: CONNECT and
 * STOMP frames are always version 1.0 (never escaped), and ACK/NACK take the version of the MESSAGE frame.
 * Python's keyword arguments become the full signatures, where {@code null} means the reference's default; a few
 * overloads leave out trailing arguments. A receipt that is {@code null} or empty adds no {@code receipt} header. Every rule violation raises {@link StompProtocolError} with the
 * reference's wording; embedded data is rendered like the reference's Python reprs.
 */
public final class Commands {
    private Commands() {
    }

    // outgoing frames

    /** A CONNECT frame offering only 1.0 and no credentials. */
    public static StompFrame connect() {
        return connect(null, null, null, null, null, null);
    }

    /** A CONNECT frame offering {@code versions}, no credentials. */
    public static StompFrame connect(List<String> versions) {
        return connect(null, null, null, versions, null, null);
    }

    public static StompFrame connect(String login, String passcode) {
        return connect(login, passcode, null, null, null, null);
    }

    /**
     * A CONNECT frame (always version 1.0): a copy of {@code headers} plus {@code login} and {@code passcode} unless
     * {@code null}. {@code versions} ({@code null}: only 1.0) is validated and sorted; unless it is exactly
     * {@code [1.0]}, {@code accept-version} and {@code host} ({@code null}: empty) are set. {@code heartBeats} is
     * {@code {clientSend, clientReceive}} in ms ({@code null}: no {@code heart-beat} header; not in 1.0).
     */
    public static StompFrame connect(String login, String passcode, Map<String, String> headers,
                                     List<String> versions, String host, int[] heartBeats) {
        // Insertion order follows the reference's printed examples, so toString() reads the same.
        Map<String, String> all = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
        if (passcode != null) {
            all.put(StompSpec.PASSCODE_HEADER, passcode);
        }
        if (login != null) {
            all.put(StompSpec.LOGIN_HEADER, login);
        }
        List<String> offered = sortedVersions(versions);
        boolean only10 = offered.equals(List.of(StompSpec.VERSION_1_0));
        if (!only10) {
            all.put(StompSpec.HOST_HEADER, host == null ? "" : host);
            all.put(StompSpec.ACCEPT_VERSION_HEADER, String.join(",", offered));
        }
        if (heartBeats != null) {
            if (only10) {
                throw new StompProtocolError("Heart-beating not supported (version " + StompSpec.VERSION_1_0 + ")");
            }
            if (heartBeats.length != 2 || heartBeats[0] < 0 || heartBeats[1] < 0) {
                throw new StompProtocolError("Invalid heart-beats (two non-negative integers required): "
                        + Arrays.toString(heartBeats));
            }
            all.put(StompSpec.HEART_BEAT_HEADER, heartBeats[0] + StompSpec.HEART_BEAT_SEPARATOR + heartBeats[1]);
        }
        return new StompFrame(StompSpec.CONNECT, all, null, StompSpec.VERSION_1_0);
    }

    /**
     * A STOMP frame: the headers of {@link #connect(String, String, Map, List, String, int[])}, version 1.0 (so it
     * renders unescaped, like CONNECT). Unsupported when only 1.0 (or {@code null}) is offered.
     */
    public static StompFrame stomp(String login, String passcode, Map<String, String> headers,
                                   List<String> versions, String host, int[] heartBeats) {
        if (versions == null || versions.equals(List.of(StompSpec.VERSION_1_0))) {
            throw new StompProtocolError("Unsupported command (version " + StompSpec.VERSION_1_0 + "): "
                    + StompSpec.STOMP);
        }
        StompFrame frame = connect(login, passcode, headers, versions, host, heartBeats);
        return new StompFrame(StompSpec.STOMP, frame.headers(), frame.body(), StompSpec.VERSION_1_0);
    }

    public static StompFrame disconnect() {
        return disconnect(null, null);
    }

    public static StompFrame disconnect(String receipt) {
        return disconnect(receipt, null);
    }

    /** A DISCONNECT frame; a receipt asks the broker to confirm it. */
    public static StompFrame disconnect(String receipt, String version) {
        return withReceipt(new StompFrame(StompSpec.DISCONNECT, null, null, version), receipt);
    }

    public static StompFrame send(String destination, byte[] body) {
        return send(destination, body, null, null, null);
    }

    /**
     * A SEND frame: a copy of {@code headers} with {@code destination} set (overriding any given). The body is used
     * as is ({@code null}: empty); no {@code content-length} is added, so a body with NUL bytes needs one.
     */
    public static StompFrame send(String destination, byte[] body, Map<String, String> headers, String receipt,
                                  String version) {
        StompFrame frame = new StompFrame(StompSpec.SEND, headers, body, version);
        frame.headers().put(StompSpec.DESTINATION_HEADER, destination);
        return withReceipt(frame, receipt);
    }

    public static SubscribeResult subscribe(String destination, Map<String, String> headers) {
        return subscribe(destination, headers, null, null);
    }

    /**
     * A SUBSCRIBE frame and its token: {@code ('id', id)} if {@code headers} has an {@code id}, else (1.0 only)
     * {@code ('destination', destination)}. From 1.1 on an {@code id} header is mandatory.
     */
    public static SubscribeResult subscribe(String destination, Map<String, String> headers, String receipt,
                                            String version) {
        StompFrame frame = new StompFrame(StompSpec.SUBSCRIBE, headers, null, version);
        frame.headers().put(StompSpec.DESTINATION_HEADER, destination);
        withReceipt(frame, receipt);
        String id = frame.header(StompSpec.ID_HEADER);
        if (id != null) {
            return new SubscribeResult(frame, SubscriptionToken.id(id));
        }
        if (!StompSpec.VERSION_1_0.equals(frame.version())) {
            throw mandatory(frame, StompSpec.ID_HEADER);
        }
        return new SubscribeResult(frame, SubscriptionToken.destination(destination));
    }

    /** An UNSUBSCRIBE frame whose only header is the token (plus the receipt); 1.0 also accepts a destination token. */
    public static StompFrame unsubscribe(SubscriptionToken token, String receipt, String version) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(token.name(), token.value());
        StompFrame frame = withReceipt(new StompFrame(StompSpec.UNSUBSCRIBE, headers, null, version), receipt);
        if (!frame.headers().containsKey(StompSpec.ID_HEADER)) {
            if (!StompSpec.VERSION_1_0.equals(frame.version())) {
                throw mandatory(frame, StompSpec.ID_HEADER);
            }
            checkHeader(frame, StompSpec.DESTINATION_HEADER);
        }
        return frame;
    }

    /**
     * An ACK frame for a MESSAGE frame, in the MESSAGE's version. 1.0/1.1 copy {@code message-id} and
     * {@code subscription}; 1.2 sends only {@code id} = the MESSAGE's {@code ack} header. {@code transaction} is
     * copied only if it names one of {@code transactions}; every other header is dropped.
     */
    public static StompFrame ack(StompFrame message, Collection<String> transactions, String receipt) {
        return withReceipt(new StompFrame(StompSpec.ACK, ackHeaders(message, transactions), null,
                message.version()), receipt);
    }

    /** A NACK frame for a MESSAGE frame: as {@link #ack(StompFrame, Collection, String)}, not in 1.0. */
    public static StompFrame nack(StompFrame message, Collection<String> transactions, String receipt) {
        if (StompSpec.VERSION_1_0.equals(message.version())) {
            throw new StompProtocolError(StompSpec.NACK + " not supported (version " + message.version() + ")");
        }
        return withReceipt(new StompFrame(StompSpec.NACK, ackHeaders(message, transactions), null,
                message.version()), receipt);
    }

    /** A BEGIN frame; the transaction id must not be {@code null} (the reference sent {@code transaction:None}). */
    public static StompFrame begin(String transaction, String receipt, String version) {
        return transactionFrame(StompSpec.BEGIN, transaction, receipt, version);
    }

    /** An ABORT frame; the transaction id must not be {@code null}. */
    public static StompFrame abort(String transaction, String receipt, String version) {
        return transactionFrame(StompSpec.ABORT, transaction, receipt, version);
    }

    /** A COMMIT frame; the transaction id must not be {@code null}. */
    public static StompFrame commit(String transaction, String receipt, String version) {
        return transactionFrame(StompSpec.COMMIT, transaction, receipt, version);
    }

    /** A heart-beat, which 1.0 does not support. */
    public static StompHeartBeat beat(String version) {
        String v = version(version);
        if (StompSpec.VERSION_1_0.equals(v)) {
            throw new StompProtocolError("Heart-beating not supported (version " + v + ")");
        }
        return StompHeartBeat.INSTANCE;
    }

    /** The agreed heart-beat period in ms: 0 if either side proposes 0, else the larger proposal. */
    public static int negotiateHeartBeat(int client, int server) {
        return client == 0 || server == 0 ? 0 : Math.max(client, server);
    }

    // incoming frames

    public static ConnectedInfo connected(StompFrame frame) {
        return connected(frame, null);
    }

    /**
     * Reads a CONNECTED frame. {@code versions} is the list offered in CONNECT ({@code null}: only 1.0). If only
     * 1.0 was offered, the frame's {@code version} and {@code heart-beat} headers are ignored; otherwise its
     * {@code version} (absent: 1.0) must be one of the offered ones, and {@code heart-beat} must be two
     * comma-separated non-negative integers.
     */
    public static ConnectedInfo connected(StompFrame frame, List<String> versions) {
        List<String> offered = sortedVersions(versions);
        if (offered.isEmpty()) {
            throw new StompProtocolError("Invalid versions: [] (at least one version required)");
        }
        checkCommand(frame, StompSpec.CONNECTED);
        Map<String, String> headers = frame.headers();
        String version = offered.get(offered.size() - 1);
        if (!StompSpec.VERSION_1_0.equals(version)) {
            String announced = headers.get(StompSpec.VERSION_HEADER);
            version = announced == null ? StompSpec.VERSION_1_0 : announced;
            if (!StompSpec.VERSIONS.contains(version) || !offered.contains(version)) {
                throw new StompProtocolError("Server version incompatible with accepted versions "
                        + Repr.list(offered) + " [headers=" + Repr.map(headers) + "]");
            }
        }
        String session = headers.get(StompSpec.SESSION_HEADER);
        if (StompSpec.VERSION_1_0.equals(version)) {
            return new ConnectedInfo(version, null, session, 0, 0);
        }
        int[] heartBeats = {0, 0};
        if (headers.containsKey(StompSpec.HEART_BEAT_HEADER)) {
            heartBeats = parseHeartBeat(headers.get(StompSpec.HEART_BEAT_HEADER));
        }
        return new ConnectedInfo(version, headers.get(StompSpec.SERVER_HEADER), session, heartBeats[0],
                heartBeats[1]);
    }

    /**
     * Reads a MESSAGE frame and returns the token of its subscription: {@code ('id', subscription)}, or in 1.0
     * without a {@code subscription} header {@code ('destination', destination)}.
     */
    public static SubscriptionToken message(StompFrame frame) {
        checkCommand(frame, StompSpec.MESSAGE);
        checkHeader(frame, StompSpec.MESSAGE_ID_HEADER);
        String destination = checkHeader(frame, StompSpec.DESTINATION_HEADER);
        String subscription = frame.header(StompSpec.SUBSCRIPTION_HEADER);
        if (subscription != null) {
            return SubscriptionToken.id(subscription);
        }
        if (!StompSpec.VERSION_1_0.equals(frame.version())) {
            throw mandatory(frame, StompSpec.SUBSCRIPTION_HEADER);
        }
        return SubscriptionToken.destination(destination);
    }

    /** Reads a RECEIPT frame and returns its {@code receipt-id}. */
    public static String receipt(StompFrame frame) {
        checkCommand(frame, StompSpec.RECEIPT);
        return checkHeader(frame, StompSpec.RECEIPT_ID_HEADER);
    }

    /** Only checks that this is an ERROR frame. */
    public static void error(StompFrame frame) {
        checkCommand(frame, StompSpec.ERROR);
    }

    /** Same as {@link StompSpec#version(String)}. */
    public static String version(String version) {
        return StompSpec.version(version);
    }

    /** Same as {@link StompSpec#versions(String)}. */
    public static List<String> versions(String version) {
        return StompSpec.versions(version);
    }

    // helpers

    private static List<String> sortedVersions(List<String> versions) {
        if (versions == null) {
            return List.of(StompSpec.VERSION_1_0);
        }
        List<String> sorted = new ArrayList<>(versions.size());
        for (String v : versions) {
            sorted.add(version(v == null ? "None" : v));
        }
        sorted.sort(null);
        return sorted;
    }

    private static int[] parseHeartBeat(String value) {
        String[] parts = value == null ? new String[0] : value.split(StompSpec.HEART_BEAT_SEPARATOR, -1);
        if (parts.length == 2) {
            try {
                int[] heartBeats = {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
                if (heartBeats[0] >= 0 && heartBeats[1] >= 0) {
                    return heartBeats;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new StompProtocolError("Invalid " + StompSpec.HEART_BEAT_HEADER
                + " header (two comma-separated and non-negative integers required): " + Repr.str(value));
    }

    private static Map<String, String> ackHeaders(StompFrame message, Collection<String> transactions) {
        String version = message.version();
        checkCommand(message, StompSpec.MESSAGE);
        checkHeader(message, StompSpec.MESSAGE_ID_HEADER);
        if (!StompSpec.VERSION_1_0.equals(version)) {
            checkHeader(message, StompSpec.SUBSCRIPTION_HEADER);
        }
        // read only the few headers an ACK carries: this runs once per acknowledged message
        Map<String, String> headers = new LinkedHashMap<>();
        if (StompSpec.VERSION_1_2.equals(version)) {
            headers.put(StompSpec.ID_HEADER, checkHeader(message, StompSpec.ACK_HEADER));
        } else {
            headers.put(StompSpec.MESSAGE_ID_HEADER, message.header(StompSpec.MESSAGE_ID_HEADER));
            String subscription = message.header(StompSpec.SUBSCRIPTION_HEADER);
            if (subscription != null) {
                headers.put(StompSpec.SUBSCRIPTION_HEADER, subscription);
            }
        }
        String transaction = message.header(StompSpec.TRANSACTION_HEADER);
        if (transaction != null && transactions != null && transactions.contains(transaction)) {
            headers.put(StompSpec.TRANSACTION_HEADER, transaction);
        }
        return headers;
    }

    private static StompFrame transactionFrame(String command, String transaction, String receipt,
                                               String version) {
        if (transaction == null) {
            throw new StompProtocolError("Invalid transaction id: None [command=" + command + "]");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(StompSpec.TRANSACTION_HEADER, transaction);
        return withReceipt(new StompFrame(command, headers, null, version), receipt);
    }

    private static StompFrame withReceipt(StompFrame frame, String receipt) {
        if (receipt != null && !receipt.isEmpty()) {
            frame.headers().put(StompSpec.RECEIPT_HEADER, receipt);
        }
        return frame;
    }

    private static void checkCommand(StompFrame frame, String expected) {
        if (!frame.command().equals(expected)) {
            throw new StompProtocolError("Cannot handle command: " + frame.command() + " [expected=" + expected
                    + ", headers=" + Repr.map(frame.headers()) + "]");
        }
    }

    private static String checkHeader(StompFrame frame, String header) {
        String value = frame.header(header);
        if (value == null) {
            throw mandatory(frame, header);
        }
        return value;
    }

    private static StompProtocolError mandatory(StompFrame frame, String header) {
        return new StompProtocolError("Invalid " + frame.command() + " frame (" + header
                + " header mandatory in version " + frame.version() + ") [headers=" + Repr.map(frame.headers())
                + "]");
    }
}
