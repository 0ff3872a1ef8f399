package io.wamptls.tls;

import io.wamptls.config.TlsConfig;
import io.wamptls.tls.CertificateTool.Issued;
import io.wamptls.tls.CertificateTool.KeyType;
import io.wamptls.tls.TlsTestSupport.Result;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.wamptls.tls.TlsTestSupport.config;
import static io.wamptls.tls.TlsTestSupport.openssl;
import static io.wamptls.tls.TlsTestSupport.port;
import static io.wamptls.tls.TlsTestSupport.sClient;
import static io.wamptls.tls.TlsTestSupport.startServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real handshakes: a Jetty connector built by TlsContextFactory, probed with {@code openssl s_client}. */
class TlsHandshakeTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeCertificates() throws Exception {
        Issued root = CertificateTool.certificateAuthority("Test Root CA", KeyType.EC_P256, Duration.ofDays(3650));
        Issued intermediate = CertificateTool.intermediateAuthority(root, "Test Intermediate CA", KeyType.EC_P256,
                Duration.ofDays(1000));
        Issued server = CertificateTool.server(intermediate, "localhost", List.of("localhost", "127.0.0.1"),
                KeyType.RSA_2048, Duration.ofDays(400));
        Issued client = CertificateTool.client(root, "client_0", KeyType.EC_P256, Duration.ofDays(400));
        Issued otherRoot = CertificateTool.certificateAuthority("Mallory CA", KeyType.EC_P256, Duration.ofDays(3650));
        Issued mallory = CertificateTool.client(otherRoot, "mallory", KeyType.EC_P256, Duration.ofDays(400));
        root.write(dir.resolve("root.key"), dir.resolve("root.crt"));
        intermediate.write(dir.resolve("intermediate.key"), dir.resolve("intermediate.crt"));
        server.write(dir.resolve("server.key"), dir.resolve("server.crt"));
        client.write(dir.resolve("client.key"), dir.resolve("client.crt"));
        mallory.write(dir.resolve("mallory.key"), dir.resolve("mallory.crt"));
        openssl(dir, "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", "dhparam.pem");
    }

    private static TlsConfig serverOnly(String ciphers) {
        return config(dir.resolve("server.key"), dir.resolve("server.crt"), List.of(dir.resolve("intermediate.crt")),
                List.of(), null, ciphers);
    }

    private interface Probe {
        void run(int port) throws Exception;
    }

    private static void withServer(TlsConfig tls, TlsProvider provider, Probe probe) throws Exception {
        Server server = startServer(TlsContextFactory.create(tls, provider));
        try {
            probe.run(port(server));
        } finally {
            server.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void servesLeafThenIntermediate(TlsProvider provider) throws Exception {
        withServer(serverOnly(null), provider, port -> {
            Result result = sClient(dir, port, "-CAfile", "root.crt", "-showcerts");
            assertTrue(result.served(), result.output());
            assertTrue(result.output().contains(" 0 s:CN = localhost"), result.output());
            assertTrue(result.output().contains(" 1 s:CN = Test Intermediate CA"), result.output());
            assertFalse(result.output().contains(" 2 s:"), result.output());
            assertTrue(result.output().contains("Verify return code: 0 (ok)"), result.output());
        });
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void onlyTls13AndTls12(TlsProvider provider) throws Exception {
        withServer(serverOnly(null), provider, port -> {
            Result tls13 = sClient(dir, port, "-CAfile", "root.crt", "-tls1_3");
            assertTrue(tls13.served() && tls13.output().contains("New, TLSv1.3"), tls13.output());
            Result tls12 = sClient(dir, port, "-CAfile", "root.crt", "-tls1_2");
            assertTrue(tls12.served() && tls12.output().contains("New, TLSv1.2"), tls12.output());
            Result tls11 = sClient(dir, port, "-CAfile", "root.crt", "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
            assertFalse(tls11.served(), tls11.output());
            assertEquals("(NONE)", tls11.cipher(), tls11.output());
        });
    }

    /** Resumption is on with both providers, by session ticket in TLS 1.3 (Conscrypt by itself sends none). */
    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void returningClientsResumeTheirSession(TlsProvider provider) throws Exception {
        withServer(serverOnly(null), provider, port -> {
            for (String version : List.of("-tls1_3", "-tls1_2")) {
                Path session = dir.resolve("session-" + provider + version + ".pem");
                Result first = sClient(dir, port, "-CAfile", "root.crt", version, "-sess_out", session.toString());
                assertTrue(first.served() && first.output().contains("New, TLSv1."), first.output());
                Result second = sClient(dir, port, "-CAfile", "root.crt", version, "-sess_in", session.toString());
                assertTrue(second.served() && second.output().contains("Reused, TLSv1."), version + "\n"
                        + second.output());
            }
        });
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void seedDefaultCipherList(TlsProvider provider) throws Exception {
        withServer(serverOnly(null), provider, port -> {
            assertEquals("ECDHE-RSA-AES128-GCM-SHA256", sClient(dir, port, "-tls1_2").cipher());
            // server preference: the client lists CBC first, the server's list puts GCM first
            assertEquals("ECDHE-RSA-AES128-GCM-SHA256",
                    sClient(dir, port, "-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256").cipher());
            // the seed wants a _SHA (CBC) suite that Jetty's default excludes would drop
            Result cbc = sClient(dir, port, "-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA");
            assertTrue(cbc.served(), cbc.output());
            assertEquals("ECDHE-RSA-AES128-SHA", cbc.cipher());
            // not in the list
            assertEquals("(NONE)", sClient(dir, port, "-tls1_2", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384").cipher());
            // no dhparam: no DHE, although the list names DHE suites
            assertEquals("(NONE)", sClient(dir, port, "-tls1_2", "-cipher", "DHE-RSA-AES128-GCM-SHA256").cipher());
            // P-256 (prime256v1) is available
            Result p256 = sClient(dir, port, "-tls1_2", "-groups", "P-256");
            assertTrue(p256.output().contains("Server Temp Key: ECDH, prime256v1"), p256.output());
        });
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void configuredCiphersDoNotRestrictTls13(TlsProvider provider) throws Exception {
        withServer(serverOnly("ECDHE-RSA-AES256-GCM-SHA384"), provider, port -> {
            assertEquals("ECDHE-RSA-AES256-GCM-SHA384", sClient(dir, port, "-tls1_2").cipher());
            assertEquals("(NONE)", sClient(dir, port, "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256").cipher());
            Result chacha = sClient(dir, port, "-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256");
            assertTrue(chacha.served(), chacha.output());
            assertEquals("TLS_CHACHA20_POLY1305_SHA256", chacha.cipher());
        });
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void caCertificatesRequireAClientCertificateFromThoseCas(TlsProvider provider) throws Exception {
        TlsConfig tls = config(dir.resolve("server.key"), dir.resolve("server.crt"),
                List.of(dir.resolve("intermediate.crt")), List.of(dir.resolve("root.crt")), null, null);
        withServer(tls, provider, port -> {
            for (String version : List.of("-tls1_2", "-tls1_3")) {
                Result accepted = sClient(dir, port, version, "-CAfile", "root.crt", "-cert", "client.crt",
                        "-key", "client.key");
                assertTrue(accepted.served(), accepted.output());

                Result none = sClient(dir, port, version, "-CAfile", "root.crt");
                assertFalse(none.served(), none.output());
                assertTrue(none.output().contains("alert"), none.output());

                Result otherCa = sClient(dir, port, version, "-CAfile", "root.crt", "-cert", "mallory.crt",
                        "-key", "mallory.key");
                assertFalse(otherCa.served(), otherCa.output());
                assertTrue(otherCa.output().contains("alert"), otherCa.output());
            }
            Result tls12 = sClient(dir, port, "-tls1_2", "-CAfile", "root.crt");
            assertTrue(tls12.output().contains("SSL alert number"), tls12.output());
        });
    }

    @Test
    void dheOnlyWithDhparamOnTheJdkProvider() throws Exception {
        TlsConfig tls = config(dir.resolve("server.key"), dir.resolve("server.crt"),
                List.of(dir.resolve("intermediate.crt")), List.of(), dir.resolve("dhparam.pem"), null);
        JvmTlsSettings.applyJvmWideSettings(List.of(tls));
        assertEquals(TlsProvider.JDK, TlsProviders.choose(tls));
        withServer(tls, TlsProvider.JDK, port -> {
            for (String suite : List.of("DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES128-SHA256", "DHE-RSA-AES128-SHA")) {
                Result dhe = sClient(dir, port, "-tls1_2", "-cipher", suite);
                assertTrue(dhe.served(), dhe.output());
                assertEquals(suite, dhe.cipher());
                assertTrue(dhe.output().contains("Server Temp Key: DH, 2048 bits"), dhe.output());
            }
            assertEquals("ECDHE-RSA-AES128-GCM-SHA256", sClient(dir, port, "-tls1_2").cipher());
        });
    }
}
