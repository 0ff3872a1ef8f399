package io.wamptls.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The Crossbar documentation and crossbarexamples configurations in {@code config/valid} load without error. */
class ValidConfigTest {

    static Stream<Path> nodeDirs() throws IOException {
        Path root = Fixtures.resource("config/valid");
        return Files.list(root)
                .filter(dir -> Files.exists(dir.resolve("config.json")) || Files.exists(dir.resolve("config.yaml")))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeDirs")
    void loads(Path nodeDir) throws ConfigException {
        NodeConfig config = ConfigLoader.load(nodeDir, Fixtures.ENV_LOOKUP);

        assertEquals(nodeDir.toAbsolutePath().normalize(), config.nodeDir());
        assertFalse(config.transports().isEmpty());
        assertFalse(config.realms().isEmpty());
    }

    @Test
    void coversTheDocumentedExamples() throws IOException {
        assertEquals(10, nodeDirs().count());
    }

    @Test
    void yamlVariantEqualsTheJsonExample() throws ConfigException {
        NodeConfig json = ConfigLoader.load(Fixtures.resource("config/valid/seed-web"));
        NodeConfig yaml = ConfigLoader.load(Fixtures.resource("config/valid/seed-web-yaml"));

        assertEquals(json.workers().get(0).realms(), yaml.workers().get(0).realms());
        WebTransportConfig a = (WebTransportConfig) json.transports().get(0);
        WebTransportConfig b = (WebTransportConfig) yaml.transports().get(0);
        assertEquals(a.paths(), b.paths());
        assertEquals(a.endpoint().port(), b.endpoint().port());
        assertEquals(a.endpoint().tls().key().getFileName(), b.endpoint().tls().key().getFileName());
    }
}
