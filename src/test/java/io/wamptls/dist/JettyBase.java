package io.wamptls.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A jetty-base in a temporary directory, driven with the jetty-home the build unpacks into target/jetty-home, as
 * an operator drives it: {@code java -jar $JETTY_HOME/start.jar ...} run in the base.
 */
final class JettyBase {
    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final String STARTED = "Started oejs.Server@";

    final Path dir;

    private JettyBase(Path dir) {
        this.dir = dir;
    }

    static JettyBase create(Path dir) throws IOException {
        return new JettyBase(Files.createDirectories(dir));
    }

    /** What README says to copy into an existing base: modules/, etc/ and lib/wamp-tls/. */
    JettyBase withWampTlsModule() throws IOException {
        copyTree(PROJECT.resolve("modules"), dir.resolve("modules"));
        copyTree(PROJECT.resolve("etc"), dir.resolve("etc"));
        Path libs = PROJECT.resolve("jetty-base/lib/wamp-tls");
        assertTrue(Files.isRegularFile(libs.resolve("wamp-tls.jar")), "mvn package filled " + libs);
        copyTree(libs, dir.resolve("lib/wamp-tls"));
        return this;
    }

    static Path jettyHome() throws IOException {
        try (Stream<Path> homes = Files.list(PROJECT.resolve("target/jetty-home"))) {
            return homes.filter(p -> p.getFileName().toString().startsWith("jetty-home-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no jetty-home unpacked in target/jetty-home"));
        }
    }

    /** Runs start.jar to completion (e.g. {@code --add-modules}); at most a minute. */
    Result run(String... args) throws Exception {
        Running process = start(args);
        assertTrue(process.process.waitFor(60, TimeUnit.SECONDS), "start.jar finished: " + List.of(args));
        process.reader.join(5000);
        return new Result(process.process.exitValue(), process.output());
    }

    Running start(String... args) throws IOException {
        // short-lived JVMs on a shared machine: C1 only and a serial GC start markedly faster
        List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jettyHome().resolve("start.jar").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return new Running(process);
    }

    record Result(int exitCode, String output) {
    }

    /** A start.jar process with its output collected. */
    static final class Running implements AutoCloseable {
        final Process process;
        private final StringBuffer out = new StringBuffer();
        private final Thread reader;

        Running(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        out.append(line).append('\n');
                    }
                } catch (IOException ignored) {
                    // process ended
                }
            });
            reader.start();
        }

        String output() {
            return out.toString();
        }

        void awaitOutput(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!output().contains(text)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("never printed '" + text + "':\n" + output());
                }
                Thread.sleep(100);
            }
        }

        /** Waits for the process to end by itself (a failed start) and returns its exit code. */
        int awaitExit() throws InterruptedException {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "process ended:\n" + output());
            reader.join(5000);
            return process.exitValue();
        }

        /** SIGTERM, as an operator's stop; Jetty's shutdown hook stops the server. */
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
