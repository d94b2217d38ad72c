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
package org.stompest.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed PKCS#12 key store made at test time with the JDK's {@code keytool} (run from {@code java.home}), so
 * no key material lives in the repository.
 * <pre>
 * TestTls tls = TestTls.generate();                 // CN=localhost, SAN dns:localhost, ip:127.0.0.1
 * EmbeddedArtemis broker = EmbeddedArtemis.builder().tls(tls).build().start();
 * StompConfig config = StompConfig.builder().failover(broker.stompUri()).sslContext(tls.clientSslContext()).build();
 * </pre>
 * {@link #forHost(String)} makes a certificate for another name only, to test that hostname verification fails.
 * The files live in a temporary directory that is deleted when the JVM exits.
 */
public final class TestTls {
    private final Path keyStorePath;
    private final String password;
    private final String hostName;

    private TestTls(Path keyStorePath, String password, String hostName) {
        this.keyStorePath = keyStorePath;
        this.password = password;
        this.hostName = hostName;
    }

    /** A key store for {@code CN=localhost}, subject alternative names {@code localhost} and {@code 127.0.0.1}. */
    public static TestTls generate() {
        return create("localhost", "SAN=dns:localhost,ip:127.0.0.1");
    }

    /** A key store whose certificate names {@code dnsName} only (for a hostname verification failure on localhost). */
    public static TestTls forHost(String dnsName) {
        return create(dnsName, "SAN=dns:" + dnsName);
    }

    private static TestTls create(String cn, String san) {
        try {
            Path dir = Files.createTempDirectory("stompest-tls-");
            dir.toFile().deleteOnExit();
            Path store = dir.resolve("server.p12");
            String password = UUID.randomUUID().toString().replace("-", "");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                    "-dname", "CN=" + cn, "-ext", san, "-validity", "2",
                    "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", password, "-keypass", password, "-noprompt"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            store.toFile().deleteOnExit();
            return new TestTls(store, password, cn);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool", e);
        }
    }

    /** The PKCS#12 key store holding the server's key and self-signed certificate. */
    public Path keyStorePath() {
        return keyStorePath;
    }

    /** The password of the key store and of its key. */
    public String password() {
        return password;
    }

    /** The key store type: {@code PKCS12}. */
    public String keyStoreType() {
        return "PKCS12";
    }

    /** The common name of the certificate ({@code localhost} for {@link #generate()}). */
    public String hostName() {
        return hostName;
    }

    /** The key store, loaded. */
    public KeyStore keyStore() {
        try (InputStream in = Files.newInputStream(keyStorePath)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password.toCharArray());
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not load " + keyStorePath, e);
        }
    }

    /** A client context that trusts exactly this certificate. */
    public SSLContext clientSslContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            Certificate certificate = keyStore().getCertificate("server");
            trust.setCertificateEntry("server", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not build the client SSLContext", e);
        }
    }

    /** A server context presenting this certificate (for a TLS {@link FakeStompPeer}). */
    public SSLContext serverSslContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore(), password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not build the server SSLContext", e);
        }
    }

    @Override
    public String toString() {
        return "TestTls[" + hostName + ", " + keyStorePath + "]";
    }
}
