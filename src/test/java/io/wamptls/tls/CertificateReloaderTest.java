package io.wamptls.tls;

import io.wamptls.config.TlsConfig;
import io.wamptls.tls.CertificateTool.Issued;
import io.wamptls.tls.CertificateTool.KeyType;
import io.wamptls.tls.TlsTestSupport.Result;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static io.wamptls.tls.TlsTestSupport.config;
import static io.wamptls.tls.TlsTestSupport.port;
import static io.wamptls.tls.TlsTestSupport.sClient;
import static io.wamptls.tls.TlsTestSupport.startServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hot reload: new files are served without a restart; broken files keep the old certificate. */
class CertificateReloaderTest {

    @TempDir
    Path dir;

    @Test
    void swapsCertificateAndKeepsTheOldOneWhenTheNewFilesAreBroken() throws Exception {
        Issued ca = CertificateTool.certificateAuthority("Reload CA", KeyType.EC_P256, Duration.ofDays(30 + 100));
        CertificateTool.server(ca, "first", List.of("localhost"), KeyType.EC_P256, Duration.ofDays(100))
                .write(dir.resolve("server.key"), dir.resolve("server.crt"));
        ca.write(dir.resolve("ca.key"), dir.resolve("ca.crt"));
        TlsConfig tls = config(dir.resolve("server.key"), dir.resolve("server.crt"), List.of(), List.of(), null,
                "ECDHE-ECDSA-AES128-GCM-SHA256");
        SslContextFactory.Server ssl = TlsContextFactory.create(tls, TlsProvider.JDK);
        Server server = startServer(ssl);
        CertificateReloader reloader = new CertificateReloader(tls, ssl, TlsProvider.JDK, 1);
        server.addBean(reloader, true);
        reloader.start();
        try {
            int port = port(server);
            assertServes(port, "first");

            CertificateTool.server(ca, "second", List.of("localhost"), KeyType.RSA_2048, Duration.ofDays(100))
                    .write(dir.resolve("server.key"), dir.resolve("server.crt"));
            waitFor(() -> reloader.reloads() >= 1);
            assertServes(port, "second");

            long failures = reloader.failures();
            Files.writeString(dir.resolve("server.key"), "-----BEGIN PRIVATE KEY-----\nbroken\n");
            waitFor(() -> reloader.failures() > failures);
            assertServes(port, "second");
        } finally {
            server.stop();
        }
    }

    /**
     * Without {@code ciphers}, the TLS 1.2 suites follow the key: RSA's default six, then the ECDSA counterparts
     * after an EC certificate replaces the RSA one, then RSA's again. A TLS 1.2 client connects at every step.
     */
    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void aKeyOfAnotherTypeBringsTheDefaultTls12SuitesOfItsType(TlsProvider provider) throws Exception {
        Issued ca = CertificateTool.certificateAuthority("Reload CA", KeyType.EC_P256, Duration.ofDays(30 + 100));
        ca.write(dir.resolve("ca.key"), dir.resolve("ca.crt"));
        issue(ca, "rsa-first", KeyType.RSA_2048);
        TlsConfig tls = config(dir.resolve("server.key"), dir.resolve("server.crt"));
        SslContextFactory.Server ssl = TlsContextFactory.create(tls, provider);
        Server server = startServer(ssl);
        CertificateReloader reloader = new CertificateReloader(tls, ssl, provider, 1);
        server.addBean(reloader, true);
        reloader.start();
        try {
            int port = port(server);
            assertServesOverTls12(port, "rsa-first", "ECDHE-RSA-AES128-GCM-SHA256");

            issue(ca, "ec-second", KeyType.EC_P256);
            waitFor(() -> reloader.reloads() >= 1);
            assertServesOverTls12(port, "ec-second", "ECDHE-ECDSA-AES128-GCM-SHA256");
            assertServes(port, "ec-second");

            issue(ca, "rsa-third", KeyType.RSA_2048);
            waitFor(() -> reloader.reloads() >= 2);
            assertServesOverTls12(port, "rsa-third", "ECDHE-RSA-AES128-GCM-SHA256");
        } finally {
            server.stop();
        }
    }

    private void issue(Issued ca, String commonName, KeyType keyType) throws Exception {
        CertificateTool.server(ca, commonName, List.of("localhost"), keyType, Duration.ofDays(100))
                .write(dir.resolve("server.key"), dir.resolve("server.crt"));
    }

    private void assertServesOverTls12(int port, String commonName, String cipher) {
        Result result = assertServes(port, commonName, "-tls1_2");
        assertEquals(cipher, result.cipher(), result.output());
    }

    private Result assertServes(int port, String commonName, String... options) {
        List<String> args = new ArrayList<>(List.of("-CAfile", "ca.crt"));
        args.addAll(List.of(options));
        Result result = sClient(dir, port, args.toArray(new String[0]));
        assertTrue(result.served(), result.output());
        assertTrue(result.output().contains("subject=CN = " + commonName), result.output());
        return result;
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(200);
        }
    }
}
