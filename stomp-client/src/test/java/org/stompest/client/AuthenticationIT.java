package org.stompest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.stompest.client.testing.EmbeddedActiveMq;
import org.stompest.client.testing.EmbeddedArtemis;
import org.stompest.error.StompConnectTimeout;
import org.stompest.error.StompConnectionError;

/**
 * A wrong passcode: the broker's ERROR message reaches the caller, and the failover loop backs off by its delays
 * instead of retrying in a tight loop.
 */
class AuthenticationIT {
    private static final String OPTIONS = "?initialReconnectDelay=150,useExponentialBackOff=false,"
            + "startupMaxReconnectAttempts=2";

    @Test
    void artemisRefusesAWrongPasscodeWithItsMessageAndTheLoopBacksOff() {
        try (EmbeddedArtemis broker = EmbeddedArtemis.builder().users(Map.of("user", "secret")).build().start()) {
            assertWrongPasscodeBacksOff(broker.stompUri(),
                    "Security Error occurred: User name [user] or password is invalid");
            try (StompConnection right = new StompConnection(StompConfig.builder().failover(broker.stompUri())
                    .login("user").passcode("secret").build())) {
                right.connect();
                assertThat(right.isConnected()).isTrue();
            }
        }
    }

    @Test
    void activeMqRefusesAWrongPasscodeWithItsMessageAndTheLoopBacksOff() {
        try (EmbeddedActiveMq broker = EmbeddedActiveMq.builder().users(Map.of("user", "secret")).build().start()) {
            assertWrongPasscodeBacksOff(broker.stompUri(), "User name [user] or password is invalid.");
            try (StompConnection right = new StompConnection(StompConfig.builder().failover(broker.stompUri())
                    .login("user").passcode("secret").build())) {
                right.connect();
                assertThat(right.isConnected()).isTrue();
            }
        }
    }

    private static void assertWrongPasscodeBacksOff(String uri, String brokerMessage) {
        StompConnection connection = new StompConnection(StompConfig.builder().failover("failover:(" + uri + ")"
                + OPTIONS).login("user").passcode("wrong-passcode").build());
        long start = System.nanoTime();
        assertThatThrownBy(connection::connect).isInstanceOf(StompConnectTimeout.class)
                .isInstanceOf(StompConnectionError.class)
                .hasMessageStartingWith("Reconnect timeout: 2 attempts")
                .hasMessageContaining(brokerMessage)
                .hasMessageNotContaining("wrong-passcode")
                .cause().isInstanceOf(StompConnectionError.class).hasMessageContaining(brokerMessage)
                .cause().isInstanceOf(StompBrokerError.class);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // three attempts: 0, then 150 ms, then 150 ms
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
        assertThat(connection.stats().connectAttempts()).isEqualTo(3);
        assertThat(connection.stats().failoverAttempts()).isZero();
        assertThat(connection.stats().lastAttemptError()).contains(brokerMessage);
        assertThat(connection.state()).isEqualTo(StompConnection.State.FAILED);
        connection.close();
    }
}
