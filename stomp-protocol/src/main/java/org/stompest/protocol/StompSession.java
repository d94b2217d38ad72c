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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.stompest.error.StompProtocolError;

/**
 * An abstract, transport-agnostic STOMP client session, the reference's {@code StompSession}: it builds frames with
 * {@link Commands} and keeps track of the session state, the negotiated version and heart-beats, subscriptions,
 * outstanding receipts and active transactions, so that a client can be written on top of it.
 *
 * <p>Lifecycle: {@link State#DISCONNECTED} → {@link #connect} → {@link State#CONNECTING} → {@link #connected}
 * → {@link State#CONNECTED} → {@link #disconnect} → {@link State#DISCONNECTING} → {@link #close()} →
 * {@link State#DISCONNECTED}. With {@code check} on (the default) each command first checks that it is allowed in
 * the current state; with it off nothing is refused, but the transitions still happen.
 *
 * <p>Every command checks the state, then validates (builds the frame, looks for duplicates), and only then changes
 * the session, so a command that throws has changed nothing. Receipts, transaction ids and tokens are strings.
 * {@link #close(boolean) close(false)} keeps the subscriptions so that {@link #replay()} can resubscribe them
 * after a reconnect.
 *
 * <p>Not thread-safe: a session belongs to one connection and must be used from one thread at a time.
 */
public final class StompSession {
    /** The session states; {@code toString()} is the reference's lowercase name, e.g. {@code connected}. */
    public enum State {
        DISCONNECTED, CONNECTING, CONNECTED, DISCONNECTING;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Subscription(long sequence, String destination, Map<String, String> headers, String receipt,
                                Object context) {
    }

    private final String configuredVersion;
    private final boolean check;
    private final Clock clock;
    private final Supplier<UUID> uuids;

    private State state;
    /** The offered versions from {@link #connect} until {@link #connected}, else {@code null}. */
    private List<String> offeredVersions;
    /** What the broker's CONNECTED frame said, from {@link #connected} until {@link #close}, else {@code null}. */
    private ConnectedInfo connection;
    private int clientSendHeartBeat;
    private int clientReceiveHeartBeat;
    private Instant lastSent;
    private Instant lastReceived;

    private long nextSequence;
    private final Map<SubscriptionToken, Subscription> subscriptions = new LinkedHashMap<>();
    private final Set<String> receipts = new LinkedHashSet<>();
    private final Set<String> transactions = new LinkedHashSet<>();

    /** A version 1.0 session that checks states. */
    public StompSession() {
        this(null, true);
    }

    /** A session that checks states; {@code version} ({@code null}: 1.0) is the highest version it offers. */
    public StompSession(String version) {
        this(version, true);
    }

    public StompSession(String version, boolean check) {
        this(version, check, Clock.systemUTC());
    }

    /** @param clock the source of {@link #lastSent()} and {@link #lastReceived()} */
    public StompSession(String version, boolean check, Clock clock) {
        this(version, check, clock, UUID::randomUUID);
    }

    StompSession(String version, boolean check, Clock clock, Supplier<UUID> uuids) {
        this.configuredVersion = StompSpec.version(version);
        this.check = check;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uuids = Objects.requireNonNull(uuids, "uuids");
        close(true);
    }

    // STOMP commands

    public StompFrame connect() {
        return connect(null, null, null, null, null, null);
    }

    public StompFrame connect(String login, String passcode) {
        return connect(login, passcode, null, null, null, null);
    }

    /**
     * A CONNECT frame; the state becomes {@link State#CONNECTING}. {@code versions} ({@code null} or empty: every
     * version up to this session's) must not exceed the session's version. {@code heartBeats} is
     * {@code {clientSend, clientReceive}} in ms ({@code null}: no heart-beating); it is remembered for the
     * negotiation in {@link #connected}.
     */
    public StompFrame connect(String login, String passcode, Map<String, String> headers, List<String> versions,
                              String host, int[] heartBeats) {
        check("connect", State.DISCONNECTED);
        List<String> allowed = StompSpec.versions(version());
        List<String> offered;
        if (versions == null || versions.isEmpty()) {
            offered = allowed;
        } else {
            if (versions.stream().anyMatch(v -> v == null || !allowed.contains(v))) {
                throw new StompProtocolError("Invalid versions: " + Repr.list(versions) + " [version=" + version()
                        + "]");
            }
            offered = new ArrayList<>(versions);
            offered.sort(null);
        }
        StompFrame frame = Commands.connect(login, passcode, headers, offered, host, heartBeats);
        offeredVersions = List.copyOf(offered);
        clientSendHeartBeat = heartBeats == null ? 0 : heartBeats[0];
        clientReceiveHeartBeat = heartBeats == null ? 0 : heartBeats[1];
        state = State.CONNECTING;
        return frame;
    }

