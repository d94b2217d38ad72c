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

        assertThat(metadata).contains("\"camel.component.stompest.failover\"", "\"camel.component.stompest.reply-to-type\"",
                "\"camel.component.stompest.enabled\"");
    }
}
