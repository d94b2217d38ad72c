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
package org.stompest.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stompest.camel.StompestMessageMapper.Outgoing;
import org.stompest.client.StompMessage;
import org.stompest.client.StompMessages;
import org.stompest.protocol.StompFrame;

class StompestMessageMapperTest {
    private static final byte[] BINARY = { 0, 1, 2, 0, (byte) 0xff, 0 };

    private CamelContext context;
    private final StompestHeaderFilterStrategy filter = new StompestHeaderFilterStrategy();

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    private Message newMessage() {
        return new DefaultExchange(context).getIn();
    }

    private static StompMessage received(Map<String, String> headers, byte[] body) {
        return StompMessages.received(new StompFrame("MESSAGE", new LinkedHashMap<>(headers), body, "1.2"), "7");
    }

    @Test
    void aReceivedMessageKeepsItsBodyBytesAndGetsTheComponentHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", "/queue/x");
        headers.put("message-id", "m-1");
        headers.put("subscription", "7");
        headers.put("ack", "a-1");
        headers.put("redelivered", "true");
        headers.put("content-length", "6");
        headers.put("receipt", "r-9");
        headers.put("transaction", "tx-1");
        headers.put("priority", "4");
        headers.put("x-app", "yes");
        Message message = newMessage();

        StompestMessageMapper.toCamel(received(headers, BINARY), message, filter);