    /**
     * Handles the broker's CONNECTED frame: negotiates the version against the offered ones and records the server,
     * session id and server heart-beats; the state becomes {@link State#CONNECTED}. On failure nothing changes.
     */
    public void connected(StompFrame frame) {
        check("connected", State.CONNECTING);
        connection = Commands.connected(frame, offeredVersions());
        offeredVersions = null;
        state = State.CONNECTED;
    }

    public StompFrame disconnect() {
        return disconnect(null);
    }

    /** A DISCONNECT frame; the state becomes {@link State#DISCONNECTING}. */
    public StompFrame disconnect(String receipt) {
        check("disconnect", State.CONNECTED);
        StompFrame frame = Commands.disconnect(receipt, version());
        addReceipt(receipt);
        state = State.DISCONNECTING;
        return frame;
    }

    /** A SEND frame. */
    public StompFrame send(String destination, byte[] body, Map<String, String> headers, String receipt) {
        check("send", State.CONNECTED);
        StompFrame frame = Commands.send(destination, body, headers, receipt, version());
        addReceipt(receipt);
        return frame;
    }

    /**
     * A SUBSCRIBE frame and its token; the session remembers the subscription (with a copy of {@code headers} and
     * the {@code context}) until {@link #unsubscribe}, {@link #replay()} or {@link #close(boolean) close(true)}.
     */
    public SubscribeResult subscribe(String destination, Map<String, String> headers, String receipt,
                                     Object context) {
        check("subscribe", State.CONNECTED);
        SubscribeResult result = Commands.subscribe(destination, headers, receipt, version());
        SubscriptionToken token = result.token();
        if (subscriptions.containsKey(token)) {
            throw new StompProtocolError("Already subscribed [" + token.name() + "=" + token.value() + "]");
        }
        addReceipt(receipt);
        Map<String, String> copy = headers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        subscriptions.put(token, new Subscription(nextSequence++, destination, copy, receipt, context));
        return result;
    }

    /** An UNSUBSCRIBE frame; the session forgets the subscription. */
    public StompFrame unsubscribe(SubscriptionToken token, String receipt) {
        check("unsubscribe", State.CONNECTED);
        StompFrame frame = Commands.unsubscribe(token, receipt, version());
        requireSubscription(token);
        addReceipt(receipt);
        subscriptions.remove(token);
        return frame;
    }

    /** An ACK frame for a MESSAGE frame (in that frame's version), naming its transaction if that is active. */
    public StompFrame ack(StompFrame frame, String receipt) {
        check("ack", State.CONNECTED);
        StompFrame ack = Commands.ack(frame, transactions, receipt);
        addReceipt(receipt);
        return ack;
    }

    /** A NACK frame for a MESSAGE frame (in that frame's version, so not for 1.0 frames). */
    public StompFrame nack(StompFrame frame, String receipt) {
        check("nack", State.CONNECTED);
        StompFrame nack = Commands.nack(frame, transactions, receipt);
        addReceipt(receipt);
        return nack;
    }

    /** {@code transaction} itself, or a random UUID if it is {@code null} or empty. */
    public String transaction(String transaction) {
        return transaction == null || transaction.isEmpty() ? uuids.get().toString() : transaction;
    }

    /** A BEGIN frame; the transaction becomes active. Use {@link #transaction(String)} for a fresh id. */
    public StompFrame begin(String transaction, String receipt) {
        check("begin", State.CONNECTED);
        StompFrame frame = Commands.begin(transaction, receipt, version());
        if (transactions.contains(transaction)) {
            throw new StompProtocolError("Transaction already active: " + transaction);
        }
        addReceipt(receipt);
        transactions.add(transaction);
        return frame;
    }

    /** An ABORT frame for an active transaction, which ends it. */
    public StompFrame abort(String transaction, String receipt) {
        check("abort", State.CONNECTED);
        return endTransaction(Commands.abort(transaction, receipt, version()), transaction, receipt);
    }

    /** A COMMIT frame for an active transaction, which ends it. */
    public StompFrame commit(String transaction, String receipt) {
        check("commit", State.CONNECTED);
        return endTransaction(Commands.commit(transaction, receipt, version()), transaction, receipt);
    }

    /** Handles a MESSAGE frame: returns the token of the (active) subscription it belongs to. */
    public SubscriptionToken message(StompFrame frame) {
        check("message", State.CONNECTED);
        SubscriptionToken token = Commands.message(frame);
        requireSubscription(token);
        return token;
    }

    /** Handles a RECEIPT frame: returns its receipt id, which must be outstanding, and forgets it. */
    public String receipt(StompFrame frame) {
        check("receipt", State.CONNECTED, State.DISCONNECTING);
        String receipt = Commands.receipt(frame);
        if (!receipts.remove(receipt)) {
            throw new StompProtocolError("Unexpected receipt: " + receipt);
        }
        return receipt;
    }

    // heart-beating

    /** A heart-beat for the current version (not in 1.0). */
    public StompHeartBeat beat() {
        return Commands.beat(version());
    }

