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

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.management.remote.JMXConnector;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.rmi.ssl.SslRMIClientSocketFactory;

/**
 * The JMX client environment for a remote target, made when connecting: the credentials (the password read from
 * its file or asked for on the terminal without echo) and the TLS socket factory. No secret is ever part of a
 * message; a file that cannot be read is a {@link ExitCode#USAGE} error naming the option and the path.
 */
final class ConnectorEnvironment {
    /** The JNDI key through which the RMI registry lookup takes its socket factory. */
    static final String JNDI_SOCKET_FACTORY = "com.sun.jndi.rmi.factory.socket";

    private ConnectorEnvironment() {
    }

    /** The environment for {@code JMXConnectorFactory.connect}; {@code console} is null without a terminal. */
    static Map<String, Object> of(RemoteSecurity security, Console console) {
        Map<String, Object> env = new HashMap<>();
        if (security.ssl()) {
            if (security.truststore() != null) {
                // The connector stub the registry hands out carries the agent's SslRMIClientSocketFactory, which
                // always uses the default context: a truststore of our own has to become this process's default.
                SSLContext.setDefault(trusting(security.truststore(), security.truststorePasswordFile()));
            }
            env.put(JNDI_SOCKET_FACTORY, new SslRMIClientSocketFactory());
        }
        if (security.user() != null) {
            env.put(JMXConnector.CREDENTIALS, new String[] {security.user(), password(security, console)});
        }
        return env;
    }

    private static String password(RemoteSecurity security, Console console) {
        if (security.passwordFile() != null) {
            return firstLine(Option.PASSWORD_FILE, security.passwordFile());
        }
        if (console == null) {
            throw ConsoleException.usage(Option.USER.flag() + " needs a password and there is no terminal to ask "
                    + "on [give " + Option.PASSWORD_FILE.flag() + " PATH]");
        }
        char[] typed = console.readPassword("Password for %s: ", security.user());
        if (typed == null) {
            throw ConsoleException.usage("no password given [end of input at the prompt]");
        }
        String password = new String(typed);
        Arrays.fill(typed, '\0');
        return password;
    }

    /** The first line of a secret file, without its line end. */
    static String firstLine(Option option, Path path) {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null) {
                throw ConsoleException.usage(option.flag() + " " + path + " is empty");
            }
            return line;
        } catch (IOException e) {
            throw ConsoleException.usage("cannot read " + option.flag() + " " + path + " ["
                    + e.getClass().getSimpleName() + "]");
        }
    }

    private static SSLContext trusting(Path truststore, Path passwordFile) {
        char[] password = passwordFile == null ? null
                : firstLine(Option.TRUSTSTORE_PASSWORD_FILE, passwordFile).toCharArray();
        try {
            KeyStore store = KeyStore.getInstance(truststore.toFile(), password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw ConsoleException.usage("cannot read " + Option.TRUSTSTORE.flag() + " " + truststore + " ["
                    + Failures.reason(e) + "]");
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
