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
import static org.stompest.protocol.CommandsTest.assertInvalid;
import static org.stompest.protocol.CommandsTest.frame;
import static org.stompest.protocol.CommandsTest.headers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.stompest.protocol.StompSession.State;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The stateful session, after the reference's {@code session_test.py} and §7 of the behaviour spec. */
class StompSessionTest {
    private static final String V10 = StompSpec.VERSION_1_0;
    private static final String V11 = StompSpec.VERSION_1_1;
    private static final String V12 = StompSpec.VERSION_1_2;
    private static final byte[] NO_BODY = new byte[0];

    /** A session of {@code version} (check on) that has negotiated {@code version} with the broker. */
    private static StompSession connected(String version) {
        StompSession session = new StompSession(version);
        session.connect("", "");
        session.connected(frame("CONNECTED", headers("session", "hi", "version", version)));
        assertThat(session.version()).isEqualTo(version);
        return session;
    }

    private static StompFrame message(Map<String, String> headers, String version) {
        return frame("MESSAGE", headers, version);
    }

    // 47. default version and state checks

    @Test
    void withoutCheckCommandsWorkInAnyState() {
        StompSession session = new StompSession(null, false);
        assertThat(session.version()).isEqualTo(StompSpec.DEFAULT_VERSION);
        session.send("", NO_BODY, headers(), null);
        session.subscribe("bla1", headers("bla2", "bla3"), null, null);
        session.unsubscribe(SubscriptionToken.destination("bla1"), null);
        assertThat(session.state()).isEqualTo(State.DISCONNECTED);
    }

    @Test
    void withCheckCommandsAreRefusedInTheWrongState() {
        StompSession session = new StompSession();
        assertInvalid(() -> session.send("", NO_BODY, headers(), null),
                "Cannot handle command 'send' in state 'disconnected' (only in states 'connected')");
        assertInvalid(() -> session.subscribe("bla1", headers("bla2", "bla3"), null, null),
                "Cannot handle command 'subscribe' in state 'disconnected' (only in states 'connected')");
        assertInvalid(() -> session.unsubscribe(SubscriptionToken.destination("bla1"), null),
                "Cannot handle command 'unsubscribe' in state 'disconnected' (only in states 'connected')");
        assertInvalid(() -> session.connected(frame("CONNECTED", headers())),
                "Cannot handle command 'connected' in state 'disconnected' (only in states 'connecting')");
        assertInvalid(() -> session.receipt(frame("RECEIPT", headers("receipt-id", "r"))),
                "Cannot handle command 'receipt' in state 'disconnected' (only in states 'connected', 'disconnecting')");
        assertInvalid(() -> session.message(frame("MESSAGE", headers())),
                "Cannot handle command 'message' in state 'disconnected' (only in states 'connected')");
        session.connect();
        assertInvalid(() -> session.connect(), "Cannot handle command 'connect' in state 'connecting' "
                + "(only in states 'disconnected')");
        StompSession v11 = new StompSession(V11);
        assertThat(v11.version()).isEqualTo(V11);
        assertInvalid(() -> v11.send("", NO_BODY, headers(), null),
                "Cannot handle command 'send' in state 'disconnected' (only in states 'connected')");
    }

    @Test
    void withoutCheckTransitionsStillHappen() {
        StompSession session = new StompSession(V11, false);
        session.disconnect();
        assertThat(session.state()).isEqualTo(State.DISCONNECTING);
        session.connect();
        assertThat(session.state()).isEqualTo(State.CONNECTING);
    }

    @Test
    void statesPrintInLowerCase() {
        assertThat(State.DISCONNECTED).hasToString("disconnected");
        assertThat(State.CONNECTING).hasToString("connecting");
        assertThat(State.CONNECTED).hasToString("connected");
        assertThat(State.DISCONNECTING).hasToString("disconnecting");
    }

    // 48. unsupported version

    @Test
    void unsupportedVersionIsRejected() {
        assertInvalid(() -> new StompSession("1.3"), "Version is not supported [1.3]");
        assertInvalid(() -> new StompSession("1.3", false), "Version is not supported [1.3]");
    }