        assertThat(message.getBody()).isInstanceOf(byte[].class).isEqualTo(BINARY);
        assertThat(message.getHeader(StompestConstants.DESTINATION)).isEqualTo("/queue/x");
        assertThat(message.getHeader(StompestConstants.MESSAGE_ID)).isEqualTo("m-1");
        assertThat(message.getHeader(StompestConstants.SUBSCRIPTION)).isEqualTo("7");
        assertThat(message.getHeader(StompestConstants.ACK_ID)).isEqualTo("a-1");
        assertThat(message.getHeader(StompestConstants.REDELIVERED)).isEqualTo(true);
        assertThat(message.getHeaders()).containsEntry(StompestConstants.PRIORITY, "4").containsEntry("x-app", "yes")
                .doesNotContainKeys("priority", "redelivered", "destination", "message-id", "subscription", "ack", "content-length", "receipt",
                        "transaction");
    }

    @Test
    void aParsedMessagesHeadersPassInWireOrderTheFirstOfARepeatedNameWinning() {
        StompFrame frame = StompFrame.raw("MESSAGE", List.of(Map.entry("destination", "/queue/x"),
                Map.entry("message-id", "m-1"), Map.entry("x-app", "first"), Map.entry("x-app", "second"),
                Map.entry("CamelInjected", "no"), Map.entry("JMSXDeliveryCount", "2"), Map.entry("x-other", "o")),
                BINARY, "1.2");
        Message message = newMessage();

        StompestMessageMapper.toCamel(StompMessages.received(frame, "7"), message, filter);

        assertThat(message.getHeaders()).containsEntry("x-app", "first").containsEntry("x-other", "o")
                .doesNotContainKeys("destination", "message-id", "CamelInjected", "JMSXDeliveryCount");
    }

    @Test
    void aCustomisedStrategyDecidesWhatPasses() {
        StompestHeaderFilterStrategy custom = new StompestHeaderFilterStrategy();
        custom.getInFilter().add("x-drop");
        StompFrame frame = StompFrame.raw("MESSAGE", List.of(Map.entry("destination", "/queue/x"),
                Map.entry("message-id", "m-1"), Map.entry("x-drop", "d"), Map.entry("x-keep", "k")), BINARY, "1.2");
        Message message = newMessage();

        StompestMessageMapper.toCamel(StompMessages.received(frame, "7"), message, custom);

        assertThat(message.getHeaders()).containsEntry("x-keep", "k").doesNotContainKeys("x-drop", "destination");
    }

    @Test
    void theContentTypeCharsetDecodesTheBody() {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        Message message = newMessage();

        StompestMessageMapper.toCamel(
                received(Map.of("content-type", "text/plain; charset=\"ISO-8859-1\""), latin1), message, filter);

        assertThat(message.getHeader(StompestConstants.CONTENT_TYPE)).isEqualTo("text/plain; charset=\"ISO-8859-1\"");
        assertThat(message.getExchange().getProperty(Exchange.CHARSET_NAME)).isEqualTo("ISO-8859-1");
        assertThat(message.getBody(String.class)).isEqualTo("café");
    }

    @Test
    void aStringBodyIsSentAsUtf8TextPlain() throws Exception {
        Message message = newMessage();
        message.setBody("grüße");

        Outgoing out = StompestMessageMapper.toStomp(message, null, filter);

        assertThat(out.body()).isEqualTo("grüße".getBytes(StandardCharsets.UTF_8));
        assertThat(out.headers()).containsEntry("content-type", "text/plain;charset=UTF-8");
    }

    @Test
    void theCharsetOfASetContentTypeEncodesAStringBody() throws Exception {
        Message message = newMessage();
        message.setBody("café");
        message.setHeader("Content-Type", "text/plain;charset=ISO-8859-1");

        Outgoing out = StompestMessageMapper.toStomp(message, null, filter);

        assertThat(out.body()).isEqualTo("café".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(out.headers()).containsEntry("content-type", "text/plain;charset=ISO-8859-1")
                .doesNotContainKey("Content-Type");
    }

    @Test
    void theExchangeCharsetEncodesAStringBodyWithoutContentType() throws Exception {
        Message message = newMessage();
        message.getExchange().setProperty(Exchange.CHARSET_NAME, "UTF-16BE");
        message.setBody("A");

        Outgoing out = StompestMessageMapper.toStomp(message, null, filter);

        assertThat(out.body()).isEqualTo(new byte[] { 0, 'A' });
        assertThat(out.headers()).containsEntry("content-type", "text/plain;charset=UTF-16BE");
    }

    @Test
    void binaryBodiesWithNulBytesAreSentUnchangedAndWithoutContentType() throws Exception {
        Message message = newMessage();
        message.setBody(BINARY);

        Outgoing out = StompestMessageMapper.toStomp(message, null, filter);

        assertThat(out.body()).isSameAs(BINARY);
        assertThat(out.headers()).doesNotContainKey("content-type");
    }

    @Test
    void streamsAndOtherBodiesGoThroughTheTypeConverters() throws Exception {
        Message stream = newMessage();
        stream.setBody(new ByteArrayInputStream(BINARY));
        Message number = newMessage();
        number.setBody(42);
        Message none = newMessage();

        assertThat(StompestMessageMapper.toStomp(stream, null, filter).body()).isEqualTo(BINARY);
        assertThat(StompestMessageMapper.toStomp(number, null, filter).body()).isEqualTo("42".getBytes());
        assertThat(StompestMessageMapper.toStomp(none, null, filter).body()).isEmpty();
    }

    @Test
    void headersAreFilteredAndMessageHeadersWinOverSendHeaders() throws Exception {
        Message message = newMessage();
        message.setBody("x");
        message.setHeader("priority", 9);
        message.setHeader("persistent", true);
        message.setHeader("CamelStompestDestination", "/queue/elsewhere");
        message.setHeader("CamelFileName", "a.txt");
        message.setHeader("destination", "/queue/elsewhere");
        message.setHeader("receipt", "r");
        message.setHeader("message-id", "m");
        message.setHeader("not-a-header-value", new Object());

        Outgoing out = StompestMessageMapper.toStomp(message, Map.of("priority", "1", "expires", "0"), filter);

        assertThat(out.headers()).containsEntry("priority", "9").containsEntry("persistent", "true")
                .containsEntry("expires", "0")
                .doesNotContainKeys("CamelStompestDestination", "CamelFileName", "destination", "receipt",
                        "message-id", "not-a-header-value");
    }

    @Test
    void theProducersDefaultsComeFirstAndEverythingElseOverridesThem() throws Exception {
        Message message = newMessage();
        message.setBody("x");
        message.setHeader("persistent", "false");
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("destination-type", "ANYCAST");
        defaults.put("persistent", "true");
        defaults.put("priority", "4");

        Outgoing out = StompestMessageMapper.toStomp(message, defaults, Map.of("priority", "7"), filter);

        assertThat(out.headers()).containsExactly(Map.entry("destination-type", "ANYCAST"),
                Map.entry("persistent", "false"), Map.entry("priority", "7"),
                Map.entry("content-type", "text/plain;charset=UTF-8"));
    }

    @Test
    void aReceivedMessageSurvivesARoundTrip() throws Exception {
        Message message = newMessage();
        StompestMessageMapper.toCamel(received(Map.of("destination", "/queue/a", "message-id", "1",
                "content-type", "application/octet-stream", "x-app", "v"), BINARY), message, filter);

        Outgoing out = StompestMessageMapper.toStomp(message, null, filter);

        assertThat(out.body()).isEqualTo(BINARY);
        assertThat(out.headers()).containsOnly(Map.entry("x-app", "v"),
                Map.entry("content-type", "application/octet-stream"));
    }

    @Test
    void charsetsAreReadFromContentTypes() {
        assertThat(StompestMessageMapper.charsetOf("text/plain;charset=utf-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(StompestMessageMapper.charsetOf("text/plain; CHARSET=\"utf-8\"")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(StompestMessageMapper.charsetOf("text/plain")).isNull();
        assertThat(StompestMessageMapper.charsetOf("text/plain;charset=no-such-charset")).isNull();
        assertThat(StompestMessageMapper.charsetOf("text/plain;charset=@@")).isNull();
    }
}
