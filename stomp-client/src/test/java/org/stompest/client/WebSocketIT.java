package org.stompest.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stompest.client.testing.BrokerExtension;
import org.stompest.client.testing.EmbeddedArtemis;

/** STOMP over WebSocket on embedded Artemis, whose STOMP acceptor answers the upgrade on the same port. */
class WebSocketIT {
    @RegisterExtension
    static final BrokerExtension<EmbeddedArtemis> ARTEMIS = BrokerExtension.artemis();

    @Test
    void sendsAndReceivesOverWebSocketWithNulBytesInTheBody() throws Exception {
        String queue = "/queue/ws-" + UUID.randomUUID();
        byte[] body = {'a', 0, 'b', 0, 0, (byte) 0xff, '\n'};
        try (StompConnection connection = new StompConnection(StompConfig.builder()
                .failover(ARTEMIS.get().webSocketUri()).build())) {
            connection.connect();
            assertThat(connection.currentBroker()).isEqualTo(ARTEMIS.get().webSocketUri());
            assertThat(connection.version()).isEqualTo("1.2");
            BlockingQueue<StompMessage> received = new LinkedBlockingQueue<>();
            connection.subscribe(queue, SubscriptionOptions.defaults(), received::add);
            connection.sendWithReceipt(queue, body, Map.of()).get(10, TimeUnit.SECONDS);
            StompMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("message over ws").isNotNull();
            assertThat(message.body()).containsExactly(body);
        }
    }
}
