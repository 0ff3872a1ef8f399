package io.wamptls.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code src/test/node/ws-probe.js}, a raw npm {@code ws} client, and returns the JSON line it prints. */
public final class WsProbe {
    private static final Path SCRIPT = Path.of("src/test/node/ws-probe.js").toAbsolutePath();

    private final List<String> command = new ArrayList<>();

    private WsProbe(String scenario, String url) {
        command.addAll(List.of("node", SCRIPT.toString(), scenario, "--url", url));
    }

    public static WsProbe of(String scenario, String url) {
        return new WsProbe(scenario, url);
    }

    public WsProbe option(String name, Object value) {
        command.add("--" + name);
        command.add(String.valueOf(value));
        return this;
    }

    public JsonNode run() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (out.isEmpty()) {
            throw new AssertionError("ws-probe printed nothing: " + command);
        }
        return new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
    }
}
