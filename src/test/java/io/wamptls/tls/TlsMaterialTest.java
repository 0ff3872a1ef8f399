package io.wamptls.tls;

import io.wamptls.config.ConfigError;
import io.wamptls.config.ConfigException;
import io.wamptls.config.TlsConfig;
import io.wamptls.tls.CertificateTool.Issued;
import io.wamptls.tls.CertificateTool.KeyType;
import io.wamptls.tls.CertificateTool.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.wamptls.tls.TlsTestSupport.TLS;
import static io.wamptls.tls.TlsTestSupport.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading and checking a whole tls dict; certificates made with CertificateTool. */
class TlsMaterialTest {

    @TempDir
    static Path dir;
    static Issued root;
    static Issued intermediate;
    static Issued leaf;
    static Issued otherRoot;
    static KeyPair spareKeys;

    @BeforeAll
    static void makeCertificates() throws Exception {
        root = CertificateTool.certificateAuthority("Test Root CA", KeyType.EC_P256, Duration.ofDays(3650));
        intermediate = CertificateTool.intermediateAuthority(root, "Test Intermediate CA", KeyType.EC_P256,
                Duration.ofDays(1000));
        leaf = CertificateTool.server(intermediate, "localhost", List.of("localhost", "127.0.0.1"), KeyType.RSA_2048,
                Duration.ofDays(400));
        otherRoot = CertificateTool.certificateAuthority("Other Root CA", KeyType.EC_P256, Duration.ofDays(3650));
        spareKeys = CertificateTool.newKeyPair(KeyType.EC_P256);
        leaf.write(dir.resolve("server.key"), dir.resolve("server.crt"));
        root.write(dir.resolve("root.key"), dir.resolve("root.crt"));
        intermediate.write(dir.resolve("intermediate.key"), dir.resolve("intermediate.crt"));
        otherRoot.write(dir.resolve("other.key"), dir.resolve("other.crt"));
        write("fullchain.crt", leaf, intermediate);
        write("cas.crt", root, otherRoot);
    }

    @Test
    void chainFromCertificateFileAndChainCertificatesWithoutDuplicates() throws Exception {
        TlsMaterial material = TlsMaterial.load(config(dir.resolve("server.key"), dir.resolve("fullchain.crt"),
                List.of(dir.resolve("intermediate.crt")), List.of(), null, null));
        assertEquals(List.of(leaf.certificate(), intermediate.certificate()), material.chain());
        assertEquals(List.of(), material.warnings());
        assertTrue(!material.requiresClientCertificate());
        assertNull(material.trustStore());
    }

    @Test
    void chainFromChainCertificatesOnly() throws Exception {
        TlsMaterial material = TlsMaterial.load(config(dir.resolve("server.key"), dir.resolve("server.crt"),
                List.of(dir.resolve("intermediate.crt"), dir.resolve("root.crt")), List.of(), null, null));
        assertEquals(List.of(leaf.certificate(), intermediate.certificate(), root.certificate()), material.chain());
    }

    @Test
    void keyStoreHoldsKeyAndChain() throws Exception {
        TlsMaterial material = TlsMaterial.load(config(dir.resolve("server.key"), dir.resolve("fullchain.crt")));
        KeyStore store = material.keyStore("pw".toCharArray());
        assertEquals(leaf.privateKey(), store.getKey("server", "pw".toCharArray()));
        assertEquals(2, store.getCertificateChain("server").length);
    }

    @Test
    void everyCertificateOfEveryCaFileIsTrusted() throws Exception {
        TlsMaterial material = TlsMaterial.load(config(dir.resolve("server.key"), dir.resolve("server.crt"),
                List.of(), List.of(dir.resolve("cas.crt"), dir.resolve("intermediate.crt")), null, null));
        assertEquals(List.of(root.certificate(), otherRoot.certificate(), intermediate.certificate()),
                material.trustedCertificates());
        assertEquals(3, material.trustStore().size());
        assertTrue(material.requiresClientCertificate());
    }

    @Test
    void keyNotMatchingTheCertificate() {
        Path key = dir.resolve("other.key");
        Path certificate = dir.resolve("server.crt");
        ConfigException e = assertThrows(ConfigException.class, () -> TlsMaterial.load(config(key, certificate)));
        assertEquals(List.of(new ConfigError(TLS + ".key", "the private key in " + key
                + " does not match the certificate in " + certificate + " (CN=localhost)")), e.errors());
    }

