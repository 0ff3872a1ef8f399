package io.wamptls.config;

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

    @org.junit.jupiter.api.Test
    void coversTheDocumentedExamples() throws IOException {
        assertEquals(9, nodeDirs().count());
    }
}
