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
package org.stompest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The README's "Supported versions" names exactly the Camel versions the build tests: the default
 * {@code camel.version} of the parent pom and each {@code camel-<version>} profile (which .ci/run runs), and the Java
 * release the compiler targets.
 */
class ReadmeSupportedVersionsTest {

    @Test
    void readmeNamesTheCamelVersionsOfTheBuildMatrix() throws IOException {
        String pom = Files.readString(readme().resolveSibling("pom.xml"), StandardCharsets.UTF_8);
        List<String> matrix = new ArrayList<>();
        matrix.add(between(pom, "<camel.version>", "</camel.version>"));
        for (int i = pom.indexOf("<id>camel-"); i >= 0; i = pom.indexOf("<id>camel-", i + 1)) {
            matrix.add(between(pom.substring(i), "<camel.version>", "</camel.version>"));
        }
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Supported versions"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        assertThat(matrix).hasSizeGreaterThanOrEqualTo(2);
        for (String version : matrix) {
            assertThat(section).as("README's Supported versions names Camel %s of the build matrix", version)
                    .contains("| " + version + " |");
        }
        assertThat(section.split("\n")).filteredOn(line -> line.matches("\\| 4\\.\\d+\\.\\d+ \\|.*"))
                .as("README lists no Camel version the build does not test").hasSize(matrix.size());
        assertThat(section).contains("Java " + between(pom, "<maven.compiler.release>", "</maven.compiler.release>"));
    }

    @Test
    void theseTestsRunOnACamelOfTheTable() throws Exception {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThat(readme).as("the Camel these tests run on").contains("| " + context.getVersion() + " |");
        }
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open);
        assertThat(start).as("%s in the pom", open).isNotNegative();
        return text.substring(start + open.length(), text.indexOf(close, start)).trim();
    }

    private static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("camel-stompest"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("README.md of the project not found above " + here);
    }
}
