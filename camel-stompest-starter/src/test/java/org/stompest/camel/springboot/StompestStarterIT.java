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
package org.stompest.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.stompest.camel.StompestComponent;
import org.stompest.client.testing.EmbeddedArtemis;

/**
 * A Spring Boot application on an embedded Artemis: the starter configures the stompest component from
 * camel.component.stompest.* properties, and a route sends and receives through it.
 */
@SpringBootTest(classes = StompestStarterIT.App.class, properties = {
        "camel.component.stompest.prefetch=7",
        "camel.component.stompest.persistent=false",
        "camel.component.stompest.heart-beats=5000,5000"})
class StompestStarterIT {
    private static final EmbeddedArtemis ARTEMIS = EmbeddedArtemis.builder().build().start();
    static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();

    @SpringBootApplication
    static class App {
        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("stompest:queue:boot").process(e -> RECEIVED.add(e.getMessage().getBody(String.class)));
                }
            };
        }
    }

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("camel.component.stompest.failover", ARTEMIS::stompUri);
    }

    @AfterAll
    static void stopBroker() {
        ARTEMIS.close();
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;

    @Test
    void theComponentIsConfiguredFromSpringBootPropertiesAndRoutesRun() throws Exception {
        StompestComponent component = camelContext.getComponent("stompest", StompestComponent.class);

        assertThat(component.getConfiguration().getFailover()).isEqualTo(ARTEMIS.stompUri());
        assertThat(component.getConfiguration().getPrefetch()).isEqualTo(7);
        assertThat(component.getConfiguration().isPersistent()).isFalse();
        assertThat(component.getConfiguration().getHeartBeats()).isEqualTo("5000,5000");

        template.sendBody("stompest:queue:boot", "hello from Spring Boot");

        assertThat(RECEIVED.poll(20, TimeUnit.SECONDS)).isEqualTo("hello from Spring Boot");
    }
}
