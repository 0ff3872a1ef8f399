package io.wamptls.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Node script of {@code src/test/node} under Node and returns the JSON line it prints: by default the real
 * npm {@code autobahn} client ({@code wamp-client.js}), so the peer is a real WAMP implementation, not ours.
 */
public final class WampClient {
    private static final Path SCRIPTS = Path.of("src/test/node").toAbsolutePath();

    private final List<String> options = new ArrayList<>();
    private Path script = SCRIPTS.resolve("wamp-client.js");

    private WampClient(String url) {
        option("url", url);
    }

    public static WampClient at(String url) {
        return new WampClient(url);
    }

    /** Runs another script of src/test/node, e.g. {@code wampy-client.js} or {@code wire-client.js}. */
    public WampClient script(String fileName) {
        script = SCRIPTS.resolve(fileName);
        return this;
    }

    public WampClient option(String name, Object value) {
        options.add("--" + name);
        options.add(String.valueOf(value));
        return this;
    }

    public WampClient trusting(Path caFile) {
        return option("ca", caFile);
    }

    public WampClient withClientCertificate(Path cert, Path key) {
        return option("cert", cert).option("key", key);
    }

    /** Runs a scenario of wamp-client.js and returns its result; fails the test when the client failed. */
    public JsonNode run(String scenario) throws IOException, InterruptedException {
        JsonNode result = runAllowingFailure(scenario);
        if (result.has("error")) {
            throw new AssertionError("WAMP client scenario '" + scenario + "' failed: " + result.get("error"));
        }
        return result;
    }

    public JsonNode runAllowingFailure(String scenario) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script.toString(), scenario));
        command.addAll(options);
        Path log = Files.createTempFile("wamp-client", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("WAMP client did not finish: " + command);
        }
        String text = new String(out, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new AssertionError("WAMP client printed nothing; stderr: " + Files.readString(log));
        }
        String lastLine = text.substring(text.lastIndexOf('\n') + 1);
        return new ObjectMapper().readTree(lastLine);
    }
}
