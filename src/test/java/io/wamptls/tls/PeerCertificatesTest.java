package io.wamptls.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import static io.wamptls.tls.TlsTestSupport.openssl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The peer_cert dict of a certificate made by openssl, compared with what openssl prints. */
class PeerCertificatesTest {

    @TempDir
    Path dir;

    @Test
    void describesLikeAutobahn() throws Exception {
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "client.key", "-out", "client.crt", "-days", "30", "-set_serial", "4660",
                "-subj", "/C=DE/ST=Bavaria/L=Erlangen/O=Example  GmbH/OU=Dev/CN=Client_0/emailAddress=a@example.com",
                "-addext", "extendedKeyUsage=clientAuth", "-addext", "subjectAltName=DNS:client.example.com");
        X509Certificate certificate = PemFiles.readCertificates(dir.resolve("client.crt"), "c").get(0);
        Map<String, Object> peer = PeerCertificates.describe(certificate);

        assertEquals(fingerprint("-sha1"), peer.get("sha1"));
        assertEquals(fingerprint("-md5"), peer.get("md5"));
        assertEquals(fingerprint("-sha256"), peer.get("sha256"));
        assertEquals(false, peer.get("expired"));
        String hash = openssl(dir, "x509", "-in", "client.crt", "-noout", "-subject_hash").trim();
        assertEquals(Long.parseLong(hash, 16), peer.get("hash"));
        assertEquals(BigInteger.valueOf(4660), peer.get("serial"));
        assertEquals("ecdsa-with-SHA256", peer.get("signature_algorithm"));
        assertEquals(2, peer.get("version"));
        assertTrue(((String) peer.get("not_before")).matches("\\d{14}Z"));
        assertTrue(((String) peer.get("not_after")).matches("\\d{14}Z"));
        Map<String, String> subject = Map.of("c", "DE", "st", "Bavaria", "l", "Erlangen", "o", "Example  GmbH",
                "ou", "Dev", "cn", "Client_0", "emailaddress", "a@example.com");
        assertEquals(subject, peer.get("subject"));
        assertEquals(subject, peer.get("issuer"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> extensions = (List<Map<String, Object>>) peer.get("extensions");
        assertTrue(extensions.contains(Map.of("name", "extendedKeyUsage", "value", "TLS Web Client Authentication",
                "critical", false)), extensions.toString());
        assertTrue(extensions.contains(Map.of("name", "subjectAltName", "value", "DNS:client.example.com",
                "critical", false)), extensions.toString());
        assertTrue(extensions.contains(Map.of("name", "basicConstraints", "value", "CA:TRUE", "critical", true)),
                extensions.toString());
        String ski = openssl(dir, "x509", "-in", "client.crt", "-noout", "-ext", "subjectKeyIdentifier")
                .lines().skip(1).findFirst().orElseThrow().trim();
        assertTrue(extensions.contains(Map.of("name", "subjectKeyIdentifier", "value", ski, "critical", false)),
                extensions + " / " + ski);

        String notAfter = openssl(dir, "x509", "-in", "client.crt", "-noout", "-enddate").trim();
        assertTrue(notAfter.contains(" " + Integer.parseInt(((String) peer.get("not_after")).substring(0, 4)) + " GMT"),
                notAfter);
    }

    private String fingerprint(String digest) {
        String line = openssl(dir, "x509", "-in", "client.crt", "-noout", "-fingerprint", digest).trim();
        return line.substring(line.indexOf('=') + 1);
    }
}
