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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** The component's connections run on threads from Camel's ExecutorServiceManager, gone when Camel stops. */
class ComponentRuntimeIT extends StompestITSupport {

    private static List<String> stompestThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains("stompest-reader-") || name.contains("StompestScheduler")
                                || name.contains("StompestCallback"))
                .toList();
    }

    @Test
    void connectionThreadsAreNamedByCamelsPatternAndStopWithTheContext() throws Exception {
        context.getExecutorServiceManager().setThreadNamePattern("Camel (#camelId#) thread ##counter# - #name#");
        String queue = unique("threads");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stompest:queue:" + queue).to("mock:threads");
            }
        });
        getMockEndpoint("mock:threads").expectedMessageCount(1);

        template.sendBody("stompest:queue:" + queue, "on Camel's threads");

        getMockEndpoint("mock:threads").assertIsSatisfied();
        assertThat(stompestThreads()).isNotEmpty()
                .anySatisfy(name -> assertThat(name).startsWith("Camel (" + context.getName() + ") thread #")
                        .contains("stompest-reader-"))
                .allSatisfy(name -> assertThat(name).startsWith("Camel (" + context.getName() + ") thread #"));
        context.stop();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stompestThreads()).isEmpty());
    }
}
