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

import java.util.Map;

import org.stompest.client.testing.EmbeddedActiveMq;

/** The Camel SPIs on ActiveMQ Classic; it refuses a SUBSCRIBE with a selector it cannot parse. */
class ActiveMqConsumerSpiIT extends AbstractConsumerSpiIT {
    @Override
    protected String refusedConnectUri(String queue) {
        EmbeddedActiveMq secured = EmbeddedActiveMq.builder().users(Map.of("app", "s3cret")).build().start();
        return wrongPasscodeUri(queue, secured, secured.stompUri());
    }

    @Override
    protected String refusedConnectMessage() {
        return "password is invalid";
    }

    @Override
    protected String brokerUri() {
        return SharedBrokers.activeMq().stompUri();
    }

    @Override
    protected String refusedSubscriptionUri(String queue) {
        return "stompest:queue:" + queue + "?bridgeErrorHandler=true&selector=RAW(color = = 'red')";
    }
}