    /** Notes that data was sent (counts as a client heart-beat). */
    public void sent() {
        lastSent = clock.instant();
    }

    /** Notes that data was received (counts as a server heart-beat). */
    public void received() {
        lastReceived = clock.instant();
    }

    // subscription replay

    /**
     * The active subscriptions as {@code subscribe} arguments, in subscribe order, for resubscribing after a
     * reconnect; the session forgets them at once (the reference did so lazily, when its generator was iterated).
     */
    public List<ReplayEntry> replay() {
        List<ReplayEntry> entries = subscriptions.values().stream()
                .sorted(Comparator.comparingLong(Subscription::sequence))
                .map(s -> new ReplayEntry(s.destination(), s.headers(), s.receipt(), s.context()))
                .toList();
        subscriptions.clear();
        return entries;
    }

    /** The context object passed to {@code subscribe} for this token (may be {@code null}). */
    public Object subscription(SubscriptionToken token) {
        return requireSubscription(token).context();
    }

    public void close() {
        close(true);
    }

    /**
     * Resets the session to {@link State#DISCONNECTED} and the configured version, forgetting the connection
     * (id, server, heart-beats, times), outstanding receipts and active transactions. Allowed in any state.
     *
     * @param flush whether to forget the subscriptions too; {@code false} keeps them for {@link #replay()}
     */
    public void close(boolean flush) {
        state = State.DISCONNECTED;
        offeredVersions = null;
        connection = null;
        clientSendHeartBeat = clientReceiveHeartBeat = 0;
        lastSent = lastReceived = null;
        receipts.clear();
        transactions.clear();
        if (flush) {
            subscriptions.clear();
        }
    }

    // session information

    public State state() {
        return state;
    }

    /** The negotiated version once {@link #connected} succeeded, until {@link #close}; else the configured one. */
    public String version() {
        return connection == null ? configuredVersion : connection.version();
    }

    /** The {@code session} header of the CONNECTED frame, or {@code null}. */
    public String id() {
        return connection == null ? null : connection.session();
    }

    /** The {@code server} header of the CONNECTED frame (never in 1.0), or {@code null}. */
    public String server() {
        return connection == null ? null : connection.server();
    }

    /** How often the client must send heart-beats, in ms (0: never). */
    public int clientHeartBeat() {
        return Commands.negotiateHeartBeat(clientSendHeartBeat,
                connection == null ? 0 : connection.serverReceiveHeartBeat());
    }

    /** How often the server will send heart-beats, in ms (0: never). */
    public int serverHeartBeat() {
        return Commands.negotiateHeartBeat(clientReceiveHeartBeat,
                connection == null ? 0 : connection.serverSendHeartBeat());
    }

    /** When data was last sent, or {@code null}. */
    public Instant lastSent() {
        return lastSent;
    }

    /** When data was last received, or {@code null}. */
    public Instant lastReceived() {
        return lastReceived;
    }

    /** A snapshot of the active transaction ids, in begin order. */
    public Set<String> activeTransactions() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(transactions));
    }

    /** A snapshot of the receipts asked for and not yet received, in request order. */
    public Set<String> pendingReceipts() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(receipts));
    }

    /** A snapshot of the active subscriptions' tokens, in subscribe order. */
    public List<SubscriptionToken> subscriptions() {
        return List.copyOf(subscriptions.keySet());
    }

    /** The versions a CONNECT offers now: the ones offered while connecting, else all up to {@link #version()}. */
    List<String> offeredVersions() {
        return offeredVersions == null ? StompSpec.versions(version()) : offeredVersions;
    }

    // helpers

    private StompFrame endTransaction(StompFrame frame, String transaction, String receipt) {
        if (!transactions.contains(transaction)) {
            throw new StompProtocolError("Transaction unknown: " + transaction);
        }
        addReceipt(receipt);
        transactions.remove(transaction);
        return frame;
    }

    private Subscription requireSubscription(SubscriptionToken token) {
        Subscription subscription = subscriptions.get(token);
        if (subscription == null) {
            throw new StompProtocolError("No such subscription [" + token.name() + "=" + token.value() + "]");
        }
        return subscription;
    }

    /** The last validation of every command that takes a receipt, and so also its first change. */
    private void addReceipt(String receipt) {
        if (receipt != null && !receipt.isEmpty() && !receipts.add(receipt)) {
            throw new StompProtocolError("Duplicate receipt: " + receipt);
        }
    }

    private void check(String command, State... allowed) {
        if (check && !Arrays.asList(allowed).contains(state)) {
            throw new StompProtocolError("Cannot handle command " + Repr.str(command) + " in state "
                    + Repr.str(state.toString()) + " (only in states " + Arrays.stream(allowed)
                    .map(s -> Repr.str(s.toString())).collect(Collectors.joining(", ")) + ")");
        }
    }
}