    @Test
    void expiredCertificate() throws Exception {
        Issued expired = CertificateTool.issue(root, spareKeys, "old", Profile.SERVER, List.of(),
                Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));
        Path certificate = dir.resolve("expired.crt");
        expired.write(dir.resolve("expired.key"), certificate);
        ConfigException e = assertThrows(ConfigException.class,
                () -> TlsMaterial.load(config(dir.resolve("expired.key"), certificate)));
        assertEquals(List.of(new ConfigError(TLS + ".certificate", "the server certificate CN=old in " + certificate
                + " has expired: valid from 2020-01-01 00:00:00 UTC to 2021-01-01 00:00:00 UTC")), e.errors());
    }

    @Test
    void certificateNotYetValid() throws Exception {
        Issued future = CertificateTool.issue(root, spareKeys, "future", Profile.SERVER, List.of(),
                Instant.parse("2099-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));
        Path certificate = dir.resolve("future.crt");
        future.write(dir.resolve("future.key"), certificate);
        ConfigException e = assertThrows(ConfigException.class,
                () -> TlsMaterial.load(config(dir.resolve("future.key"), certificate)));
        assertEquals(List.of(new ConfigError(TLS + ".certificate", "the server certificate CN=future in "
                + certificate + " is not yet valid: valid from 2099-01-01 00:00:00 UTC to 2100-01-01 00:00:00 UTC")),
                e.errors());
    }

    @Test
    void certificateExpiringWithin30DaysGivesAWarning() throws Exception {
        Instant now = Instant.now();
        Issued soon = CertificateTool.issue(root, spareKeys, "soon", Profile.SERVER, List.of(),
                now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(10)).plusSeconds(3600));
        Path certificate = dir.resolve("soon.crt");
        soon.write(dir.resolve("soon.key"), certificate);
        TlsMaterial material = TlsMaterial.load(config(dir.resolve("soon.key"), certificate));
        assertEquals(1, material.warnings().size());
        assertTrue(material.warnings().get(0).startsWith(TLS + ".certificate: the server certificate CN=soon in "
                + certificate + " expires in 10 days, on "), material.warnings().get(0));
    }

    @Test
    void intermediatesInTheWrongOrderGiveAWarning() throws Exception {
        TlsMaterial material = TlsMaterial.load(config(dir.resolve("server.key"), dir.resolve("server.crt"),
                List.of(dir.resolve("root.crt"), dir.resolve("intermediate.crt")), List.of(), null, null));
        assertEquals(2, material.warnings().size());
        assertTrue(material.warnings().get(0).contains("CN=localhost is issued by CN=Test Intermediate CA,"
                + " but the next certificate is CN=Test Root CA"), material.warnings().get(0));
    }

    @Test
    void allErrorsOfTheDictAreReportedTogether() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty-chain.crt"), "\n");
        TlsConfig tls = config(dir.resolve("missing.key"), dir.resolve("server.key"),
                List.of(dir.resolve("intermediate.crt"), empty), List.of(dir.resolve("missing-ca.crt")),
                dir.resolve("server.crt"), null);
        ConfigException e = assertThrows(ConfigException.class, () -> TlsMaterial.load(tls));
        assertEquals(List.of(TLS + ".key", TLS + ".certificate", TLS + ".chain_certificates[1]",
                TLS + ".ca_certificates[0]", TLS + ".dhparam"), e.errors().stream().map(ConfigError::path).toList());
        assertEquals("file not found: " + dir.resolve("missing.key"), e.errors().get(0).message());
        assertTrue(e.errors().get(1).message().startsWith("no PEM certificate found in " + dir.resolve("server.key")));
        assertEquals("file is empty: " + empty + " (expected PEM)", e.errors().get(2).message());
        assertEquals("file not found: " + dir.resolve("missing-ca.crt"), e.errors().get(3).message());
        assertTrue(e.errors().get(4).message().startsWith("expected PKCS#3 Diffie-Hellman parameters"));
    }

    private static void write(String name, Issued... certificates) throws Exception {
        StringBuilder pem = new StringBuilder();
        for (Issued issued : certificates) {
            pem.append(CertificateTool.certificatePem(issued.certificate()));
        }
        Files.writeString(dir.resolve(name), pem);
    }
}
