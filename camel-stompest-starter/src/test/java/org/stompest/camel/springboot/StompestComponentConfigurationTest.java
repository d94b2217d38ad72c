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

import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/** The starter's properties are the component's options, and IDEs find them in the configuration metadata. */
class StompestComponentConfigurationTest {

    private static String resource(String name) throws Exception {
        try (InputStream in = StompestComponentConfigurationTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyComponentOptionOfTheCatalogIsAProperty() throws Exception {
        JsonObject catalog = (JsonObject) Jsoner.deserialize(resource("/META-INF/org/stompest/camel/stompest.json"));
        List<String> fields = new ArrayList<>();
        for (Field field : StompestComponentConfiguration.class.getDeclaredFields()) {
            fields.add(field.getName());
        }

        assertThat(fields).containsAll(((JsonObject) catalog.get("componentProperties")).keySet());
    }

    @Test
    void theConfigurationMetadataListsTheOptionsForIdeCompletion() throws Exception {
        String metadata = resource("/META-INF/spring-configuration-metadata.json");

        assertThat(metadata).contains("\"camel.component.stompest.failover\"",
                "\"camel.component.stompest.reply-to-type\"",
                "\"camel.component.stompest.enabled\"");
    }
}
