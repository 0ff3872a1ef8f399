package io.wamptls.dist;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamptls.testing.Http2Exchange;
import io.wamptls.testing.TestNode;
import io.wamptls.testing.WampClient;
import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * target/wamp-tls.war deployed with webapps/wamp-tls.xml into a plain jetty-home with ee10-deploy, and h2c on its
 * connector so that an RFC 8441 CONNECT reaches the WAR's endpoint.
 */
class WarIT {
    @TempDir
    Path tmp;

    @Test
    void deployedWarServesItsContentAndWampAtTheContextPathAndRefusesOtherExtendedConnects() throws Exception {
        JettyBase base = JettyBase.create(tmp.resolve("base"));
        JettyBase.Result added = base.run(
                "--add-modules=http,http2c,ee10-deploy,ee10-websocket-jakarta,ee10-annotations", "--approve-all-licenses");
        assertEquals(0, added.exitCode(), added.output());
        Files.copy(JettyBase.PROJECT.resolve("target/wamp-tls.war"), base.dir.resolve("webapps/wamp-tls.war"));
        Files.copy(JettyBase.PROJECT.resolve("webapps/wamp-tls.xml"), base.dir.resolve("webapps/wamp-tls.xml"));

        // realms from a configuration file named by the system property, instead of the bundled realm1
        Path config = tmp.resolve("war-config.json");
        Files.writeString(config, TestNode.routerConfig("""
                [{"type": "web", "endpoint": {"type": "tcp", "port": 8080},
                  "paths": {"ws": {"type": "websocket", "serializers": ["json"]}}}]""")
                .replace("realm1", "realm2"));

        int port = TestNode.freePort();
        try (JettyBase.Running jetty = base.start("jetty.http.port=" + port, "-Dwamptls.config=" + config)) {
            jetty.awaitOutput(JettyBase.STARTED);
            assertTrue(jetty.output().contains("WAMP realms [realm2] at /wamp-tls/ws"), jetty.output());

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wamp-tls/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("wamp-tls WAR"), page.body());

            JsonNode pubsub = WampClient.at("ws://localhost:" + port + "/wamp-tls/ws").option("realm", "realm2")
                    .run("pubsub");
            assertEquals("com.example.topic", pubsub.at("/event/topic").asText(), pubsub.toString());

            // the host has no ConnectGuard: the WAR's servlet refuses by itself (the host answered 500)
            int logged = jetty.output().length();
            HTTP2Client client = new HTTP2Client();
            client.start();
            try {
                Session session = client.connect(new InetSocketAddress("127.0.0.1", port), new Session.Listener() { })
                        .get(10, TimeUnit.SECONDS);
                Http2Exchange refused = Http2Exchange.send(session, new MetaData.ConnectRequest(HttpScheme.HTTP,
                        new HostPortHttpField("127.0.0.1:" + port), "/wamp-tls/ws",
                        HttpFields.build().put("Sec-WebSocket-Version", "13").put("Sec-WebSocket-Protocol",
                                "wamp.2.json"), "foo"));
                assertEquals(400, refused.status());
                assertTrue(refused.response().getHttpFields().get(HttpHeader.CONTENT_TYPE).startsWith("text/plain"));
                String body = refused.bodyText();
                assertTrue(body.contains("unsupported :protocol 'foo'"), body);
            } finally {
                client.stop();
            }
            Thread.sleep(200); // a failure is logged after its response is sent
            assertFalse(jetty.output().substring(logged).contains("WARN"), jetty.output().substring(logged));
        }
    }
}
