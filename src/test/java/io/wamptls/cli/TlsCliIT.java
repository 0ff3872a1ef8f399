package io.wamptls.cli;

import io.wamptls.testing.TestNode;
import io.wamptls.tls.CertificateTool;
import io.wamptls.tls.CertificateTool.Issued;
import io.wamptls.tls.CertificateTool.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS through the packaged jar in a fresh JVM, as users start it: the JVM-wide DH group from {@code dhparam} must be
 * in place before anything (provider probing included) creates the first {@code SSLContext}.
 */
class TlsCliIT {

    @TempDir
    Path dir;

    @Test
    void dhparamGroupOf3072BitsIsUsedWhenStartedFromTheCli() throws Exception {
        Issued ca = CertificateTool.certificateAuthority("IT CA", KeyType.EC_P256, Duration.ofDays(30));
        CertificateTool.server(ca, "localhost", List.of("localhost", "127.0.0.1"), KeyType.RSA_2048,
                Duration.ofDays(30)).write(dir.resolve("server.key"), dir.resolve("server.crt"));
        // Made once with `openssl dhparam -2 3072` (minutes of CPU): not an RFC 7919 group, so the prime check
        // below also tells it apart from the JDK's built-in ffdhe3072.
        try (var in = TlsCliIT.class.getResourceAsStream("dhparam3072.pem")) {
            Files.write(dir.resolve("dhparam.pem"), in.readAllBytes());
        }
        int port = TestNode.freePort();
        Files.writeString(dir.resolve("config.json"), TestNode.routerConfig("""
                [{"type": "websocket", "id": "wss_dh", "endpoint": {"type": "tcp", "port": %d,
                  "interface": "127.0.0.1", "tls": {"key": "server.key", "certificate": "server.crt",
                  "dhparam": "dhparam.pem"}}}]""".formatted(port)));

        CliIT.NodeProcess node = CliIT.NodeProcess.start(dir, "start", "--cbdir", dir.toString());
        try {
            node.awaitOutput("Transport wss_dh listening");
            assertTrue(node.output().contains("TLS via JDK (dhparam needs DHE, which Conscrypt lacks)"), node.output());
            String handshake = exec("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-tls1_2", "-cipher",
                    "DHE-RSA-AES128-GCM-SHA256", "-msg");
            assertTrue(handshake.contains("Server Temp Key: DH, 3072 bits"), handshake);
            String prime = exec("openssl", "pkeyparam", "-in", "dhparam.pem", "-text", "-noout");
            assertTrue(compactHex(handshake).contains(primeHex(prime).substring(0, 64)),
                    "the ServerKeyExchange carries the prime of dhparam.pem");
        } finally {
            node.process.destroy();
            node.process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** The hex digits of {@code -msg} output, without spaces and line breaks. */
    private static String compactHex(String msgOutput) {
        StringBuilder hex = new StringBuilder();
        for (String line : msgOutput.split("\n")) {
            if (line.matches("^\\s+[0-9a-f]{2}( [0-9a-f]{2})*( -? ?[0-9a-f]{2})*\\s*$")) {
                hex.append(line.replaceAll("[^0-9a-f]", ""));
            }
        }
        return hex.toString();
    }

    /** The prime from {@code openssl pkeyparam -text}: the hex lines under "P:", without the sign byte. */
    private static String primeHex(String text) {
        String afterP = text.substring(text.indexOf("P:") + 2);
        StringBuilder hex = new StringBuilder();
        for (String line : afterP.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                break;
            }
            hex.append(line.replaceAll("[^0-9a-f]", ""));
        }
        String p = hex.toString();
        return p.startsWith("00") ? p.substring(2) : p;
    }

    private String exec(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        return out;
    }
}
