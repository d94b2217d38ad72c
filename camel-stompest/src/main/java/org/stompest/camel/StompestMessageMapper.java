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

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConverter;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.stompest.client.StompMessage;
import org.stompest.protocol.StompSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a received STOMP MESSAGE into a Camel message and a Camel message into the body and headers of a SEND.
 *
 * <p>Bodies are bytes on the wire and stay {@code byte[]} in Camel, so binary bodies (NUL bytes included) survive;
 * the {@code content-type}'s charset becomes the exchange's {@link Exchange#CHARSET_NAME}, so converting the body
 * to a String decodes it right. Sending, String bodies are encoded with the charset of the
 * {@link StompestConstants#CONTENT_TYPE} header, else of {@link Exchange#CHARSET_NAME}, else UTF-8, and get
 * {@code text/plain;charset=<that charset>} when no content type is set; every other body goes through Camel's
 * type converters to {@code byte[]} (or, lacking one, to its text in the exchange's charset).
 */
public final class StompestMessageMapper {
    private static final Logger LOG = LoggerFactory.getLogger(StompestMessageMapper.class);
    private static final byte[] EMPTY = new byte[0];

    /** The body and headers of a SEND. */
    public record Outgoing(byte[] body, Map<String, String> headers) {
    }

    private StompestMessageMapper() {
    }

    /**
     * Fills {@code target} from a received message: the body as {@code byte[]}, the STOMP headers the strategy
     * lets through, and the {@link StompestConstants} headers.
     */
    public static void toCamel(StompMessage message, Message target, HeaderFilterStrategy filter) {
        Exchange exchange = target.getExchange();
        // One pass over the frame's headers in wire order, the first of a repeated name winning (as in
        // message.headers(), without building that map).
        List<Map.Entry<String, String>> raw = message.frame().rawHeaders();
        Collection<Map.Entry<String, String>> headers = raw != null ? raw : message.frame().headers().entrySet();
        String persistent = null;
        String priority = null;
        String expires = null;
        String timestamp = null;
        String contentType = null;
        int index = 0;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            String value = header.getValue();
            if (raw != null && repeated(raw, index++, name)) {
                continue;
            }
            if (filter == null || !filter.applyFilterToExternalHeaders(name, value, exchange)) {
                target.setHeader(name, value);
            }
            switch (name) { // the delivery attributes, taken in the same pass
                case "persistent" -> persistent = value;
                case "priority" -> priority = value;
                case "expires" -> expires = value;
                case "timestamp" -> timestamp = value;
                case StompSpec.CONTENT_TYPE_HEADER -> contentType = value;
                default -> { }
            }
        }
        target.setHeader(StompestConstants.DESTINATION, message.destination());
        target.setHeader(StompestConstants.MESSAGE_ID, message.messageId());
        target.setHeader(StompestConstants.SUBSCRIPTION, message.subscriptionId());
        target.setHeader(StompestConstants.ACK_ID, message.ackId());
        target.setHeader(StompestConstants.REDELIVERED, message.redelivered());
        setIfPresent(target, StompestConstants.PERSISTENT, persistent);
        setIfPresent(target, StompestConstants.PRIORITY, priority);
        setIfPresent(target, StompestConstants.EXPIRES, expires);
        setIfPresent(target, StompestConstants.TIMESTAMP, timestamp);
        if (contentType != null) {
            target.setHeader(StompestConstants.CONTENT_TYPE, contentType);
            Charset charset = charsetOf(contentType);
            if (charset != null) {
                exchange.setProperty(Exchange.CHARSET_NAME, charset.name());
            }
        }
        byte[] body = message.body();
        target.setBody(body == null ? EMPTY : body);
    }

    /** Whether {@code name} occurs among the first {@code index} headers. */
    private static boolean repeated(List<Map.Entry<String, String>> headers, int index, String name) {
        for (int i = 0; i < index; i++) {
            if (headers.get(i).getKey().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body and headers to send for {@code message}: {@code extraHeaders} first (the endpoint's
     * {@code sendHeaders}), then every message header the strategy lets through (they win), then
     * {@code content-type}.
     *
     * @throws NoTypeConversionAvailableException if the body cannot become {@code byte[]}
     */
    public static Outgoing toStomp(Message message, Map<String, Object> extraHeaders, HeaderFilterStrategy filter)
            throws NoTypeConversionAvailableException {
        return toStomp(message, new LinkedHashMap<>(), extraHeaders, filter);
    }

    /**
     * As {@link #toStomp(Message, Map, HeaderFilterStrategy)}, adding to {@code headers} (mutable, in order), whose
     * entries are defaults that everything after them overrides; the outgoing headers are that map, not a copy.
     */
    public static Outgoing toStomp(Message message, Map<String, String> headers, Map<String, Object> extraHeaders,
                                   HeaderFilterStrategy filter) throws NoTypeConversionAvailableException {
        Exchange exchange = message.getExchange();
        if (extraHeaders != null) {
            extraHeaders.forEach((name, value) -> putHeader(headers, name, value));
        }
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            String name = header.getKey();
            Object value = header.getValue();
            if (filter == null || !filter.applyFilterToCamelHeaders(name, value, exchange)) {
                putHeader(headers, name, value);
            }
        }
        String contentType = message.getHeader(StompestConstants.CONTENT_TYPE, String.class);
        Object body = message.getBody();
        byte[] bytes;
        if (body == null) {
            bytes = EMPTY;
        } else if (body instanceof byte[] raw) {
            bytes = raw;
        } else if (body instanceof CharSequence text) {
            Charset charset = contentType == null ? null : charsetOf(contentType);
            if (charset == null) {
                charset = exchangeCharset(exchange);
            }
            bytes = text.toString().getBytes(charset);
            if (contentType == null) {
                contentType = "text/plain;charset=" + charset.name();
            }
        } else {
            TypeConverter converter = exchange.getContext().getTypeConverter();
            bytes = converter.tryConvertTo(byte[].class, exchange, body);
            if (bytes == null) {
                // no converter to bytes (a number, say): its text in the exchange's charset
                bytes = converter.mandatoryConvertTo(String.class, exchange, body).getBytes(exchangeCharset(exchange));
            }
        }
        // content-type is lower case on the wire whatever case the Camel header had
        headers.keySet().removeIf(name -> name.equalsIgnoreCase(StompSpec.CONTENT_TYPE_HEADER));
        if (contentType != null) {
            headers.put(StompSpec.CONTENT_TYPE_HEADER, contentType);
        }
        return new Outgoing(bytes, headers);
    }

    /** The charset parameter of a content type ({@code text/plain; charset="utf-8"}), or null. */
    public static Charset charsetOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).trim();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                try {
                    return Charset.isSupported(name) ? Charset.forName(name) : null;
                } catch (IllegalCharsetNameException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void setIfPresent(Message target, String name, String value) {
        if (value != null) {
            target.setHeader(name, value);
        }
    }

    private static Charset exchangeCharset(Exchange exchange) {
        String name = exchange == null ? null : exchange.getProperty(Exchange.CHARSET_NAME, String.class);
        if (name != null) {
            try {
                if (Charset.isSupported(name)) {
                    return Charset.forName(name);
                }
            } catch (IllegalCharsetNameException e) {
                // fall through to UTF-8
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static void putHeader(Map<String, String> headers, String name, Object value) {
        String text = headerValue(value);
        if (text != null) {
            headers.put(name, text);
        } else if (value != null) {
            LOG.debug("Header {} not sent: a {} is no STOMP header value", name, value.getClass().getName());
        }
    }

    private static String headerValue(Object value) {
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return null;
    }

}
