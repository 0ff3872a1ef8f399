package io.wamptls.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamptls.config.ConfigLoader;
import io.wamptls.testing.HttpsClients;
import io.wamptls.testing.TestNode;
import io.wamptls.testing.WampClient;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts a real node from a config file in a temp node directory and talks to it with real clients. */
class NodeIntegrationTest {
    @TempDir
    static Path tmp;

    static TestNode nodeDir;
    static Node node;
    static int port;
    static HttpClient https;

    @BeforeAll
    static void startNode() throws Exception {
        port = TestNode.freePort();
        nodeDir = TestNode.create(tmp.resolve("node"))
                .config(TestNode.routerConfig("[" + TestNode.tlsWebTransport(port) + "]"));
        node = NodeFactory.create(ConfigLoader.load(nodeDir.dir));
        node.start();
        https = HttpsClients.trusting(nodeDir.ca());
    }

    @AfterAll
    static void stopNode() throws Exception {
        https.stop();
        node.stop();
    }

    @Test
    void servesStaticFileOverHttps() throws Exception {
        ContentResponse response = https.GET("https://localhost:" + port + "/index.html");
        assertEquals(200, response.getStatus());
        assertTrue(response.getContentAsString().contains("hello from web"));
        assertEquals("max-age=43200, public", response.getHeaders().get("Cache-Control"));
        assertNull(response.getHeaders().get("Server"), "no Server header unless show_server_version");

        ContentResponse root = https.GET("https://localhost:" + port + "/");
        assertEquals(200, root.getStatus());
        assertTrue(root.getContentAsString().contains("hello from web"), "index.html served for /");
    }

    @Test
    void unknownPathIsAPlain404() throws Exception {
        ContentResponse response = https.GET("https://localhost:" + port + "/no/such/file.txt");
        assertEquals(404, response.getStatus());
        String body = response.getContentAsString().toLowerCase();
        assertFalse(body.contains("jetty"), body);
        assertFalse(body.contains("servlet"), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack", "cbor"})
    void publishAndSubscribeBetweenTwoAutobahnSessions(String serializer) throws Exception {
        JsonNode result = client().option("serializer", serializer).run("pubsub");
        assertEquals(1, result.get("subscribed").asInt());
        assertTrue(result.get("published").asBoolean(), "PUBLISHED acknowledged");
        JsonNode event = result.get("event");
        assertEquals("[1,\"two\",{\"three\":3}]", event.get("args").toString());
        assertEquals("{\"x\":3,\"y\":[true,null]}", event.get("kwargs").toString());
    }

    @Test
    void welcomeNamesRealmRoleAndMethod() throws Exception {
        JsonNode welcome = client().run("join").get("welcome");
        assertEquals("realm1", welcome.get("realm").asText());
        assertEquals("anonymous", welcome.get("authrole").asText());
        assertEquals("anonymous", welcome.get("authmethod").asText());
        assertEquals("wamp.2.json", welcome.get("protocol").asText());
        long session = welcome.get("session").asLong();
        assertTrue(session >= 1 && session <= (1L << 53), "session id in [1, 2^53]: " + session);
    }

    @Test
    void unknownRealmIsAborted() throws Exception {
        JsonNode result = client().option("realm", "nosuchrealm").run("refused");
        assertFalse(result.get("joined").asBoolean());
        assertEquals("wamp.error.no_such_realm", result.get("reason").asText());
    }

    @Test
    void remoteProcedureCall() throws Exception {
        JsonNode result = client().run("rpc");
        assertEquals(5, result.get("result").asInt());
        assertEquals("wamp.error.no_such_procedure", result.get("missing").asText());
    }

    @Test
    void portInUseFailsNamingTransportAndPortAndLeavesNothingListening() throws Exception {
        int otherPort = TestNode.freePort();
        String transports = "[" + TestNode.tlsWebTransport(otherPort).replace("web_tls", "web_first") + ","
                + TestNode.tlsWebTransport(port).replace("web_tls", "web_clash") + "]";
        TestNode second = TestNode.create(tmp.resolve("clash")).config(TestNode.routerConfig(transports));
        Node clashing = NodeFactory.create(ConfigLoader.load(second.dir));

        NodeStartException e = assertThrows(NodeStartException.class, clashing::start);
        assertTrue(e.getMessage().contains("web_clash"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(port)), e.getMessage());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", otherPort).close(),
                "the transport that did open was closed again");
        assertEquals(200, https.GET("https://localhost:" + port + "/").getStatus(), "the first node is untouched");
    }

    private static WampClient client() {
        return WampClient.at("wss://localhost:" + port + "/ws").trusting(nodeDir.ca());
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
