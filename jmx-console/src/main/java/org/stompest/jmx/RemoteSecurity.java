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

import java.nio.file.Path;

/**
 * How to log in to a remote JMX agent and whether to use TLS, as the command line gave it. It holds no secret, only
 * where to find one: the password is read (from the file or a prompt) when connecting, by
 * {@link ConnectorEnvironment}, so parsing stays free of I/O and nothing printable carries a password.
 *
 * @param user                   the JMX user, or null to send no credentials
 * @param passwordFile           the file whose first line is the password; null: ask on the terminal
 * @param ssl                    TLS to the RMI registry and the connector
 * @param truststore             with ssl: the certificates to trust; null: the JVM's truststore
 * @param truststorePasswordFile the file whose first line is the truststore password, or null
 */
public record RemoteSecurity(String user, Path passwordFile, boolean ssl, Path truststore,
                             Path truststorePasswordFile) {

    /** No credentials, no TLS: the JDK's defaults. */
    public static final RemoteSecurity NONE = new RemoteSecurity(null, null, false, null, null);
}
