package io.wamptls.node;

import io.wamptls.config.ConfigLoader;
import io.wamptls.config.NodeConfig;
import io.wamptls.tls.CertificateTool;
import io.wamptls.tls.CertificateTool.Issued;
import io.wamptls.tls.CertificateTool.KeyType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The Crossbar documentation's example configurations ({@code config/valid}), rebuilt with fresh certificates:
 * each passes the whole check that {@code start} runs (config, PEM files, TLS contexts, handler tree), without
 * opening a port.
 */
class DocumentedExamplesTest {
    private static final Path EXAMPLES = Path.of("src/test/resources/config/valid");
    private static final Duration YEAR = Duration.ofDays(365);

    @TempDir
    static Path tmp;
    static Issued root;
    static Issued intermediate;
    static Issued server;
    static String dhparam;

    @BeforeAll
    static void freshCertificates() throws Exception {
        root = CertificateTool.certificateAuthority("root_ca", KeyType.RSA_2048, YEAR);
        intermediate = CertificateTool.intermediateAuthority(root, "intermediate_ca", KeyType.RSA_2048, YEAR);
        server = CertificateTool.server(intermediate, "localhost", List.of("localhost", "127.0.0.1"),
                KeyType.RSA_2048, YEAR);
        Process genparam = new ProcessBuilder("openssl", "genpkey", "-genparam", "-algorithm", "DH",
                "-pkeyopt", "group:ffdhe2048").start();
        dhparam = new String(genparam.getInputStream().readAllBytes());
        assertEquals(0, genparam.waitFor());
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            return dirs.filter(d -> d.getFileName().toString().matches("(seed|reference|crossbarexamples)-.*"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void passesTheFullStartCheck(Path example) throws Exception {
        Path nodeDir = tmp.resolve(example.getFileName().toString());
        copy(example, nodeDir);
        Files.createDirectories(tmp.resolve("web"));
        NodeConfig config = ConfigLoader.load(nodeDir);
        assertFalse(config.transports().isEmpty());
        NodeFactory.create(config);
    }

    /** Copies an example, replacing each placeholder PEM file by a real one of the same role. */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Path target = to.resolve(name);
                if (name.equals("dhparam.pem")) {
                    Files.writeString(target, dhparam);
                } else if (name.startsWith("ca.")) {
                    Files.writeString(target, CertificateTool.certificatePem(root.certificate()));
                } else if (name.startsWith("intermediate.")) {
                    Files.writeString(target, CertificateTool.certificatePem(intermediate.certificate()));
                } else if (name.contains("key")) {
                    Files.writeString(target, CertificateTool.privateKeyPem(server.privateKey()));
                } else if (name.endsWith(".crt") || name.contains("cert")) {
                    Files.writeString(target, CertificateTool.certificatePem(server.certificate())
                            + CertificateTool.certificatePem(intermediate.certificate()));
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
