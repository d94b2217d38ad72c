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

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.spi.Metadata;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/** The generated catalog says what the component does: async endpoint, every header and property documented. */
class StompestCatalogTest {

    private static JsonObject catalog() throws Exception {
        try (InputStream in = StompestCatalogTest.class.getResourceAsStream(
                "/META-INF/org/stompest/camel/stompest.json")) {
            assertThat(in).isNotNull();
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theCatalogSaysTheEndpointIsAsync() throws Exception {
        JsonObject component = (JsonObject) catalog().get("component");

        assertThat(component.get("async")).isEqualTo(true);
    }

    @Test
    void everyHeaderAndExchangePropertyConstantHasMetadataAndIsInTheCatalog() throws Exception {
        JsonObject headers = (JsonObject) catalog().get("headers");
        List<String> constants = new ArrayList<>();
        for (Field field : StompestConstants.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && field.getType() == String.class) {
                assertThat(field.getAnnotation(Metadata.class)).as(field.getName()).isNotNull();
                constants.add((String) field.get(null));
            }
        }

        assertThat(constants).contains(StompestConstants.DESTINATION_OVERRIDE, StompestConstants.TRANSACTION_PROPERTY,
                StompestConstants.EXCEPTION_CLASS);
        assertThat(headers.keySet()).containsAll(constants);
    }

    @Test
    void toDFindsTheSendDynamicAware() throws Exception {
        String services = "/META-INF/services/org/apache/camel/send-dynamic/stompest";
        try (InputStream in = getClass().getResourceAsStream(services)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains(StompestSendDynamicAware.class.getName());
        }
    }

    /**
     * The component page has Camel's form: its attributes agree with the catalog, and the options and headers
     * sections are the includes Camel's documentation build fills from the catalog, so they cannot drift.
     */
    @Test
    void theComponentPageAgreesWithTheCatalog() throws Exception {
        JsonObject component = (JsonObject) catalog().get("component");
        String page = Files.readString(Path.of("src/main/docs/stompest-component.adoc"), StandardCharsets.UTF_8);

        assertThat(page).startsWith("= " + component.get("title") + " Component\n")
                .contains(":artifactid: " + component.get("artifactId") + "\n")
                .contains(":description: " + component.get("description") + "\n")
                .contains(":since: " + component.get("firstVersion") + "\n")
                .contains(":supportlevel: " + component.get("supportLevel") + "\n")
                .contains("include::partial$component-configure-options.adoc[]",
                        "include::partial$component-endpoint-options.adoc[]",
                        "include::partial$component-endpoint-headers.adoc[]");
        for (String type : StompestRequestReply.REPLY_TO_TYPES.split(",")) {
            assertThat(page).as("replyToType " + type).contains("`" + type + "`");
        }
    }
}
