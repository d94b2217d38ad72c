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

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** Routes written in the YAML DSL, with the failover URI as written in the design brief. */
class YamlDslIT extends StompestITSupport {

    @Test
    void aYamlRouteConsumesAndProduces() throws Exception {
        String in = unique("yaml-in");
        String out = unique("yaml-out");
        String broker = "tcp://127.0.0.1:" + SharedBrokers.artemis().port();
        String yaml = """
                - route:
                    id: yaml-route
                    from:
                      uri: "stompest:queue:/%s?failover=failover:(%s)?randomize=false,maxReconnectAttempts=3&concurrentConsumers=2"
                      steps:
                        - setBody:
                            simple: "yaml saw ${body}"
                        - to:
                            uri: stompest:queue:%s
                            parameters:
                              sendHeaders.origin: yaml
                """.formatted(in, broker, out);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("stompest-routes.yaml", yaml));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + out).to("mock:out");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:out");
        mock.expectedBodiesReceived("yaml saw hello");
        // (the YAML DSL turns dashed parameter names into camel case: sendHeaders.x-dsl would become xDsl)
        mock.expectedHeaderReceived("origin", "yaml");

        template.sendBody("stompest:queue:" + in, "hello");

        mock.assertIsSatisfied();
    }
}
