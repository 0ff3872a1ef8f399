package io.wamptls.tls;

import io.wamptls.config.TlsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static io.wamptls.tls.TlsTestSupport.openssl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Development certificates, checked with the openssl command. */
class DevCertificatesTest {

    @TempDir
    Path nodeDir;

    @Test
    void writesCaServerAndClientCertificatesAndReusesThem() throws Exception {
        DevCertificates dev = DevCertificates.ensure(nodeDir);
        for (String name : List.of("ca", "server", "client")) {
            assertEquals("rw-------", permissions(nodeDir.resolve(name + ".key")), name);
            assertEquals("rw-r--r--", permissions(nodeDir.resolve(name + ".crt")), name);
            assertTrue(Files.readString(nodeDir.resolve(name + ".key")).startsWith("-----BEGIN PRIVATE KEY-----"));
        }
        try (Stream<Path> files = Files.list(nodeDir)) {
            assertEquals(6, files.count(), "no temporary files left");
        }
        assertTrue(openssl(nodeDir, "verify", "-CAfile", "ca.crt", "server.crt").contains("server.crt: OK"));
        assertTrue(openssl(nodeDir, "verify", "-CAfile", "ca.crt", "client.crt").contains("client.crt: OK"));

        String server = openssl(nodeDir, "x509", "-in", "server.crt", "-noout", "-subject", "-ext",
                "subjectAltName,extendedKeyUsage", "-startdate", "-enddate");
        assertTrue(server.contains("subject=CN = localhost"), server);
        assertTrue(server.contains("DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1"), server);
        assertTrue(server.contains("TLS Web Server Authentication"), server);
        String client = openssl(nodeDir, "x509", "-in", "client.crt", "-noout", "-subject", "-ext", "extendedKeyUsage");
        assertTrue(client.contains("subject=CN = client_0"), client);
        assertTrue(client.contains("TLS Web Client Authentication"), client);
        assertTrue(openssl(nodeDir, "x509", "-in", "ca.crt", "-noout", "-checkend", String.valueOf(3640L * 86400))
                .contains("will not expire"));
        assertTrue(openssl(nodeDir, "x509", "-in", "server.crt", "-noout", "-checkend", String.valueOf(820L * 86400))
                .contains("will not expire"));

        String sha1 = openssl(nodeDir, "x509", "-in", "client.crt", "-noout", "-fingerprint", "-sha1").trim();
        assertEquals("sha1 Fingerprint=" + dev.clientSha1(), sha1);

        byte[] serverBefore = Files.readAllBytes(nodeDir.resolve("server.crt"));
        DevCertificates again = DevCertificates.ensure(nodeDir);
        assertEquals(dev, again);
        assertEquals(List.of(serverBefore.length), List.of(Files.readAllBytes(nodeDir.resolve("server.crt")).length));
        assertTrue(java.util.Arrays.equals(serverBefore, Files.readAllBytes(nodeDir.resolve("server.crt"))));

        Files.delete(nodeDir.resolve("client.key"));
        DevCertificates renewed = DevCertificates.ensure(nodeDir);
        assertNotEquals(dev.clientSha1(), renewed.clientSha1());
        assertTrue(java.util.Arrays.equals(serverBefore, Files.readAllBytes(nodeDir.resolve("server.crt"))));

        TlsMaterial material = TlsMaterial.load(new TlsConfig("tls", dev.serverKey(), dev.serverCertificate(),
                List.of(), List.of(dev.caCertificate()), null, null));
        assertEquals(List.of(), material.warnings());
        assertTrue(material.requiresClientCertificate());
    }

    @Test
    void selfSignedServerCertificateWithEcKey() throws Exception {
        CertificateTool.Issued self = CertificateTool.selfSignedServer("example.com",
                List.of("example.com", "127.0.0.1"), CertificateTool.KeyType.EC_P256, java.time.Duration.ofDays(365));
        self.write(nodeDir.resolve("self.key"), nodeDir.resolve("self.crt"));
        assertTrue(openssl(nodeDir, "verify", "-CAfile", "self.crt", "self.crt").contains("self.crt: OK"));
        assertTrue(openssl(nodeDir, "pkey", "-in", "self.key", "-noout", "-text").contains("NIST CURVE: P-256"));
        assertEquals("sha1 Fingerprint=" + self.sha1Fingerprint(),
                openssl(nodeDir, "x509", "-in", "self.crt", "-noout", "-fingerprint", "-sha1").trim());
        assertFalse(self.sha1Fingerprint().matches(".*[a-f].*"));
        assertEquals(self.certificate(), CertificateTool.Issued.read(nodeDir.resolve("self.key"),
                nodeDir.resolve("self.crt")).certificate());
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
