package io.wamptls.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamptls.node.EmbeddedDefault;
import io.wamptls.node.Node;
import io.wamptls.node.NodeFactory;
import io.wamptls.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded default's demo page in a real browser: Debian's headless Chromium, driven by playwright-core
 * ({@code src/test/node/demo-browser.js}), loads it over HTTPS; the page's autobahn-js (served from the jar) joins
 * realm1 over wss, subscribes, registers, publishes and calls, and reports the round trip times.
 */
class DemoPageBrowserTest {
    private static final Path SCRIPT = Path.of("src/test/node/demo-browser.js").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void demoPageCompletesARoundTripInHeadlessChromium() throws Exception {
        int port = TestNode.freePort();
        Node node = NodeFactory.create(EmbeddedDefault.config(tmp.resolve("node"), port));
        node.start();
        try {
            JsonNode page = drive("https://localhost:" + port + "/");
            assertEquals("ok", page.path("state").asText(), page.toString());
            assertTrue(page.get("result").asText()
                    .matches("round trip complete: publish/event [0-9.]+ ms, call/result [0-9.]+ ms"), page.toString());
            assertEquals("h2", page.get("pageProtocol").asText(), "the page came over HTTP/2");
            // Chromium opens the WebSocket on the page's HTTP/2 connection (RFC 8441): Crossbar cannot do this
            assertEquals("HTTP/2.0", page.get("webSocketHttpVersion").asText(), page.toString());
        } finally {
            node.stop();
        }
    }

    private JsonNode drive(String url) throws Exception {
        Path log = tmp.resolve("browser.log");
        Process browser = new ProcessBuilder("node", SCRIPT.toString(), url, "40000").redirectError(log.toFile())
                .start();
        browser.getOutputStream().close();
        String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!browser.waitFor(90, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
        }
        if (out.isEmpty()) {
            throw new AssertionError("demo-browser.js printed nothing; stderr:\n" + Files.readString(log));
        }
        return new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
    }
}
