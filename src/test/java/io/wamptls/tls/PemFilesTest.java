package io.wamptls.tls;

import io.wamptls.config.ConfigError;
import io.wamptls.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

import javax.crypto.spec.DHParameterSpec;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;

import static io.wamptls.tls.TlsTestSupport.TLS;
import static io.wamptls.tls.TlsTestSupport.openssl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PEM reading against files made by the real openssl command. */
class PemFilesTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeFiles() throws Exception {
        openssl(dir, "genrsa", "-traditional", "-out", "rsa-pkcs1.key", "2048");
        openssl(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa-pkcs8.key");
        openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-out", "ec-sec1.key");
        openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "ec-p384.key");
        openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes256",
                "-pass", "pass:secret", "-out", "encrypted-pkcs8.key");
        openssl(dir, "ec", "-in", "ec-sec1.key", "-aes256", "-passout", "pass:secret", "-out", "encrypted-sec1.key");
        for (String name : List.of("rsa-pkcs1", "rsa-pkcs8", "ec-sec1", "ec-p384")) {
            openssl(dir, "req", "-x509", "-new", "-key", name + ".key", "-subj", "/CN=" + name, "-days", "365",
                    "-out", name + ".crt");
        }
        Files.writeString(dir.resolve("two.crt"),
                Files.readString(dir.resolve("rsa-pkcs1.crt")) + Files.readString(dir.resolve("ec-sec1.crt")));
        openssl(dir, "x509", "-in", "rsa-pkcs1.crt", "-outform", "der", "-out", "rsa-pkcs1.der");
        openssl(dir, "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", "ffdhe2048.pem");
        openssl(dir, "dhparam", "-dsaparam", "-out", "dsaparam.pem", "1024");
        Files.writeString(dir.resolve("empty.pem"), "");
    }

    @Test
    void readsPkcs1RsaKey() throws Exception {
        PrivateKey key = PemFiles.readPrivateKey(dir.resolve("rsa-pkcs1.key"), "k");
        assertInstanceOf(RSAPrivateKey.class, key);
        assertTrue(TlsMaterial.matches(key, cert("rsa-pkcs1.crt")));
    }

    @Test
    void readsPkcs8RsaKey() throws Exception {
        PrivateKey key = PemFiles.readPrivateKey(dir.resolve("rsa-pkcs8.key"), "k");
        assertInstanceOf(RSAPrivateKey.class, key);
        assertTrue(TlsMaterial.matches(key, cert("rsa-pkcs8.crt")));
    }

    @Test
    void readsSec1EcKeyAfterItsEcParametersBlock() throws Exception {
        assertTrue(Files.readString(dir.resolve("ec-sec1.key")).contains("BEGIN EC PARAMETERS"));
        PrivateKey key = PemFiles.readPrivateKey(dir.resolve("ec-sec1.key"), "k");
        assertInstanceOf(ECPrivateKey.class, key);
        assertEquals(256, ((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize());
        assertTrue(TlsMaterial.matches(key, cert("ec-sec1.crt")));
    }

    @Test
    void readsPkcs8P384Key() throws Exception {
        PrivateKey key = PemFiles.readPrivateKey(dir.resolve("ec-p384.key"), "k");
        assertEquals(384, ((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize());
        assertTrue(TlsMaterial.matches(key, cert("ec-p384.crt")));
    }

    @Test
    void keyOfAnotherCertificateDoesNotMatch() throws Exception {
        assertTrue(!TlsMaterial.matches(PemFiles.readPrivateKey(dir.resolve("rsa-pkcs8.key"), "k"),
                cert("rsa-pkcs1.crt")));
        assertTrue(!TlsMaterial.matches(PemFiles.readPrivateKey(dir.resolve("ec-sec1.key"), "k"),
                cert("rsa-pkcs1.crt")));
    }

    @Test
    void readsEveryCertificateOfAFileInOrder() throws Exception {
        List<X509Certificate> certificates = PemFiles.readCertificates(dir.resolve("two.crt"), "c");
        assertEquals(2, certificates.size());
        assertEquals("CN=rsa-pkcs1", certificates.get(0).getSubjectX500Principal().getName());
        assertEquals("CN=ec-sec1", certificates.get(1).getSubjectX500Principal().getName());
    }

    @Test
    void encryptedPkcs8KeyIsRefusedWithTheDecryptCommand() {
        Path file = dir.resolve("encrypted-pkcs8.key");
        assertError(() -> PemFiles.readPrivateKey(file, TLS + ".key"), TLS + ".key",
                "the private key in " + file + " is protected by a passphrase; the seed requires an unencrypted key:"
                        + " decrypt it with `openssl pkey -in " + file + " -out ");
    }

    @Test
    void encryptedTraditionalKeyIsRefused() {
        Path file = dir.resolve("encrypted-sec1.key");
        assertTrue(readQuietly(file).contains("Proc-Type: 4,ENCRYPTED"));
        assertError(() -> PemFiles.readPrivateKey(file, TLS + ".key"), TLS + ".key",
                "is protected by a passphrase");
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.key");
        assertError(() -> PemFiles.readPrivateKey(file, TLS + ".key"), TLS + ".key", "file not found: " + file);
    }

    @Test
    void emptyFile() {
        Path file = dir.resolve("empty.pem");
        assertError(() -> PemFiles.readCertificates(file, TLS + ".certificate"), TLS + ".certificate",
                "file is empty: " + file);
    }

    @Test
    void certificateGivenAsKey() {
        Path file = dir.resolve("rsa-pkcs1.crt");
        assertError(() -> PemFiles.readPrivateKey(file, TLS + ".key"), TLS + ".key",
                "expected a private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY) in " + file
                        + ", found only [CERTIFICATE]");
    }

    @Test
    void keyGivenAsCertificate() {
        Path file = dir.resolve("rsa-pkcs8.key");
        assertError(() -> PemFiles.readCertificates(file, TLS + ".ca_certificates[0]"), TLS + ".ca_certificates[0]",
                "no PEM certificate found in " + file);
    }

    @Test
    void derCertificateIsNamedAsSuch() {
        Path file = dir.resolve("rsa-pkcs1.der");
        assertError(() -> PemFiles.readCertificates(file, TLS + ".certificate"), TLS + ".certificate",
                "no PEM block in " + file + ": it looks like binary DER");
    }

    @Test
    void readsPkcs3DhParameters() throws Exception {
        DHParameterSpec spec = DhParameters.read(dir.resolve("ffdhe2048.pem"), "d");
        assertEquals(2048, spec.getP().bitLength());
        assertEquals(BigInteger.TWO, spec.getG());
        assertTrue(DhParameters.securityPropertyValue(spec).matches("\\{ffffffffffffffffadf85458[0-9a-f]+,2}"));
    }

    @Test
    void x942DhParametersAreRefused() {
        Path file = dir.resolve("dsaparam.pem");
        assertError(() -> DhParameters.read(file, TLS + ".dhparam"), TLS + ".dhparam",
                "expected PKCS#3 Diffie-Hellman parameters (-----BEGIN DH PARAMETERS-----, as written by"
                        + " `openssl dhparam 2048`) in " + file + ", found only [X9.42 DH PARAMETERS]");
    }

    @Test
    void dhParametersWithoutASafePrimeAreRefused() throws Exception {
        BigInteger prime = BigInteger.probablePrime(1024, new java.util.Random(7));
        assertTrue(!prime.shiftRight(1).isProbablePrime(20));
        byte[] der = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[]{
                new org.bouncycastle.asn1.ASN1Integer(prime), new org.bouncycastle.asn1.ASN1Integer(2)}).getEncoded();
        Path file = dir.resolve("unsafe-dh.pem");
        java.io.StringWriter pem = new java.io.StringWriter();
        try (org.bouncycastle.util.io.pem.PemWriter writer = new org.bouncycastle.util.io.pem.PemWriter(pem)) {
            writer.writeObject(new org.bouncycastle.util.io.pem.PemObject("DH PARAMETERS", der));
        }
        Files.writeString(file, pem.toString());
        assertError(() -> DhParameters.read(file, TLS + ".dhparam"), TLS + ".dhparam",
                "the DH parameters in " + file + " do not have a safe prime");
    }

    @Test
    void certificateGivenAsDhparam() {
        Path file = dir.resolve("rsa-pkcs1.crt");
        assertError(() -> DhParameters.read(file, TLS + ".dhparam"), TLS + ".dhparam",
                "expected PKCS#3 Diffie-Hellman parameters (-----BEGIN DH PARAMETERS-----");
    }

    static void assertError(Executable call, String path, String messagePart) {
        ConfigException e = assertThrows(ConfigException.class, call);
        assertEquals(1, e.errors().size(), e::getMessage);
        ConfigError error = e.errors().get(0);
        assertEquals(path, error.path());
        assertTrue(error.message().contains(messagePart), () -> "expected '" + messagePart + "' in: " + error.message());
    }

    private static X509Certificate cert(String name) throws ConfigException {
        return PemFiles.readCertificates(dir.resolve(name), "c").get(0);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
