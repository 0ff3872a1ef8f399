package io.wamptls.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ciphers} against the real {@code openssl ciphers}; {@code cert} outputs checked with {@code openssl}. */
class TlsCommandsTest {

    @TempDir
    Path dir;

    record Output(int exitCode, String out) {
    }

    /** Runs the CLI in-process, capturing stdout. */
    static synchronized Output cli(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Output(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    static String openssl(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), () -> "openssl " + args[0] + ": " + out);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:"
                    + "ECDHE-RSA-AES128-SHA:DHE-RSA-AES128-SHA",
            "ECDH+AESGCM:DH+AESGCM:ECDH+AES256:DH+AES256:ECDH+AES128:DH+AES:ECDH+3DES:DH+3DES:RSA+AES:RSA+3DES:"
                    + "!ADH:!AECDH:!MD5:!DSS",
            "HIGH:!aNULL:!MD5", "DEFAULT", "ALL:@STRENGTH", "kEECDH+aECDSA+AES128:-SHA", "AES256 CHACHA20,!RSA",
            "TLS_AES_128_GCM_SHA256:AES128-SHA", "eNULL:@STRENGTH", "PSK+AESGCM"})
    void ciphersPrintsWhatOpensslCiphersPrintsWithoutTheTls13Suites(String cipherString) throws Exception {
        Set<String> tls13 = tls13Names(cipherString);
        String expected = Arrays.stream(openssl(dir, "ciphers", cipherString).strip().split(":"))
                .filter(name -> !tls13.contains(name)).collect(Collectors.joining(":")) + "\n";
        Output ours = cli("ciphers", cipherString);
        assertEquals(0, ours.exitCode());
        assertEquals(expected, ours.out());
        assertFalse(ours.out().contains("TLS_"), ours.out());

        // -v: one line per suite of the plain output, in its order, each as openssl -v prints it
        List<String> expectedLines = openssl(dir, "ciphers", "-v", cipherString).lines()
                .filter(line -> !line.contains(" TLSv1.3 ")).toList();
        List<String> verbose = cli("ciphers", "-v", "--provider", "jdk", cipherString).out().lines()
                .map(line -> line.replaceFirst(" JDK=(yes|no)$", "")).toList();
        assertEquals(expectedLines, verbose);
        assertEquals(List.of(ours.out().strip().split(":")),
                verbose.stream().map(line -> line.substring(0, line.indexOf(' '))).toList());
    }

    /** The names {@code openssl ciphers -v} marks as TLSv1.3 (the suites plain {@code openssl ciphers} lists first). */
    private Set<String> tls13Names(String cipherString) throws Exception {
        Set<String> names = openssl(dir, "ciphers", "-v", cipherString).lines().map(String::strip)
                .filter(line -> line.contains(" TLSv1.3 ")).map(line -> line.substring(0, line.indexOf(' ')))
                .collect(Collectors.toSet());
        assertEquals(3, names.size(), "OpenSSL 3's default TLS 1.3 suites: " + names);
        return names;
    }

    @Test
    void ciphersVerboseSaysWhatTheProviderSupports() {
        Output jdk = cli("ciphers", "-v", "--provider", "jdk", "DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-CCM");
        assertTrue(jdk.out().contains("DHE-RSA-AES128-GCM-SHA256      TLSv1.2 Kx=DH       Au=RSA   "
                + "Enc=AESGCM(128)            Mac=AEAD JDK=yes"), jdk.out());
        Output conscrypt = cli("ciphers", "-v", "--provider", "conscrypt", "DHE-RSA-AES128-GCM-SHA256");
        assertTrue(conscrypt.out().contains("Mac=AEAD Conscrypt=no"), conscrypt.out());
        assertEquals(Main.INVALID, cli("ciphers", "NOSUCHCIPHER").exitCode());
        assertEquals(Main.USAGE, cli("ciphers", "--provider", "openssl", "ALL").exitCode());
    }

    @Test
    void certMakesAnOwnCaWithServerAndClientCertificatesOpensslAccepts() throws Exception {
        String d = dir.toString();
        Output ca = cli("cert", "ca", "--dir", d, "--key-type", "ec");
        assertEquals(0, ca.exitCode(), ca.out());
        Output server = cli("cert", "server", "--dir", d, "--host", "example.com,localhost,127.0.0.1,::1");
        assertEquals(0, server.exitCode(), server.out());
        Output client = cli("cert", "client", "--dir", d, "--name", "alice");
        assertEquals(0, client.exitCode(), client.out());

        assertEquals("server.crt: OK\n", openssl(dir, "verify", "-CAfile", "ca.crt", "-untrusted", "intermediate.crt",
                "-purpose", "sslserver", "server.crt"));
        assertEquals("alice.crt: OK\n", openssl(dir, "verify", "-CAfile", "ca.crt", "-untrusted", "intermediate.crt",
                "-purpose", "sslclient", "alice.crt"));
        String sans = openssl(dir, "x509", "-in", "server.crt", "-noout", "-ext", "subjectAltName");
        assertTrue(sans.contains("DNS:example.com, DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1"),
                sans);
        assertEquals(2, Files.readString(dir.resolve("server.crt")).split("BEGIN CERTIFICATE").length - 1,
                "server.crt holds the certificate, then the intermediate");
        String sha1 = openssl(dir, "x509", "-in", "alice.crt", "-noout", "-fingerprint", "-sha1").strip();
        assertTrue(client.out().contains("SHA-1 fingerprint " + sha1.substring(sha1.indexOf('=') + 1)), client.out());
        assertTrue(client.out().contains("Wrote " + dir.resolve("alice.key")), client.out());
        for (String key : List.of("ca.key", "intermediate.key", "server.key", "alice.key")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(key))));
            assertTrue(Files.readString(dir.resolve(key)).startsWith("-----BEGIN PRIVATE KEY-----"), key);
            openssl(dir, "pkey", "-in", key, "-noout", "-passin", "pass:");
        }
        assertEquals(Main.INVALID, cli("cert", "client", "--dir", d, "--name", "alice").exitCode(),
                "existing files are not overwritten");
    }

    @Test
    void certSelfSigned() throws Exception {
        Output out = cli("cert", "self-signed", "--dir", dir.toString(), "--host", "node.example.com,10.1.2.3");
        assertEquals(0, out.exitCode(), out.out());
        assertEquals("server.crt: OK\n", openssl(dir, "verify", "-CAfile", "server.crt", "server.crt"));
        String text = openssl(dir, "x509", "-in", "server.crt", "-noout", "-subject", "-ext", "subjectAltName");
        assertTrue(text.contains("subject=CN = node.example.com"), text);
        assertTrue(text.contains("DNS:node.example.com, IP Address:10.1.2.3"), text);
    }
}
