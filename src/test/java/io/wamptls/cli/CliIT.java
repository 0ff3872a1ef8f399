package io.wamptls.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamptls.testing.HttpsClients;
import io.wamptls.testing.TestNode;
import io.wamptls.testing.WampClient;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar run as users run it: {@code java -jar target/wamp-tls.jar COMMAND}. */
class CliIT {
    private static final Path JAR = Path.of("target/wamp-tls.jar").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void embeddedDefaultServesDemoPageAndWampThenStopsGracefully() throws Exception {
        int port = TestNode.freePort();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        NodeProcess node = NodeProcess.start(empty, "start", "--port", String.valueOf(port));
        try {
            node.awaitOutput("Transport web_default listening");
            Path ca = empty.resolve(".crossbar/ca.crt");
            assertTrue(Files.isRegularFile(ca), "development CA generated into .crossbar/");
            assertTrue(node.output().contains(ca.toString()), "the log names the CA file");

            HttpClient https = HttpsClients.trusting(ca);
            ContentResponse page = https.GET("https://localhost:" + port + "/");
            assertEquals(200, page.getStatus());
            assertTrue(page.getContentAsString().contains("<title>wamp-tls demo"), "the bundled demo page");
            assertEquals(200, https.GET("https://localhost:" + port + "/autobahn.min.js").getStatus(),
                    "autobahn-browser packaged into the jar");
            https.stop();

            JsonNode welcome = WampClient.at("wss://localhost:" + port + "/ws").trusting(ca).run("join")
                    .get("welcome");
            assertEquals("realm1", welcome.get("realm").asText());

            // A raw WebSocket session held open across the shutdown
            Process held = new ProcessBuilder("node", "src/test/node/wamp-client.js", "hold",
                    "--url", "wss://localhost:" + port + "/ws", "--ca", ca.toString()).start();
            BufferedReader heldOut = new BufferedReader(new InputStreamReader(held.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("joined", heldOut.readLine());

            node.process.destroy(); // SIGTERM
            assertTrue(node.process.waitFor(30, TimeUnit.SECONDS), "node stops on SIGTERM");
            JsonNode closed = new ObjectMapper().readTree(heldOut.readLine());
            assertEquals(1001, closed.get("closeCode").asInt(), closed.toString());
            JsonNode last = closed.get("received").get(closed.get("received").size() - 1);
            assertEquals(6, last.get(0).asInt(), "GOODBYE before the close: " + closed);
            assertEquals("wamp.close.system_shutdown", last.get(2).asText());
            assertFalse(listening(port), "nothing listening after stop");

            NodeProcess again = NodeProcess.start(empty, "start", "--port", String.valueOf(port));
            again.awaitOutput("Transport web_default listening");
            assertEquals(Files.readString(ca), Files.readString(empty.resolve(".crossbar/ca.crt")),
                    "the CA is reused on later starts");
            again.process.destroy();
            again.process.waitFor(30, TimeUnit.SECONDS);
        } finally {
            node.process.destroyForcibly();
        }
    }

    @Test
    void checkReportsEveryErrorWithItsJsonPath() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(dir.resolve("config.json"), TestNode.routerConfig("""
                [{"type": "web", "endpoint": {"type": "tcp", "port": 70000, "tls": {"key": "server.key"}},
                  "paths": {"/": {"type": "static", "directory": "web"}}}]"""));
        Result check = run(tmp, "check", "--cbdir", dir.toString());
        assertEquals(1, check.exitCode, check.output);
        assertTrue(check.output.contains("workers[0].transports[0].endpoint.port"), check.output);
        assertTrue(check.output.contains("workers[0].transports[0].endpoint.tls: missing mandatory attribute "
                + "'certificate'"), check.output);
        assertTrue(check.output.contains(dir.resolve("server.key").toString()), "names the resolved file: "
                + check.output);

        Result start = run(tmp, "start", "--cbdir", dir.toString());
        assertEquals(1, start.exitCode, start.output);
        assertTrue(start.output.contains("workers[0].transports[0].endpoint.port"), start.output);
    }

    @Test
    void initWritesANodeDirectoryThatChecksClean() throws Exception {
        Path dir = tmp.resolve("fresh");
        Result init = run(tmp, "init", "--cbdir", dir.toString());
        assertEquals(0, init.exitCode, init.output);
        for (String file : List.of("config.json", "ca.crt", "server.crt", "server.key", "client.crt", "client.key",
                "web/index.html")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        Result check = run(tmp, "check", "--cbdir", dir.toString());
        assertEquals(0, check.exitCode, check.output);
        assertTrue(check.output.contains("web_default (web) https://localhost:8443/ (static), "
                + "wss://localhost:8443/ws (WAMP)"), check.output);
        assertEquals(1, run(tmp, "init", "--cbdir", dir.toString()).exitCode, "init never overwrites");
    }

    @Test
    void startOnAPortInUseFailsNamingTransportAndPort() throws Exception {
        try (var blocker = new java.net.ServerSocket(0)) {
            int port = blocker.getLocalPort();
            Path dir = Files.createDirectories(tmp.resolve("clash"));
            TestNode.create(dir).config(TestNode.routerConfig("[" + TestNode.tlsWebTransport(port) + "]"));
            Result start = run(tmp, "start", "--cbdir", dir.toString());
            assertEquals(1, start.exitCode, start.output);
            assertTrue(start.output.contains("web_tls") && start.output.contains(String.valueOf(port)), start.output);
        }
    }

    @Test
    void versionAndUsage() throws Exception {
        Result version = run(tmp, "version");
        assertEquals(0, version.exitCode);
        assertTrue(version.output.startsWith("wamp-tls "), version.output);
        assertTrue(version.output.contains("Jetty 12.1.6"), version.output);
        assertEquals(2, run(tmp, "frobnicate").exitCode);
        assertEquals(2, run(tmp, "start", "--no-such-option").exitCode);
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path workDir, String... args) throws Exception {
        NodeProcess p = NodeProcess.start(workDir, args);
        assertTrue(p.process.waitFor(60, TimeUnit.SECONDS), "command finished: " + List.of(args));
        p.reader.join(5000);
        return new Result(p.process.exitValue(), p.output());
    }

    /** The jar as a child process, its stdout and stderr collected. */
    static final class NodeProcess {
        final Process process;
        final StringBuffer out = new StringBuffer();
        final Thread reader;

        private NodeProcess(Process process) {
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

        static NodeProcess start(Path workDir, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            return new NodeProcess(process);
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
    }
}
