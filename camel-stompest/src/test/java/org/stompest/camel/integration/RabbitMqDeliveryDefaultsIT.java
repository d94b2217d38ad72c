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
package org.stompest.camel.integration;

/** The delivery defaults on RabbitMQ (prefetch-count flow control; a failed message is NACKed and requeued). */
class RabbitMqDeliveryDefaultsIT extends AbstractDeliveryDefaultsIT {

    @Override
    protected String brokerUri() {
        return SharedBrokers.rabbitMq().stompUri();
    }

    /**
     * RabbitMQ reads {@code persistent:false} on a SEND to {@code /queue/x} as a queue property too and refuses it for
     * the existing durable queue ({@code RESOURCE_LOCKED}): the inbound message carries only a priority.
     */
    @Override
    protected java.util.Map<String, String> inboundDeliveryAttributes() {
        return java.util.Map.of("priority", "1");
    }

}
