package io.wamptls.dist;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamptls.testing.HttpsClients;
import io.wamptls.testing.TestNode;
import io.wamptls.testing.WampClient;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * modules/wamp-tls.mod added to a fresh jetty-base of the real jetty-home, then started as a distribution. The
 * tests share that base and its node directory; each writes the node configuration it needs.
 */
class ModuleIT {
    @TempDir
    static Path tmp;

    static JettyBase base;
    static TestNode node;

    @BeforeAll
    static void addModuleToFreshBase() throws Exception {
        base = JettyBase.create(tmp.resolve("base")).withWampTlsModule();
        JettyBase.Result added = base.run("--add-modules=wamp-tls", "--approve-all-licenses");
        assertEquals(0, added.exitCode(), added.output());
        node = TestNode.create(base.dir.resolve("node"));
    }

    @Test
    void iniTemplateAndModuleListing() throws Exception {
        String ini = Files.readString(base.dir.resolve("start.d/wamp-tls.ini"));
        assertTrue(ini.contains("--modules=wamp-tls"), ini);
        assertTrue(ini.contains("# wamp-tls.cbdir=node") && ini.contains("# wamp-tls.tls.provider=auto"), ini);

        JettyBase.Result listed = base.run("--list-modules=wamp");
        assertTrue(listed.output().contains("wamp-tls - Runs the transports of a Crossbar.io node directory"),
                listed.output());
    }

    @Test
    void servesHttpsWampAndClientCertificatesThenStopsCleanly() throws Exception {
        int web = TestNode.freePort();
        int mutual = TestNode.freePort();
        node.config(TestNode.routerConfig(
                "[" + TestNode.tlsWebTransport(web) + ", " + clientCertificateTransport(mutual) + "]"));

        try (JettyBase.Running jetty = base.start()) {
            jetty.awaitOutput(JettyBase.STARTED);

            HttpClient https = HttpsClients.trusting(node.ca());
            ContentResponse page = https.GET("https://localhost:" + web + "/");
            assertEquals(200, page.getStatus());
            assertTrue(page.getContentAsString().contains("hello from web"));
            https.stop();

            JsonNode pubsub = WampClient.at("wss://localhost:" + web + "/ws").trusting(node.ca()).run("pubsub");
            assertEquals("com.example.topic", pubsub.at("/event/topic").asText(), pubsub.toString());

            assertEquals("2 200", curl(mutual, true), "HTTP/2 with a client certificate");
            assertNotEquals("2 200", curl(mutual, false), "no client certificate, no answer");

            jetty.close();
            assertFalse(JettyBase.listening(web) || JettyBase.listening(mutual), "nothing left listening");
        }
    }

    @Test
    void invalidConfigurationStopsTheStartWithEveryErrorAndItsJsonPath() throws Exception {
        node.config(TestNode.routerConfig("""
                [{"type": "web", "endpoint": {"type": "tcp", "port": 70000, "tls": {"key": "server.key"}},
                  "paths": {"/": {"type": "static", "directory": "web"}}}]"""));
        try (JettyBase.Running jetty = base.start()) {
            assertNotEquals(0, jetty.awaitExit(), jetty.output());
            String log = jetty.output();
            assertTrue(log.contains("ERROR") && log.contains("wamp-tls: invalid node configuration"), log);
            assertTrue(log.contains("workers[0].transports[0].endpoint.port: invalid value 70000"), log);
            assertTrue(log.contains("workers[0].transports[0].endpoint.tls: missing mandatory attribute "
                    + "'certificate'"), log);
        }
    }

    @Test
    void portInUseStopsTheStartNamingTheTransport() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            node.config(TestNode.routerConfig("[" + TestNode.tlsWebTransport(taken.getLocalPort()) + "]"));
            try (JettyBase.Running jetty = base.start()) {
                assertNotEquals(0, jetty.awaitExit(), jetty.output());
                assertTrue(jetty.output().contains("(transport 'web_tls'): cannot listen on port "
                        + taken.getLocalPort()), jetty.output());
            }
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

    /** curl's "HTTP-version status" for GET / ("0 000" when the TLS handshake is refused). */
    private static String curl(int port, boolean withCertificate) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "--max-time", "20",
                "-w", "%{http_version} %{http_code}", "--http2", "--cacert", node.ca().toString()));
        if (withCertificate) {
            command.addAll(List.of("--cert", node.dir.resolve("client.crt").toString(),
                    "--key", node.dir.resolve("client.key").toString()));
        }
        command.add("https://localhost:" + port + "/");
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes()).strip();
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
