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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link FakeJvmMain} child JVM whose JDK management agent requires a password and TLS, configured exactly as
 * README.md tells an operator to: one {@code management.properties} (port, authenticate, password and access files,
 * ssl, registry.ssl) plus an SSL config file with the key store, made here with the JDK's {@code keytool}. The
 * console's side gets {@link #truststore()} and the password files. Ports are free ephemeral ones, on loopback.
 */
final class SecureJmxAgent implements AutoCloseable {
    static final String USER = "monitor";
    private static final String STORE_PASSWORD = "store-pw-" + Long.toHexString(System.nanoTime());

    private final Path dir;
    private final int port;
    private final ChildJvm child;

    private SecureJmxAgent(Path dir, int port, ChildJvm child) {
        this.dir = dir;
        this.port = port;
        this.child = child;
    }

    /** Starts the agent JVM with {@link #USER} and {@code password}, and one connection named {@code connection}. */
    static SecureJmxAgent start(Path dir, String password, String connection) throws Exception {
        Path keyStore = dir.resolve("agent.p12");
        keytool("-genkeypair", "-alias", "agent", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        Path certificate = dir.resolve("agent.cer");
        keytool("-exportcert", "-alias", "agent", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "agent", "-file", certificate.toString(), "-storetype",
                "PKCS12", "-keystore", dir.resolve("trust.p12").toString(), "-storepass", STORE_PASSWORD);
        secret(dir.resolve("truststore.password"), STORE_PASSWORD);

        // The agent refuses a password file that others can read; the other files hold secrets too.
        Path passwords = secret(dir.resolve("jmxremote.password"), USER + " " + password);
        Path access = secret(dir.resolve("jmxremote.access"), USER + " readonly");
        Path ssl = secret(dir.resolve("jmxremote-ssl.properties"), String.join("\n",
                "javax.net.ssl.keyStore=" + keyStore,
                "javax.net.ssl.keyStorePassword=" + STORE_PASSWORD,
                "javax.net.ssl.keyStoreType=PKCS12"));
        int port = RmiJmxServer.freePort();
        Path management = secret(dir.resolve("management.properties"), String.join("\n",
                "com.sun.management.jmxremote.port=" + port,
                "com.sun.management.jmxremote.rmi.port=" + port,
                "com.sun.management.jmxremote.host=127.0.0.1",
                "com.sun.management.jmxremote.authenticate=true",
                "com.sun.management.jmxremote.password.file=" + passwords,
                "com.sun.management.jmxremote.access.file=" + access,
                "com.sun.management.jmxremote.ssl=true",
                "com.sun.management.jmxremote.registry.ssl=true",
                "com.sun.management.jmxremote.ssl.config.file=" + ssl));
        ChildJvm child = ChildJvm.start(List.of("-Dcom.sun.management.config.file=" + management,
                "-Djava.rmi.server.hostname=127.0.0.1", "-Xshare:auto", "-XX:TieredStopAtLevel=1"),
                FakeJvmMain.class, connection);
        return new SecureJmxAgent(dir, port, child);
    }

    int port() {
        return port;
    }

    /** What the console trusts: the agent's certificate alone, in a PKCS12 store. */
    Path truststore() {
        return dir.resolve("trust.p12");
    }

    Path truststorePasswordFile() {
        return dir.resolve("truststore.password");
    }

    /** A file for the console's --password-file, owner-only like any secret. */
    Path passwordFile(String name, String password) throws IOException {
        return secret(dir.resolve(name), password);
    }

    private static Path secret(Path file, String firstLine) throws IOException {
        Files.writeString(file, firstLine + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }

    @Override
    public void close() {
        child.close();
    }
}
