package io.wamptls.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus of invalid configurations in {@code config/invalid}: one file per kind of error, each listed in
 * {@code expected.tsv} with the exact JSON path of its error, a fragment of the message and the error count.
 */
class InvalidConfigTest {

    record Expectation(String fixture, String path, String fragment, int count) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static Stream<Expectation> expectations() throws IOException {
        Path index = Fixtures.resource("config/invalid/expected.tsv");
        return Files.readAllLines(index).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .map(f -> new Expectation(f[0], f[1], f[2], Integer.parseInt(f[3])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void reportsTheExpectedError(Expectation expected) throws IOException {
        Path dir = Fixtures.resource("config/invalid");
        Path file = dir.resolve(expected.fixture());
        ConfigLoader.Format format = file.toString().endsWith(".json") ? ConfigLoader.Format.JSON
                : ConfigLoader.Format.YAML;
        String text = Files.readString(file);

        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(dir, text, format, file, Fixtures.ENV_LOOKUP));

        List<ConfigError> errors = e.errors();
        String all = errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
        assertTrue(errors.stream().anyMatch(err -> err.path().equals(expected.path())
                        && err.message().contains(expected.fragment())),
                "expected '" + expected.path() + ": ..." + expected.fragment() + "...' among:" + all);
        assertEquals(expected.count(), errors.size(), "error count; errors:" + all);
    }

    @Test
    void corpusHasOneFixturePerIndexLineAndEnoughOfThem() throws IOException {
        Path dir = Fixtures.resource("config/invalid");
        List<String> indexed = expectations().map(Expectation::fixture).sorted().toList();
        List<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") || n.endsWith(".yaml"))
                    .sorted().toList();
        }
        assertEquals(files, indexed);
        assertTrue(indexed.size() >= 45, "at least 45 fixtures, have " + indexed.size());
    }
}