    // 49. initial state

    @Test
    void initialState() {
        StompSession session = new StompSession(V10, false);
        assertThat(session.version()).isEqualTo(V10);
        assertThat(session.server()).isNull();
        assertThat(session.id()).isNull();
        assertThat(session.lastSent()).isNull();
        assertThat(session.lastReceived()).isNull();
        assertThat(session.clientHeartBeat()).isZero();
        assertThat(session.serverHeartBeat()).isZero();
        assertThat(session.state()).isEqualTo(State.DISCONNECTED);
        assertThat(session.subscriptions()).isEmpty();
        assertThat(session.pendingReceipts()).isEmpty();
        assertThat(session.activeTransactions()).isEmpty();
    }

    // 50. connect, connected, disconnect, close

    @Test
    void connectFlowInOneZero() {
        StompSession session = new StompSession(V10, false);
        StompFrame frame = session.connect("", "");
        assertThat(session.state()).isEqualTo(State.CONNECTING);
        assertThat(frame).isEqualTo(Commands.connect("", "", null, null, null, null));
        session.connected(frame("CONNECTED", headers("session", "hi")));
        assertThat(session.state()).isEqualTo(State.CONNECTED);
        assertThat(session.version()).isEqualTo(V10);
        assertThat(session.server()).isNull();
        assertThat(session.id()).isEqualTo("hi");
        assertThat(session.disconnect()).isEqualTo(Commands.disconnect());
        session.close();
        assertThat(session.server()).isNull();
        assertThat(session.id()).isNull();
        assertThat(session.state()).isEqualTo(State.DISCONNECTED);
        assertInvalid(() -> session.connect("", "", null, List.of(V11), null, null),
                "Invalid versions: ['1.1'] [version=1.0]");
        assertThat(session.state()).isEqualTo(State.DISCONNECTED);
    }

    @Test
    void connectFlowNegotiatesAndRestoresTheVersion() {
        StompSession session = new StompSession(V11, false);
        assertThat(session.connect("", "")).isEqualTo(Commands.connect("", "", headers(), List.of(V10, V11), null,
                null));
        session.connected(frame("CONNECTED", headers("server", "moon", "session", "4711", "version", V11)));
        assertThat(session.state()).isEqualTo(State.CONNECTED);
        assertThat(session.server()).isEqualTo("moon");
        assertThat(session.id()).isEqualTo("4711");
        assertThat(session.version()).isEqualTo(V11);
        assertThat(session.disconnect("4711")).isEqualTo(Commands.disconnect("4711", V11));
        session.close();
        assertThat(session.state()).isEqualTo(State.DISCONNECTED);
        assertThat(session.server()).isNull();
        assertThat(session.id()).isNull();

        session.connect("", "", null, List.of(V10, V11), null, null);
        session.connected(frame("CONNECTED", headers("session", "4711")));
        assertThat(session.server()).isNull();
        assertThat(session.version()).isEqualTo(V10);
        assertThat(session.disconnect()).isEqualTo(Commands.disconnect());
        session.close();
        assertThat(session.version()).isEqualTo(V11);
    }

    @Test
    void aOneTwoSessionOffersEveryVersionByDefault() {
        StompSession session = new StompSession(V12);
        assertThat(session.connect().headers()).isEqualTo(headers("host", "", "accept-version", "1.0,1.1,1.2"));
        StompSession session10 = new StompSession(V10);
        assertThat(session10.connect().headers()).isEmpty();
    }

    @Test
    void connectRejectsVersionsAboveTheSessionsOwn() {
        StompSession session = new StompSession(V12);
        assertInvalid(() -> session.connect(null, null, null, List.of("1.3"), null, null),
                "Invalid versions: ['1.3'] [version=1.2]");
        assertInvalid(() -> session.connect(null, null, null, java.util.Arrays.asList(V10, null), null, null),
                "Invalid versions: ['1.0', None] [version=1.2]");
        assertThat(new StompSession(V11).connect(null, null, null, List.of(), null, null).header("accept-version"))
                .isEqualTo("1.0,1.1");
    }

