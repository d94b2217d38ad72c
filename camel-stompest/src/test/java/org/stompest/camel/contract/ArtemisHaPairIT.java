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
package org.stompest.camel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.ExchangePattern;
import org.junit.jupiter.api.Test;
import org.stompest.client.faults.Bodies;
import org.stompest.client.faults.Tally;

/**
 * Issue 15, Artemis HA pair: a replicated primary and its backup (journal replication, fail-back allowed), each in a
 * child JVM ({@link ClusterNodeMain}), and a Camel producer route and consumer route in this JVM on
 * {@code failover:(tcp://primary,tcp://backup)} with the component's default options. A paced stream runs
 * throughout; the primary is killed with SIGKILL mid-stream (the backup takes over and the client follows it), then
 * started again (it syncs from the backup and takes over again: fail-back, the client follows back). Each message
 * goes to a queue and to a topic with a durable subscriber; the durable subscription is replayed on each switch
 * and reports a second {@code faults} line ({@code durable-topic}). Nothing confirmed may be lost; duplicates
 * (unacknowledged deliveries at a switch) are counted. The {@code faults} line
 * carries the takeover times: {@code killToConfirmedMs}/{@code killToReceivedMs} (from the SIGKILL to the first
 * confirmed send and the first delivery of a message sent after it), {@code failBackMs} (from starting the primary
 * to its being active) and {@code failBack*PauseMs} (the longest pause in confirmations and deliveries meanwhile).
 */
class ArtemisHaPairIT extends ArtemisTopologySupport {
    private static final String DESTINATION = "stompest:queue:cluster.ha";
    private static final String TOPIC = "stompest:topic:cluster.ha.events";
    private static final String DURABLE = "a durable subscription (durableSubscriptionName, clientId) is replayed "
                                          + "on the backup and keeps what was published meanwhile";
    private static final String MISSING = "a reconnect tries every broker of the failover URI (none sticks), "
                                          + "resubscribes, and persistent sends are replicated before the RECEIPT";

    ArtemisHaPairIT() {
        super("primary", "backup");
    }

    @Test
    void clientFollowsTheBackupWhenThePrimaryIsKilledAndThePrimaryOnFailBack() throws Exception {
        begin("ha-pair primary-kill fail-back");
        long started = System.nanoTime();
        Tally durable = new Tally(tally.name() + " durable-topic");
        AtomicBoolean durablePinged = new AtomicBoolean();
        startContext(rb -> {
            // each message goes to the queue and the topic; the exchange completes once both are confirmed
            rb.from("direct:produce").routeId("producer")
                    .errorHandler(rb.defaultErrorHandler().maximumRedeliveries(-1).redeliveryDelay(50))
                    .to(DESTINATION).to(TOPIC);
            rb.from(DESTINATION).routeId("receiver").process(record(new AtomicBoolean()))
                    .process(exchange -> takeover.received(Bodies.verify(exchange.getMessage().getBody(byte[].class))));
            rb.from(TOPIC + "?durableSubscriptionName=ha-durable&clientId=ha-pair-durable").routeId("durable")
                    .process(exchange -> {
                        byte[] body = exchange.getMessage().getBody(byte[].class);
                        if (Pings.isPing(body)) {
                            durablePinged.set(true);
                        } else {
                            durable.received(Bodies.verify(body));
                        }
                    });
        });
        awaitLive(TOPIC, durablePinged, DURABLE);
        AtomicLong end = startPacedStream(seq -> {
            durable.sent(seq); // counted once confirmed: the topic send is the exchange's second
            durable.confirmed(seq);
        });

        awaitStep(PER_PHASE + " confirmed before the primary kill", () -> tally.confirmedCount() >= PER_PHASE, MISSING);
        tally.extra("confirmedAtKill", tally.confirmedCount());
        fault();
        first.kill();
        awaitTakeover("the primary kill", MISSING);

        awaitMoreConfirmed(PER_PHASE, "on the backup", MISSING);
        fault();
        long failBackStart = System.nanoTime();
        long primaryActive = first.launch(); // returns once the primary is active again: the backup stepped down
        tally.extra("failBackMs", TimeUnit.NANOSECONDS.toMillis(primaryActive - failBackStart));
        awaitMoreConfirmed(PER_PHASE, "after the fail-back", MISSING);
        awaitStep("a message sent after the fail-back began received", takeover::receivedAfterFault, MISSING);
        tally.extra("failBackConfirmPauseMs", takeover.longestConfirmPauseMillis());
        tally.extra("failBackDeliveryPauseMs", takeover.longestDeliveryPauseMillis());

        end.set(0); // the senders stop after the send each is in
        awaitSendersDone(MISSING);
        verdict(tally.sentCount(), MISSING);
        awaitWhileMoving(QUIET_DELIVERING, () -> durable.lost().isEmpty());
        durable.report(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(durable.lost()).as(durable.summary() + " (" + DURABLE + ")").isEmpty();
        assertThat(durable.receivedCount()).as(durable.summary()).isEqualTo(tally.sentCount());
    }
}
