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
package org.stompest.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void removesUserInfoAnywhere() {
        assertThat(Redaction.redact("service:jmx:rmi:///jndi/rmi://admin:s3cret@host:9010/jmxrmi"))
                .isEqualTo("service:jmx:rmi:///jndi/rmi://***@host:9010/jmxrmi");
        assertThat(Redaction.redact("service:jmx:jmxmp://monitor@host:5555"))
                .isEqualTo("service:jmx:jmxmp://***@host:5555");
    }

    @Test
    void removesUserInfoQuotedInExceptionMessages() {
        assertThat(Redaction.redact("failed [invalid authority: admin:s3cret@127.0.0.1:1099]"))
                .isEqualTo("failed [invalid authority: ***@127.0.0.1:1099]");
    }

    @Test
    void removesSecretParameters() {
        assertThat(Redaction.redact("service:jmx:rmi:///jndi/ldap://h/x;password=hunter2;user=u"))
                .isEqualTo("service:jmx:rmi:///jndi/ldap://h/x;password=***;user=u");
        assertThat(Redaction.redact("a?passcode=x&token=y&ok=1")).isEqualTo("a?passcode=***&token=***&ok=1");
    }

    @Test
    void leavesPlainUrlsAlone() {
        String url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/jmxrmi";
        assertThat(Redaction.redact(url)).isEqualTo(url);
        assertThat(new Target.ServiceUrl("service:jmx:rmi:///jndi/rmi://u:p@h:1/jmxrmi").toString())
                .isEqualTo("ServiceUrl[service:jmx:rmi:///jndi/rmi://***@h:1/jmxrmi]");
    }
}