    @Test
    void aFailedConnectChangesNothing() {
        StompSession session = new StompSession(V11);
        assertInvalid(() -> session.connect(null, null, null, null, null, new int[] {-1, 0}),
                "Invalid heart-beats (two non-negative integers required): [-1, 0]");
        assertInvalid(() -> session.connect(null, null, null, List.of(V10), null, new int[] {1, 1}),
                "Heart-beating not supported (version 1.0)");
        assertThat(session.state()).isEqualTo(State.DISCONNECTED);
        assertThat(session.offeredVersions()).containsExactly(V10, V11);
    }

    @Test
    void aFailedConnectedChangesNothing() {
        StompSession session = new StompSession(V11);
        session.connect(null, null, null, List.of(V11), null, null);
        assertInvalid(() -> session.connected(frame("ERROR", headers("message", "x"))),
                "Cannot handle command: ERROR [expected=CONNECTED, headers={'message': 'x'}]");
        assertInvalid(() -> session.connected(frame("CONNECTED", headers("session", "s"))),
                "Server version incompatible with accepted versions ['1.1'] [headers={'session': 's'}]");
        assertThat(session.state()).isEqualTo(State.CONNECTING);
        assertThat(session.offeredVersions()).containsExactly(V11);
        assertThat(session.id()).isNull();
        session.connected(frame("CONNECTED", headers("session", "s", "version", V11)));
        assertThat(session.state()).isEqualTo(State.CONNECTED);
    }

    // 51. offered versions

    @Test
    void offeredVersionsWhileConnectingAndAfterConnected() {
        StompSession session = new StompSession(V11, false);
        assertThat(session.connect("", "", null, List.of(V11), null, null))
                .isEqualTo(Commands.connect("", "", headers(), List.of(V11), null, null));
        assertThat(session.offeredVersions()).containsExactly(V11);
        assertThat(session.state()).isEqualTo(State.CONNECTING);
        session.connected(frame("CONNECTED", headers("server", "moon", "session", "4711", "version", V11)));
        assertThat(session.clientHeartBeat()).isZero();
        assertThat(session.serverHeartBeat()).isZero();
        assertThat(session.offeredVersions()).containsExactly(V10, V11);
        assertThat(session.version()).isEqualTo(V11);
    }

    // 52. heart-beats

    @Test
    void heartBeatNegotiation() {
        StompSession session = new StompSession(V11, false);
        assertThat(session.connect("", "", null, List.of(V11), null, new int[] {1, 2}))
                .isEqualTo(Commands.connect("", "", headers(), List.of(V11), null, new int[] {1, 2}));
        session.connected(frame("CONNECTED", headers("server", "moon", "session", "4711", "version", V11,
                "heart-beat", "3,4")));
        assertThat(session.clientHeartBeat()).isEqualTo(4);
        assertThat(session.serverHeartBeat()).isEqualTo(3);
        session.disconnect();
        session.close();
        assertThat(session.clientHeartBeat()).isZero();
        assertThat(session.serverHeartBeat()).isZero();

        session.connect("", "", null, List.of(V11), null, new int[] {100, 200});
        session.connected(frame("CONNECTED", headers("version", V11, "heart-beat", "300,50")));
        assertThat(session.clientHeartBeat()).isEqualTo(100);
        assertThat(session.serverHeartBeat()).isEqualTo(300);
        session.close();

        session.connect("", "", null, List.of(V10, V11), null, new int[] {1, 2});
        session.connected(frame("CONNECTED", headers("session", "4711", "heart-beat", "3,4")));
        assertThat(session.clientHeartBeat()).isZero();
        assertThat(session.serverHeartBeat()).isZero();
    }

