package io.wamptls.tls;

import io.wamptls.config.ConfigException;
import io.wamptls.config.TlsConfig;
import io.wamptls.tls.CertificateTool.Issued;
import io.wamptls.tls.CertificateTool.KeyType;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.net.ssl.SSLSession;
import javax.net.ssl.X509KeyManager;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static io.wamptls.tls.PemFilesTest.assertError;
import static io.wamptls.tls.TlsTestSupport.TLS;
import static io.wamptls.tls.TlsTestSupport.config;
import static io.wamptls.tls.TlsTestSupport.openssl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a tls dict becomes an SslContextFactory.Server, without handshakes (see TlsHandshakeTest for those). */
class TlsContextFactoryTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeFiles() throws Exception {
        Issued server = CertificateTool.selfSignedServer("localhost", List.of("localhost"), KeyType.RSA_2048,
                Duration.ofDays(100));
        server.write(dir.resolve("server.key"), dir.resolve("server.crt"));
        openssl(dir, "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", "dh2048.pem");
        Files.copy(dir.resolve("dh2048.pem"), dir.resolve("dh2048-copy.pem"));
        openssl(dir, "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe3072", "-out", "dh3072.pem");
    }

    private static TlsConfig tls(List<Path> cas, Path dhparam, String ciphers) {
        return config(dir.resolve("server.key"), dir.resolve("server.crt"), List.of(), cas, dhparam, ciphers);
    }

    @Test
    void defaultConfiguration() throws Exception {
        SslContextFactory.Server ssl = TlsContextFactory.create(tls(List.of(), null, null), TlsProvider.JDK);
        assertArrayEquals(new String[]{"TLSv1.3", "TLSv1.2"}, ssl.getIncludeProtocols());
        assertArrayEquals(quoted("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"), ssl.getIncludeCipherSuites());
        assertTrue(List.of(ssl.getExcludeCipherSuites()).contains("^(TLS|SSL)_DHE_.*$"));
        assertFalse(List.of(ssl.getExcludeCipherSuites()).contains("^.*_(MD5|SHA|SHA1)$"));
        assertTrue(ssl.isUseCipherSuitesOrder());
        assertFalse(ssl.getNeedClientAuth());
        assertFalse(ssl.getWantClientAuth());
        assertEquals(null, ssl.getProvider());
        assertEquals(1, ssl.getKeyStore().size());
    }

    @Test
    void caCertificatesMeanClientCertificatesAreRequired() throws Exception {
        SslContextFactory.Server ssl = TlsContextFactory.create(tls(List.of(dir.resolve("server.crt")), null, null),
                TlsProvider.CONSCRYPT);
        assertTrue(ssl.getNeedClientAuth());
        assertEquals(1, ssl.getTrustStore().size());
        assertEquals("Conscrypt", ssl.getProvider());
    }

    /** Conscrypt gets its own key object, made once: else it parses the key anew on every handshake. */
    @Test
    void conscryptKeyManagersHandOutOneConscryptKey() throws Exception {
        TlsConfig tls = tls(List.of(), null, null);
        ConscryptSslContextFactory ssl = (ConscryptSslContextFactory) TlsContextFactory.create(tls,
                TlsProvider.CONSCRYPT);
        ssl.start();
        try {
            X509KeyManager keys = (X509KeyManager) ssl.getKeyManagers(ssl.getKeyStore())[0];
            String alias = keys.getServerAliases("RSA", null)[0];
            PrivateKey key = keys.getPrivateKey(alias);
            assertTrue(key.getClass().getName().startsWith("org.conscrypt."), key.getClass().getName());
            assertSame(key, keys.getPrivateKey(alias), "converted once, then reused");
            assertArrayEquals(TlsMaterial.load(tls).privateKey().getEncoded(), key.getEncoded());
        } finally {
            ssl.stop();
        }
    }

    @Test
    void dhparamKeepsDheSuites() throws Exception {
        SslContextFactory.Server ssl = TlsContextFactory.create(tls(List.of(), dir.resolve("dh2048.pem"), null),
                TlsProvider.JDK);
        assertTrue(List.of(ssl.getIncludeCipherSuites()).contains(Pattern.quote("TLS_DHE_RSA_WITH_AES_128_CBC_SHA")));
        assertFalse(List.of(ssl.getExcludeCipherSuites()).contains("^(TLS|SSL)_DHE_.*$"));
    }

    @Test
    void cipherStringMatchingNothing() {
        assertError(() -> TlsContextFactory.create(tls(List.of(), null, "FOOBAR"), TlsProvider.JDK),
                TLS + ".ciphers", "cipher string 'FOOBAR' leaves no cipher suite that the JDK provider supports");
    }

    @Test
    void onlyDheSuitesWithoutDhparam() {
        assertError(() -> TlsContextFactory.create(tls(List.of(), null, "DHE-RSA-AES128-GCM-SHA256"), TlsProvider.JDK),
                TLS + ".ciphers", "cipher string 'DHE-RSA-AES128-GCM-SHA256' leaves no cipher suite that the JDK"
                        + " provider supports (its DHE suites [DHE-RSA-AES128-GCM-SHA256] need a dhparam file)");
    }

    @Test
    void conscryptHasNoDhe() {
        assertError(() -> TlsContextFactory.create(tls(List.of(), dir.resolve("dh2048.pem"),
                        "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-SHA"), TlsProvider.CONSCRYPT),
                TLS + ".ciphers", "leaves no cipher suite that the Conscrypt provider supports");
    }

    @Test
    void providerChoice() throws Exception {
        assertTrue(TlsProviders.conscryptAvailable(), "Conscrypt 2.5.2 ships linux-x86_64 natives");
        assertEquals(TlsProviders.AUTO_PREFERS, TlsProviders.choose(tls(List.of(), null, null)));
        assertEquals(TlsProvider.JDK, TlsProviders.choose(tls(List.of(), dir.resolve("dh2048.pem"), null)));
    }

    @Test
    void differentDhparamsOnTwoEndpointsAreRefused() {
        TlsConfig first = tls(List.of(), dir.resolve("dh2048.pem"), null);
        TlsConfig second = new TlsConfig("workers[0].transports[1].endpoint.tls", first.key(), first.certificate(),
                List.of(), List.of(), dir.resolve("dh3072.pem"), null);
        assertError(() -> JvmTlsSettings.applyJvmWideSettings(List.of(first, second)),
                "workers[0].transports[1].endpoint.tls.dhparam", "the DH parameters in " + dir.resolve("dh3072.pem")
                        + " differ from those in " + dir.resolve("dh2048.pem") + " (" + TLS + ".dhparam); the JDK's"
                        + " DHE group is JVM-wide (jdk.tls.server.defaultDHEParameters), so every endpoint must use"
                        + " the same dhparam file");
    }

    @Test
    void sameDhparamsInTwoFilesAreApplied() throws ConfigException {
        TlsConfig first = tls(List.of(), dir.resolve("dh2048.pem"), null);
        TlsConfig second = tls(List.of(), dir.resolve("dh2048-copy.pem"), null);
        JvmTlsSettings.applyJvmWideSettings(List.of(first, tls(List.of(), null, null), second));
        assertTrue(Security.getProperty(JvmTlsSettings.DHE_PARAMETERS_PROPERTY)
                .startsWith("{ffffffffffffffffadf85458"));
    }

    @Test
    void invalidDhparamAtStartup() {
        assertError(() -> JvmTlsSettings.applyJvmWideSettings(List.of(tls(List.of(), dir.resolve("server.crt"), null))),
                TLS + ".dhparam", "expected PKCS#3 Diffie-Hellman parameters");
    }

    /** Jetty asks on every connection; an endpoint that requests no client certificate must not ask its session. */
    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void clientChainIsLookedForOnlyWhereOneIsRequested(TlsProvider provider) throws Exception {
        X509Certificate peer;
        try (InputStream in = Files.newInputStream(dir.resolve("server.crt"))) {
            peer = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        SSLSession session = (SSLSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SSLSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getPeerCertificates")) {
                        return new Certificate[] {peer};
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        SslContextFactory.Server withoutCas = TlsContextFactory.create(tls(List.of(), null, null), provider);
        assertNull(withoutCas.getX509CertChain(session));
        SslContextFactory.Server withCas = TlsContextFactory.create(tls(List.of(dir.resolve("server.crt")), null, null),
                provider);
        assertArrayEquals(new X509Certificate[] {peer}, withCas.getX509CertChain(session));
    }

    private static String[] quoted(String... names) {
        return List.of(names).stream().map(Pattern::quote).toArray(String[]::new);
    }
}
