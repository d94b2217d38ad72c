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
package org.stompest.jmx;

import java.util.List;
import java.util.Set;

/**
 * The attribute names of the stompest connection MXBean, as the stomp-client contract lists them
 * ({@code notes/client-api.md}, JMX section). The console reads attributes by these names only; it has no compile
 * dependency on stomp-client. An attribute the bean does not have reads as null and prints as "-".
 */
public final class Attributes {
    public static final String STATE = "State";
    public static final String VERSION = "Version";
    public static final String SESSION_ID = "SessionId";
    public static final String SERVER = "Server";
    public static final String CURRENT_BROKER = "CurrentBroker";
    public static final String CONNECTED_SINCE = "ConnectedSince";
    public static final String CLIENT_HEART_BEAT = "ClientHeartBeatMillis";
    public static final String SERVER_HEART_BEAT = "ServerHeartBeatMillis";
    /** The names before the {@code Millis} suffix (stomp-client 0.1): still read when the bean has no new one. */
    public static final String OLD_CLIENT_HEART_BEAT = "ClientHeartBeat";
    public static final String OLD_SERVER_HEART_BEAT = "ServerHeartBeat";
    public static final String LAST_SENT = "LastSent";
    public static final String LAST_RECEIVED = "LastReceived";
    public static final String LAST_RECEIVED_AGO_MILLIS = "LastReceivedAgoMillis";
    public static final String LONGEST_RECEIVE_GAP_MILLIS = "LongestReceiveGapMillis";
    public static final String HEART_BEATS_SENT = "HeartBeatsSent";
    public static final String HEART_BEATS_RECEIVED = "HeartBeatsReceived";
    public static final String MISSED_HEART_BEATS = "MissedHeartBeats";
    public static final String CONNECT_ATTEMPTS = "ConnectAttempts";
    public static final String FAILOVER_ATTEMPTS = "FailoverAttempts";
    public static final String CONSECUTIVE_FAILURES = "ConsecutiveFailures";
    public static final String RECONNECTS = "Reconnects";
    public static final String FAILOVERS = "Failovers";
    public static final String LAST_FAILOVER_TIME = "LastFailoverTime";
    public static final String LAST_ERROR = "LastError";
    public static final String LAST_ERROR_TIME = "LastErrorTime";
    public static final String LAST_ATTEMPT_TIME = "LastAttemptTime";
    public static final String LAST_ATTEMPT_ERROR = "LastAttemptError";
    public static final String NEXT_DELAY_MILLIS = "NextDelayMillis";
    public static final String ATTEMPTS_PER_BROKER = "AttemptsPerBroker";
    public static final String SUBSCRIPTIONS = "Subscriptions";
    public static final String SUBSCRIPTION_DESTINATIONS = "SubscriptionDestinations";
    public static final String FRAMES_SENT = "FramesSent";
    public static final String FRAMES_RECEIVED = "FramesReceived";
    public static final String BYTES_SENT = "BytesSent";
    public static final String BYTES_RECEIVED = "BytesReceived";
    public static final String MESSAGES_SENT = "MessagesSent";
    public static final String SENDS_CONFIRMED = "SendsConfirmed";
    public static final String SENDS_FAILED = "SendsFailed";
    public static final String MESSAGES_RECEIVED = "MessagesReceived";
    public static final String REDELIVERED = "Redelivered";
    public static final String ACKED = "Acked";
    public static final String NACKED = "Nacked";
    public static final String SENT_PER_SECOND = "SentPerSecond";
    public static final String RECEIVED_PER_SECOND = "ReceivedPerSecond";
    public static final String PENDING_RECEIPTS = "PendingReceipts";
    public static final String LEASE_HOLDERS = "LeaseHolders";
    public static final String FAILOVER = "Failover";
    public static final String LOGIN = "Login";

    /** Every contract attribute, in the contract's order (the order of {@code show}). */
    public static final List<String> CONTRACT = List.of(
            STATE, VERSION, SESSION_ID, SERVER, CURRENT_BROKER, CONNECTED_SINCE, CLIENT_HEART_BEAT,
            SERVER_HEART_BEAT, LAST_SENT, LAST_RECEIVED, LAST_RECEIVED_AGO_MILLIS, LONGEST_RECEIVE_GAP_MILLIS,
            HEART_BEATS_SENT, HEART_BEATS_RECEIVED, MISSED_HEART_BEATS,
            CONNECT_ATTEMPTS, FAILOVER_ATTEMPTS, CONSECUTIVE_FAILURES, RECONNECTS, FAILOVERS, LAST_FAILOVER_TIME,
            LAST_ERROR, LAST_ERROR_TIME, LAST_ATTEMPT_TIME, LAST_ATTEMPT_ERROR, NEXT_DELAY_MILLIS,
            ATTEMPTS_PER_BROKER, SUBSCRIPTIONS, SUBSCRIPTION_DESTINATIONS,
            FRAMES_SENT, FRAMES_RECEIVED, BYTES_SENT, BYTES_RECEIVED,
            MESSAGES_SENT, SENDS_CONFIRMED, SENDS_FAILED, MESSAGES_RECEIVED, REDELIVERED, ACKED, NACKED,
            SENT_PER_SECOND, RECEIVED_PER_SECOND, PENDING_RECEIPTS, LEASE_HOLDERS, FAILOVER, LOGIN);

    /** Attributes that are points in time: ISO-8601 strings, or epoch milliseconds (0 or less = never). */
    public static final Set<String> TIMES = Set.of(LAST_SENT, LAST_RECEIVED, LAST_ATTEMPT_TIME, CONNECTED_SINCE,
            LAST_FAILOVER_TIME, LAST_ERROR_TIME);

    /** The operations, each taking no arguments. */
    public static final String RECONNECT_OPERATION = "reconnect";
    public static final String DISCONNECT_OPERATION = "disconnect";

    private Attributes() {
    }
}