    @Test
    void heartBeatsPassedOnlyInHeadersAreNotNegotiated() {
        StompSession session = new StompSession(V11);
        session.connect(null, null, headers("heart-beat", "1,2"), null, null, null);
        session.connected(frame("CONNECTED", headers("version", V11, "heart-beat", "3,4")));
        assertThat(session.clientHeartBeat()).isZero();
        assertThat(session.serverHeartBeat()).isZero();
    }

    @Property
    void heartBeatsNegotiateSendAgainstReceive(@ForAll @IntRange(max = 100_000) int clientSend,
                                               @ForAll @IntRange(max = 100_000) int clientReceive,
                                               @ForAll @IntRange(max = 100_000) int serverSend,
                                               @ForAll @IntRange(max = 100_000) int serverReceive) {
        StompSession session = new StompSession(V12);
        session.connect(null, null, null, null, null, new int[] {clientSend, clientReceive});
        session.connected(frame("CONNECTED", headers("version", V12, "heart-beat", serverSend + "," + serverReceive)));
        assertThat(session.clientHeartBeat()).isEqualTo(Commands.negotiateHeartBeat(clientSend, serverReceive));
        assertThat(session.serverHeartBeat()).isEqualTo(Commands.negotiateHeartBeat(clientReceive, serverSend));
    }

    @Test
    void beatFollowsTheNegotiatedVersion() {
        assertThat(connected(V11).beat()).isSameAs(StompHeartBeat.INSTANCE);
        assertInvalid(() -> new StompSession(V10).beat(), "Heart-beating not supported (version 1.0)");
        StompSession downgraded = new StompSession(V12);
        downgraded.connect();
        downgraded.connected(frame("CONNECTED", headers()));
        assertInvalid(downgraded::beat, "Heart-beating not supported (version 1.0)");
    }

    @Test
    void sentAndReceivedUseTheClock() {
        Instant start = Instant.parse("2024-01-02T03:04:05Z");
        MutableClock clock = new MutableClock(start);
        StompSession session = new StompSession(V11, true, clock);
        session.sent();
        clock.now = start.plus(Duration.ofMillis(1500));
        session.received();
        assertThat(session.lastSent()).isEqualTo(start);
        assertThat(session.lastReceived()).isEqualTo(start.plusMillis(1500));
        session.close(false);
        assertThat(session.lastSent()).isNull();
        assertThat(session.lastReceived()).isNull();
    }

    // 53. tokens in 1.0

    @Test
    void subscribeTokensInOneZeroMatchMessageTokens() {
        StompSession session = new StompSession(null, false);
        Map<String, String> plain = headers("bla2", "bla3");
        SubscribeResult result = session.subscribe("bla1", plain, "4711", null);
        assertThat(result).isEqualTo(Commands.subscribe("bla1", plain, "4711", V10));
        assertThat(result.token()).isEqualTo(SubscriptionToken.destination("bla1"));
        assertThat(Commands.message(frame("MESSAGE", headers("destination", "bla1", "message-id", "4711"))))
                .isEqualTo(result.token());

        Map<String, String> withId = headers("id", "bla2", "bla3", "bla4");
        SubscribeResult byId = session.subscribe("bla2", withId, null, null);
        assertThat(byId).isEqualTo(Commands.subscribe("bla2", withId, null, V10));
        assertThat(byId.token()).isEqualTo(SubscriptionToken.id("bla2"));
        assertThat(Commands.message(frame("MESSAGE", headers("subscription", "bla2", "destination", "bla2",
                "message-id", "4711")))).isEqualTo(byId.token());
    }

    @Test
    void messageAndSubscriptionLookUpTheToken() {
        StompSession session = connected(V11);
        Object context = new Object();
        SubscriptionToken token = session.subscribe("/q", headers("id", "7"), null, context).token();
        assertThat(session.message(message(headers("destination", "/q", "message-id", "1", "subscription", "7"),
                V11))).isEqualTo(token);
        assertThat(session.subscription(token)).isSameAs(context);
        assertThat(session.subscription(session.subscribe("/r", headers("id", "8"), null, null).token())).isNull();
        assertInvalid(() -> session.subscription(SubscriptionToken.id("x")), "No such subscription [id=x]");
        assertInvalid(() -> session.message(message(headers("destination", "/zz", "message-id", "1",
                "subscription", "9"), V11)), "No such subscription [id=9]");
        StompSession v10 = connected(V10);
        assertInvalid(() -> v10.message(message(headers("destination", "/zz", "message-id", "1"), V10)),
                "No such subscription [destination=/zz]");
    }

