package io.wamptls.dist;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamptls.testing.HttpsClients;
import io.wamptls.testing.TestNode;
import io.wamptls.testing.WampClient;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** modules/wamp-tls.mod added to a fresh jetty-base of the real jetty-home, then started as a distribution. */
class ModuleIT {
    @TempDir
    Path tmp;

    @Test
    void addedToABaseItServesHttpsWampAndClientCertificatesThenStopsCleanly() throws Exception {
        JettyBase base = JettyBase.create(tmp.resolve("base")).withWampTlsModule();
        JettyBase.Result added = base.run("--add-modules=wamp-tls", "--approve-all-licenses");
        assertEquals(0, added.exitCode(), added.output());
        assertTrue(Files.isRegularFile(base.dir.resolve("start.d/wamp-tls.ini")), added.output());
        String ini = Files.readString(base.dir.resolve("start.d/wamp-tls.ini"));
        assertTrue(ini.contains("# wamp-tls.cbdir=node") && ini.contains("# wamp-tls.tls.provider=auto"), ini);

        JettyBase.Result listed = base.run("--list-modules=wamp");
        assertTrue(listed.output().contains("wamp-tls - Runs the transports of a Crossbar.io node directory"),
                listed.output());

        int web = TestNode.freePort();
        int mutual = TestNode.freePort();
        TestNode node = TestNode.create(base.dir.resolve("node")).config(TestNode.routerConfig(
                "[" + TestNode.tlsWebTransport(web) + ", " + clientCertificateTransport(mutual) + "]"));

        try (JettyBase.Running jetty = base.start()) {
            jetty.awaitOutput(JettyBase.STARTED);

            HttpClient https = HttpsClients.trusting(node.ca());
            ContentResponse page = https.GET("https://localhost:" + web + "/");
            assertEquals(200, page.getStatus());
            assertTrue(page.getContentAsString().contains("hello from web"));
            https.stop();
            assertEquals("2 200", curl(node, mutual, true).strip(), "HTTP/2 with a client certificate");

            JsonNode pubsub = WampClient.at("wss://localhost:" + web + "/ws").trusting(node.ca()).run("pubsub");
            assertEquals("com.example.topic", pubsub.at("/event/topic").asText(), pubsub.toString());

            assertNotEquals("2 200", curl(node, mutual, false).strip(), "no client certificate, no answer");

            jetty.close();
            assertFalse(JettyBase.listening(web) || JettyBase.listening(mutual), "nothing left listening");
        }
    }

    /** A TLS web transport that requires a client certificate issued by the node's CA. */
    private static String clientCertificateTransport(int port) {
        return """
                {"type": "web", "id": "web_mutual",
                 "endpoint": {"type": "tcp", "port": %d, "interface": "127.0.0.1",
                              "tls": {"key": "server.key", "certificate": "server.crt",
                                      "ca_certificates": ["ca.crt"]}},
                 "paths": {"/": {"type": "static", "directory": "web"}}}
                """.formatted(port);
    }

    /** curl's "HTTP-version status" for GET / (curl prints "0 000" when the TLS handshake is refused). */
    private static String curl(TestNode node, int port, boolean withCertificate) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "--max-time", "20",
                "-w", "%{http_version} %{http_code}", "--http2", "--cacert", node.ca().toString()));
        if (withCertificate) {
            command.addAll(List.of("--cert", node.dir.resolve("client.crt").toString(),
                    "--key", node.dir.resolve("client.key").toString()));
        }
        command.add("https://localhost:" + port + "/");
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes());
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
