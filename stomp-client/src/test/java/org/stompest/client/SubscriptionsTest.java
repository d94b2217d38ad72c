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

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stompest.error.StompProtocolError;
import org.stompest.protocol.StompFrame;
import org.stompest.protocol.StompSession;
import org.stompest.protocol.StompSpec;

/** The subscription registry without a broker: naming, routing of MESSAGE frames, order and closing. */
class SubscriptionsTest {
    private final StompConnection connection = new StompConnection(
            StompConfig.builder().failover("tcp://localhost:61613").build());
    private final ConnectionStats stats = new ConnectionStats();
    private final Subscriptions subscriptions = new Subscriptions(stats);
    private final MessageListener ignore = message -> { };

    @AfterEach
    void closeAll() {
        subscriptions.closeAll();
        connection.close();
    }

    private StompSubscription add(String destination, String id) {
        SubscriptionOptions options = id == null ? SubscriptionOptions.defaults()
                : SubscriptionOptions.builder().headers(Map.of(StompSpec.ID_HEADER, id)).build();
        return subscriptions.add(connection, destination, options, ignore);
    }

    private static StompFrame message(String destination, String subscription) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(StompSpec.DESTINATION_HEADER, destination);
        if (subscription != null) {
            headers.put(StompSpec.SUBSCRIPTION_HEADER, subscription);
        }
        return new StompFrame(StompSpec.MESSAGE, headers, new byte[0], StompSpec.VERSION_1_2);
    }

    @Test
    void namesSubscriptionsInSubscribeOrderUnlessTheOptionsGiveAnId() {
        StompSubscription first = add("/queue/a", null);
        StompSubscription named = add("/queue/b", "orders");
        StompSubscription third = add("/queue/c", null);

        assertThat(first.id()).isEqualTo("sub-1");
        assertThat(named.id()).isEqualTo("orders");
        assertThat(third.id()).isEqualTo("sub-3");
        assertThat(subscriptions.ordered()).containsExactly(first, named, third);
        assertThat(stats.subscriptions()).isEqualTo(3);
    }

    @Test
    void refusesATakenId() {
        add("/queue/a", "orders");

        assertThatThrownBy(() -> add("/queue/b", "orders")).isInstanceOf(StompProtocolError.class)
                .hasMessage("Already subscribed [id=orders]");
        assertThat(stats.subscriptions()).isEqualTo(1);
    }

    @Test
    void routesAMessageByItsSubscriptionHeader() {
        StompSubscription a = add("/queue/same", null);
        StompSubscription b = add("/queue/same", null);

        assertThat(subscriptions.forMessage(message("/queue/same", "sub-2"))).isSameAs(b);
        assertThat(subscriptions.forMessage(message("/queue/same", "sub-1"))).isSameAs(a);
        assertThat(subscriptions.forMessage(message("/queue/same", "sub-9"))).isNull();
    }

    @Test
    void aBrokerSubscribedSubscriptionIsRoutedButNeverSubscribedOrReplayed() {
        StompSubscription replies = subscriptions.add(connection, "/temp-queue/replies", SubscriptionOptions.builder()
                .headers(Map.of(StompSpec.ID_HEADER, "/temp-queue/replies")).brokerSubscribed(true).build(), ignore);
        StompSubscription plain = add("/queue/a", null);
        StompSession session = new StompSession(StompSpec.VERSION_1_2, false);
        synchronized (session) {
            assertThat(subscriptions.replay(session, 1, BrokerProfile.RABBITMQ))
                    .extracting(frame -> frame.header(StompSpec.ID_HEADER)).containsExactly(plain.id());
        }
        assertThat(subscriptions.forMessage(message("/reply-queue/amq.gen-1", "/temp-queue/replies")))
                .isSameAs(replies);
        assertThatThrownBy(() -> SubscriptionOptions.builder().brokerSubscribed(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid brokerSubscribed:");
        assertThatThrownBy(() -> SubscriptionOptions.builder().ackMode("client").brokerSubscribed(true)
                .headers(Map.of(StompSpec.ID_HEADER, "x")).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routesAMessageWithoutSubscriptionHeaderByItsDestinationWhenThatIsUnambiguous() {
        StompSubscription only = add("/queue/one", null);
        add("/queue/two", null);
        add("/queue/two", null);

        assertThat(subscriptions.forMessage(message("/queue/one", null))).isSameAs(only);
        assertThat(subscriptions.forMessage(message("/queue/two", null))).isNull();
        assertThat(subscriptions.forMessage(message("/queue/none", null))).isNull();
    }

    @Test
    void removeForgetsOnlyThatSubscription() {
        StompSubscription a = add("/queue/a", null);
        StompSubscription b = add("/queue/b", null);

        subscriptions.remove(a);

        assertThat(subscriptions.ordered()).containsExactly(b);
        assertThat(stats.subscriptions()).isEqualTo(1);
    }

    @Test
    void closeAllStopsAndForgetsThemAll() {
        StompSubscription a = add("/queue/a", null);
        StompSubscription b = add("/queue/b", null);

        subscriptions.closeAll();

        assertThat(a.isActive()).isFalse();
        assertThat(b.isActive()).isFalse();
        assertThat(subscriptions.ordered()).isEmpty();
        assertThat(stats.subscriptions()).isZero();
    }
}
