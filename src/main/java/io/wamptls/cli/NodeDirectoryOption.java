package io.wamptls.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --cbdir}: the node directory, as in Crossbar ({@code $CROSSBAR_DIR}, else {@code ./.crossbar}). */
final class NodeDirectoryOption {
    @Option(names = "--cbdir", paramLabel = "DIR", description = "node directory (default: $CROSSBAR_DIR or .crossbar)")
    Path cbdir;

    Path resolve() {
        if (cbdir != null) {
            return cbdir.toAbsolutePath().normalize();
        }
        String fromEnv = System.getenv("CROSSBAR_DIR");
        return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : ".crossbar").toAbsolutePath().normalize();
    }
}
