package io.wamptls.tls;

import io.wamptls.config.TlsConfig;
import io.wamptls.tls.CertificateTool.Issued;
import io.wamptls.tls.CertificateTool.KeyType;
import io.wamptls.tls.TlsTestSupport.Result;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static io.wamptls.tls.TlsTestSupport.config;
import static io.wamptls.tls.TlsTestSupport.port;
import static io.wamptls.tls.TlsTestSupport.sClient;
import static io.wamptls.tls.TlsTestSupport.startServer;
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
        CertificateReloader reloader = new CertificateReloader(tls, ssl, 1);
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

    private void assertServes(int port, String commonName) {
        Result result = sClient(dir, port, "-CAfile", "ca.crt");
        assertTrue(result.served(), result.output());
        assertTrue(result.output().contains("subject=CN = " + commonName), result.output());
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(200);
        }
    }
}
