package io.wamptls.router;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The router core (io.wamptls.wamp*, io.wamptls.router*) must not depend on Jetty or Jakarta, so it can be
 * driven in-process and reused behind any transport. Checks both the sources and the compiled classes.
 */
class CoreIsolationTest {
    private static final List<String> CORE_PACKAGES = List.of("io/wamptls/wamp", "io/wamptls/router");

    @Test
    void coreSourcesImportNothingFromJettyOrJakarta() throws IOException {
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        for (String pkg : CORE_PACKAGES) {
            for (Path file : files(Path.of("src/main/java").resolve(pkg), ".java")) {
                scanned++;
                String source = Files.readString(file);
                if (source.contains("org.eclipse.jetty") || source.contains("jakarta.")) {
                    offenders.add(file.toString());
                }
            }
        }
        assertTrue(scanned > 20, "found the core sources (" + scanned + ")");
        assertEquals(List.of(), offenders);
    }

    @Test
    void coreClassesReferenceNothingFromJettyOrJakarta() throws IOException {
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        for (String pkg : CORE_PACKAGES) {
            for (Path file : files(Path.of("target/classes").resolve(pkg), ".class")) {
                scanned++;
                // class names in the constant pool are UTF-8 internal names, e.g. org/eclipse/jetty/...
                String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (constants.contains("org/eclipse/jetty") || constants.contains("jakarta/")) {
                    offenders.add(file.toString());
                }
            }
        }
        assertTrue(scanned > 20, "found the compiled core classes (" + scanned + ")");
        assertEquals(List.of(), offenders);
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
