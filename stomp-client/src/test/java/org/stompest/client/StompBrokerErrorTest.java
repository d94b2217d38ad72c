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

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stompest.protocol.StompFrame;

class StompBrokerErrorTest {
    private static StompFrame error(String message, String body) {
        return new StompFrame("ERROR", message == null ? Map.of() : Map.of("message", message),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSummaryAddsTheBodysFirstLineWhereItSaysMore() {
        assertThat(StompBrokerError.summary(error("Bad CONNECT", "Virtual host 'x' access denied\nmore\n")))
                .isEqualTo("Bad CONNECT: Virtual host 'x' access denied");
        assertThat(StompBrokerError.summary(error("AMQ339001: bad selector", "AMQ339001: bad selector")))
                .isEqualTo("AMQ339001: bad selector");
        assertThat(StompBrokerError.summary(error("denied", ""))).isEqualTo("denied");
        assertThat(StompBrokerError.summary(error(null, "only a body"))).isEqualTo("only a body");
        assertThat(StompBrokerError.summary(error("long", "x".repeat(300)))).isEqualTo("long: " + "x".repeat(200)
                + "...");
    }
}