    // 54. replay

    @Test
    void replayReturnsSubscriptionsInOrderAndForgetsThem() {
        StompSession session = new StompSession(null, false);
        Map<String, String> plain = headers("bla2", "bla3");
        Map<String, String> withId1 = headers("id", "bla2", "bla3", "bla4");
        Map<String, String> withId2 = headers("id", "bla3", "bla4", "bla5");
        session.subscribe("bla1", plain, "4711", null);
        session.subscribe("bla2", withId1, null, null);
        session.subscribe("bla2", withId2, null, null);
        assertThat(session.replay()).containsExactly(new ReplayEntry("bla1", plain, "4711", null),
                new ReplayEntry("bla2", withId1, null, null), new ReplayEntry("bla2", withId2, null, null));
        assertThat(session.replay()).isEmpty();
        assertThat(session.subscriptions()).isEmpty();

        Object context = new Object();
        session.subscribe("bla2", withId2, null, context);
        assertThat(session.replay()).containsExactly(new ReplayEntry("bla2", withId2, null, context));
    }

    @Test
    void replayKeepsACopyOfTheCallersHeaders() {
        StompSession session = connected(V10);
        Map<String, String> given = headers("id", "1", "ack", "client");
        session.subscribe("/q", given, "r", null);
        session.subscribe("/r", null, null, null);
        given.put("ack", "auto");
        List<ReplayEntry> replay = session.replay();
        assertThat(replay.get(0).headers()).isEqualTo(headers("id", "1", "ack", "client"));
        assertThat(replay.get(0).receipt()).isEqualTo("r");
        assertThat(replay.get(1)).isEqualTo(new ReplayEntry("/r", null, null, null));
        assertThatThrownBy(() -> replay.get(0).headers().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void subscribeOrderSurvivesUnsubscribingAndResubscribing() {
        StompSession session = connected(V11);
        session.subscribe("/a", headers("id", "a"), null, null);
        session.subscribe("/b", headers("id", "b"), null, null);
        session.unsubscribe(SubscriptionToken.id("a"), null);
        session.subscribe("/a", headers("id", "a"), null, null);
        assertThat(session.subscriptions()).containsExactly(SubscriptionToken.id("b"), SubscriptionToken.id("a"));
        assertThat(session.replay()).extracting(ReplayEntry::destination).containsExactly("/b", "/a");
    }

    // 55. duplicate subscriptions, close with and without flush

    @Test
    void duplicateSubscriptionsAndFlush() {
        StompSession session = new StompSession(null, false);
        Map<String, String> withId2 = headers("id", "bla3", "bla4", "bla5");
        session.subscribe("bla2", withId2, null, null);
        assertInvalid(() -> session.subscribe("bla2", withId2, null, null), "Already subscribed [id=bla3]");
        assertInvalid(() -> session.subscribe("other", withId2, null, null), "Already subscribed [id=bla3]");
        assertThat(session.replay()).containsExactly(new ReplayEntry("bla2", withId2, null, null));
        session.subscribe("bla2", withId2, null, null);
        session.disconnect();
        session.close(false);
        assertThat(session.replay()).containsExactly(new ReplayEntry("bla2", withId2, null, null));
        session.subscribe("bla2", withId2, null, null);
        session.close(true);
        assertThat(session.replay()).isEmpty();
        session.subscribe("/q", null, null, null);
        assertInvalid(() -> session.subscribe("/q", headers("x", "y"), null, null), "Already subscribed [destination=/q]");
        session.close();
        assertThat(session.subscriptions()).isEmpty();
    }

    // 56. unsubscribe

    @Test
    void unsubscribeUnknownTokens() {
        StompSession session = new StompSession();
        session.connect("", "");
        session.connected(frame("CONNECTED", headers("session", "hi")));
        session.subscribe("bla1", headers("bla2", "bla3"), null, null);
        assertInvalid(() -> session.unsubscribe(SubscriptionToken.id("blub"), null), "No such subscription [id=blub]");
        assertInvalid(() -> session.unsubscribe(new SubscriptionToken("bla", "blub"), null),
                "Invalid UNSUBSCRIBE frame (destination header mandatory in version 1.0) [headers={'bla': 'blub'}]");
        SubscriptionToken token = session.subscribe("bla2", headers("id", "bla2"), null, null).token();
        session.subscribe("bla2", headers("id", "bla3"), null, null);
        assertThat(session.unsubscribe(token, null)).isEqualTo(Commands.unsubscribe(token, null, V10));
        assertInvalid(() -> session.unsubscribe(token, null), "No such subscription [id=bla2]");
    }

    @Test
    void unsubscribeInOneOneNeedsIds() {
        StompSession session = connected(V11);
        assertInvalid(() -> session.subscribe("bla1", headers("bla2", "bla3"), null, null),
                "Invalid SUBSCRIBE frame (id header mandatory in version 1.1) [headers={'bla2': 'bla3', "
                        + "'destination': 'bla1'}]");
        assertInvalid(() -> session.unsubscribe(SubscriptionToken.destination("bla1"), null),
                "Invalid UNSUBSCRIBE frame (id header mandatory in version 1.1) [headers={'destination': 'bla1'}]");
        SubscriptionToken token = session.subscribe("bla2", headers("id", "bla2"), null, null).token();
        session.subscribe("bla2", headers("id", "bla3", "bla4", "bla5"), null, null);
        session.unsubscribe(token, null);
        assertInvalid(() -> session.unsubscribe(token, null), "No such subscription [id=bla2]");
        assertThat(session.replay()).containsExactly(new ReplayEntry("bla2", headers("id", "bla3", "bla4", "bla5"),
                null, null));
        session.subscribe("bla2", headers("id", "bla3"), null, null);
        session.close(true);
        assertThat(session.replay()).isEmpty();
    }

    // 57. disconnect

    @Test
    void disconnectWithReceiptThenCloseKeepingSubscriptions() {
        StompSession session = new StompSession(V11);
        session.connect("", "");
        session.connected(frame("CONNECTED", headers("session", "hi")));
        Map<String, String> given = headers("id", "4711");
        session.subscribe("bla", given, null, null);
        assertThat(session.disconnect("4711")).isEqualTo(Commands.disconnect("4711"));
        assertThat(session.state()).isEqualTo(State.DISCONNECTING);
        assertThat(session.pendingReceipts()).containsExactly("4711");
        assertThat(session.receipt(frame("RECEIPT", headers("receipt-id", "4711")))).isEqualTo("4711");
        session.close(false);
        assertThat(session.state()).isEqualTo(State.DISCONNECTED);
        assertThat(session.replay()).containsExactly(new ReplayEntry("bla", given, null, null));
        assertThat(session.replay()).isEmpty();
        assertInvalid(session::disconnect,
                "Cannot handle command 'disconnect' in state 'disconnected' (only in states 'connected')");
    }

    // 58. NACK

    @Test
    void nackIsCommandsNack() {
        StompSession session = new StompSession(V11, false);
        for (Map<String, String> headers : List.of(headers("message-id", "4711", "subscription", "bla"),
                headers("message-id", "4711", "subscription", "bla", "foo", "bar"))) {
            assertThat(session.nack(message(headers, V11), null))
                    .isEqualTo(Commands.nack(message(headers, V11), null, null));
        }
        Map<String, String> valid = headers("message-id", "4711", "subscription", "bla");
        assertThat(session.nack(message(valid, V11), "4711")).isEqualTo(Commands.nack(message(valid, V11), null, "4711"));
        assertInvalid(() -> session.nack(message(headers(), V11), null),
                "Invalid MESSAGE frame (message-id header mandatory in version 1.1) [headers={}]");
        assertInvalid(() -> session.nack(message(headers("message-id", "4711"), V11), null),
                "Invalid MESSAGE frame (subscription header mandatory in version 1.1) [headers={'message-id': '4711'}]");
        assertInvalid(() -> session.nack(message(headers("subscription", "bla"), V11), null),
                "Invalid MESSAGE frame (message-id header mandatory in version 1.1) [headers={'subscription': 'bla'}]");
        StompSession checked = new StompSession(V11);
        assertInvalid(() -> checked.nack(message(valid, V11), null),
                "Cannot handle command 'nack' in state 'disconnected' (only in states 'connected')");
    }

    @Test
    void ackUsesTheActiveTransactionsAndTheMessagesVersion() {
        StompSession session = connected(V12);
        session.begin("t", null);
        Map<String, String> inT = headers("message-id", "m", "subscription", "s", "transaction", "t");
        assertThat(session.ack(message(inT, V11), null))
                .isEqualTo(frame("ACK", headers("message-id", "m", "subscription", "s", "transaction", "t"), V11));
        assertThat(session.ack(message(headers("message-id", "m", "transaction", "u"), V10), null))
                .isEqualTo(frame("ACK", headers("message-id", "m"), V10));
        assertInvalid(() -> session.nack(message(inT, V10), null), "NACK not supported (version 1.0)");
    }

    // 59. transactions

    @Test
    void transactions() {
        StompSession session = new StompSession(null, false);
        String transaction = session.transaction(null);
        assertThat(UUID.fromString(transaction)).hasToString(transaction);
        StompFrame begin = session.begin(transaction, "bla");
        assertThat(begin).isEqualTo(Commands.begin(transaction, "bla", null));
        assertThat(begin).isEqualTo(frame("BEGIN", headers("transaction", transaction, "receipt", "bla")));
        assertInvalid(() -> session.begin(transaction, null), "Transaction already active: " + transaction);
        StompFrame abort = session.abort(transaction, null);
        assertThat(abort).isEqualTo(frame("ABORT", headers("transaction", transaction)));
        assertInvalid(() -> session.abort(transaction, null), "Transaction unknown: " + transaction);
        assertInvalid(() -> session.commit(transaction, null), "Transaction unknown: " + transaction);

        String fixed = session.transaction("4711");
        assertThat(fixed).isEqualTo("4711");
        assertThat(session.begin(fixed, null)).isEqualTo(frame("BEGIN", headers("transaction", "4711")));
        assertThat(session.commit(fixed, null)).isEqualTo(frame("COMMIT", headers("transaction", "4711")));
        assertInvalid(() -> session.commit(fixed, null), "Transaction unknown: 4711");
        assertInvalid(() -> session.abort(fixed, null), "Transaction unknown: 4711");

        StompSession checked = new StompSession();
        assertInvalid(() -> checked.begin("4711", null),
                "Cannot handle command 'begin' in state 'disconnected' (only in states 'connected')");
        assertInvalid(() -> checked.abort(null, null),
                "Cannot handle command 'abort' in state 'disconnected' (only in states 'connected')");
        assertInvalid(() -> checked.commit(null, null),
                "Cannot handle command 'commit' in state 'disconnected' (only in states 'connected')");
    }

    @Test
    void transactionIdsComeFromTheInjectedSource() {
        UUID uuid = UUID.fromString("00000000-0000-0000-0000-000000004711");
        StompSession session = new StompSession(V11, true, Clock.systemUTC(), () -> uuid);
        assertThat(session.transaction(null)).isEqualTo(uuid.toString());
        assertThat(session.transaction("")).isEqualTo(uuid.toString());
        assertThat(new StompSession().transaction(null)).isNotEqualTo(new StompSession().transaction(null));
    }

    @Test
    void beginWithoutAnIdIsRejected() {
        StompSession session = connected(V11);
        assertInvalid(() -> session.begin(null, null), "Invalid transaction id: None [command=BEGIN]");
        assertThat(session.activeTransactions()).isEmpty();
    }

    // receipts

    @Test
    void receipts() {
        StompSession session = connected(V11);
        session.send("/q", NO_BODY, null, "r1");
        session.subscribe("/q", headers("id", "1"), "r2", null);
        assertThat(session.pendingReceipts()).containsExactly("r1", "r2");
        assertInvalid(() -> session.send("/q", NO_BODY, null, "r1"), "Duplicate receipt: r1");
        assertThat(session.receipt(frame("RECEIPT", headers("receipt-id", "r1")))).isEqualTo("r1");
        assertInvalid(() -> session.receipt(frame("RECEIPT", headers("receipt-id", "r1"))), "Unexpected receipt: r1");
        session.send("/q", NO_BODY, null, "");
        session.send("/q", NO_BODY, null, null);
        assertThat(session.pendingReceipts()).containsExactly("r2");
    }

    @Test
    void everyCommandWithAReceiptRegistersIt() {
        StompSession session = connected(V11);
        StompFrame message = message(headers("message-id", "m", "subscription", "1"), V11);
        session.send("/q", NO_BODY, null, "send");
        SubscriptionToken token = session.subscribe("/q", headers("id", "1"), "subscribe", null).token();
        session.ack(message, "ack");
        session.nack(message, "nack");
        session.begin("t1", "begin");
        session.abort("t1", "abort");
        session.begin("t2", null);
        session.commit("t2", "commit");
        session.unsubscribe(token, "unsubscribe");
        session.disconnect("disconnect");
        assertThat(session.pendingReceipts()).containsExactly("send", "subscribe", "ack", "nack", "begin", "abort",
                "commit", "unsubscribe", "disconnect");
    }

    /** Deviation: the reference changed the session before it found the duplicate receipt. */
    @Test
    void aDuplicateReceiptChangesNothing() {
        StompSession session = connected(V11);
        session.send("/q", NO_BODY, null, "r");
        SubscriptionToken token = session.subscribe("/q", headers("id", "1"), null, null).token();
        session.begin("t", null);
        assertInvalid(() -> session.subscribe("/x", headers("id", "2"), "r", null), "Duplicate receipt: r");
        assertInvalid(() -> session.unsubscribe(token, "r"), "Duplicate receipt: r");
        assertInvalid(() -> session.begin("u", "r"), "Duplicate receipt: r");
        assertInvalid(() -> session.abort("t", "r"), "Duplicate receipt: r");
        assertInvalid(() -> session.commit("t", "r"), "Duplicate receipt: r");
        assertInvalid(() -> session.disconnect("r"), "Duplicate receipt: r");
        assertThat(session.subscriptions()).containsExactly(token);
        assertThat(session.activeTransactions()).containsExactly("t");
        assertThat(session.pendingReceipts()).containsExactly("r");
        assertThat(session.state()).isEqualTo(State.CONNECTED);
    }

    @Test
    void closeForgetsReceiptsAndTransactions() {
        StompSession session = connected(V11);
        session.begin("t", "r");
        session.close(false);
        assertThat(session.pendingReceipts()).isEmpty();
        assertThat(session.activeTransactions()).isEmpty();
        assertThat(session.id()).isNull();
        assertThat(session.state()).isEqualTo(State.DISCONNECTED);
    }

    @Test
    void viewsAreReadOnlySnapshots() {
        StompSession session = connected(V11);
        session.begin("t", "r");
        session.subscribe("/q", headers("id", "1"), null, null);
        var transactions = session.activeTransactions();
        var receipts = session.pendingReceipts();
        var subscriptions = session.subscriptions();
        assertThatThrownBy(() -> transactions.add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> receipts.clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> subscriptions.clear()).isInstanceOf(UnsupportedOperationException.class);
        for (String t : session.activeTransactions()) {
            session.abort(t, null);
        }
        assertThat(transactions).containsExactly("t");
        assertThat(session.activeTransactions()).isEmpty();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
