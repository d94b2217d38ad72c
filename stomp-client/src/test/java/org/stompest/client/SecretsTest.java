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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stompest.protocol.StompFrame;

class SecretsTest {

    @Test
    void theSecretIsMaskedInHeaderValuesAndBodyInPlainAndEscapedForm() {
        StompFrame error = StompFrame.raw("ERROR", List.of(Map.entry("message", "refused app/s3:cret"),
                        Map.entry("detail", "passcode:s3\\ccret")),
                "CONNECT\nlogin:app\npasscode:s3:cret\n".getBytes(StandardCharsets.UTF_8), "1.2");

        StompFrame redacted = Secrets.redact(error, "s3:cret");

        assertThat(redacted.header("message")).isEqualTo("refused app/***");
        assertThat(redacted.header("detail")).isEqualTo("passcode:***");
        assertThat(new String(redacted.body(), StandardCharsets.UTF_8)).isEqualTo("CONNECT\nlogin:app\npasscode:***\n");
        assertThat(redacted.version()).isEqualTo("1.2");
    }

    @Test
    void aFrameWithoutTheSecretOrWithoutAPasscodeIsReturnedAsItIs() {
        StompFrame error = new StompFrame("ERROR", Map.of("message", "no such queue"), "body".getBytes());

        assertThat(Secrets.redact(error, "s3cret")).isSameAs(error);
        assertThat(Secrets.redact(error, null)).isSameAs(error);
        assertThat(Secrets.redact(error, "")).isSameAs(error);
    }
}
