package io.wamptls.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamptls.config.ConfigLoader;
import io.wamptls.node.Node;
import io.wamptls.node.NodeFactory;
import io.wamptls.testing.Curl;
import io.wamptls.testing.TestNode;
import io.wamptls.testing.WampClient;
import io.wamptls.testing.WsProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WebSocket options of Crossbar's §4.4, on web paths and on a websocket transport, with a raw ws client. */
class WebSocketOptionsTest {
    @TempDir
    static Path tmp;

    static TestNode dir;
    static Node node;
    static int webPort;
    static int wsPort;

    @BeforeAll
    static void start() throws Exception {
        webPort = TestNode.freePort();
        wsPort = TestNode.freePort();
        dir = TestNode.create(tmp.resolve("node"));
        String web = """
                {"type": "web", "id": "web_tls",
                 "endpoint": {"type": "tcp", "port": %d, "interface": "127.0.0.1",
                              "tls": {"key": "server.key", "certificate": "server.crt"}},
                 "paths": {
                   "/": {"type": "static", "directory": "web"},
                   "ws": {"type": "websocket", "serializers": ["json"]},
                   "small": {"type": "websocket", "options": {"max_message_size": 1024,
                             "auto_ping_interval": 1000, "auto_ping_timeout": 1000, "auto_ping_size": 20}},
                   "strict": {"type": "websocket", "options": {"allowed_origins": ["https://*.example.com:443"],
                              "allow_null_origin": false, "enable_webstatus": false, "external_port": 443}},
                   "deflate": {"type": "websocket", "options": {"compression": {"deflate":
                              {"request_no_context_takeover": false, "no_context_takeover": true}}}},
                   "loose": {"type": "websocket", "options": {"require_websocket_subprotocol": false}}
                 }}
                """.formatted(webPort);
        String ws = """
                {"type": "websocket", "id": "ws_only",
                 "endpoint": {"type": "tcp", "port": %d, "interface": "127.0.0.1",
                              "tls": {"key": "server.key", "certificate": "server.crt"}},
                 "options": {"max_frame_size": 2048, "show_server_version": true, "open_handshake_timeout": 2000}}
                """.formatted(wsPort);
        dir.config(TestNode.routerConfig("[" + web + "," + ws + "]"));
        node = NodeFactory.create(ConfigLoader.load(dir.dir));
        node.start();
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    private static WsProbe probe(String scenario, String path) {
        return WsProbe.of(scenario, "wss://localhost:" + webPort + path).option("ca", dir.ca());
    }

    @Test
    void subprotocolIsRequiredAndTheRefusalNamesTheOnesSpoken() throws Exception {
        JsonNode none = probe("handshake", "/ws").run();
        assertEquals(400, none.get("status").asInt());
        assertTrue(none.get("body").asText().contains("This server only speaks WebSocket subprotocols wamp.2.json"),
                none.toString());
        JsonNode other = probe("handshake", "/ws").option("protocols", "mqtt").run();
        assertEquals(400, other.get("status").asInt());

        JsonNode ok = probe("handshake", "/ws").option("protocols", "mqtt,wamp.2.json").run();
        assertTrue(ok.get("opened").asBoolean(), ok.toString());
        assertEquals("wamp.2.json", ok.get("protocol").asText());

        JsonNode loose = probe("handshake", "/loose").run();
        assertTrue(loose.get("opened").asBoolean(), loose.toString());
        assertEquals("", loose.get("protocol").asText());
    }

    @Test
    void originsAreCheckedWithCrossbarsWildcards() throws Exception {
        JsonNode evil = probe("handshake", "/strict").option("protocols", "wamp.2.json")
                .option("origin", "https://evil.com").option("host", "localhost:443").run();
        assertEquals(403, evil.get("status").asInt());
        JsonNode nullOrigin = probe("handshake", "/strict").option("protocols", "wamp.2.json")
                .option("origin", "null").option("host", "localhost:443").run();
        assertEquals(403, nullOrigin.get("status").asInt());
        JsonNode good = probe("handshake", "/strict").option("protocols", "wamp.2.json")
                .option("origin", "https://app.example.com").option("host", "localhost:443").run();
        assertTrue(good.get("opened").asBoolean(), good.toString());
        JsonNode anyOrigin = probe("handshake", "/ws").option("protocols", "wamp.2.json")
                .option("origin", "null").run();
        assertTrue(anyOrigin.get("opened").asBoolean(), "allow_null_origin defaults to true");
    }

    @Test
    void externalPortMustMatchTheHostHeader() throws Exception {
        JsonNode wrongPort = probe("handshake", "/strict").option("protocols", "wamp.2.json").run();
        assertEquals(400, wrongPort.get("status").asInt(), wrongPort.toString());
    }

    @Test
    void webstatusPageOr426() throws Exception {
        Curl.Response page = Curl.run(dir.ca(), "https://localhost:" + webPort + "/ws");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("wamp.2.json"));
        assertEquals(426, Curl.run(dir.ca(), "https://localhost:" + webPort + "/strict").status());
    }

    @Test
    void oversizedMessageClosesWith1009() throws Exception {
        JsonNode fits = probe("idle", "/small").option("protocols", "wamp.2.json").option("wait", 100).run();
        assertTrue(fits.get("stillOpen").asBoolean(), fits.toString());
        JsonNode big = probe("big", "/small").option("protocols", "wamp.2.json").option("size", 4096).run();
        assertEquals(1009, big.get("closeCode").asInt(), big.toString());
    }

    @Test
    void maxFrameSizeOnTheWebsocketTransport() throws Exception {
        JsonNode big = WsProbe.of("big", "wss://localhost:" + wsPort + "/").option("ca", dir.ca())
                .option("protocols", "wamp.2.json").option("size", 4096).run();
        assertEquals(1009, big.get("closeCode").asInt(), big.toString());
    }

    @Test
    void autoPingDropsASilentClientAndKeepsAnAnsweringOne() throws Exception {
        JsonNode silent = probe("idle", "/small").option("protocols", "wamp.2.json").option("autoPong", false)
                .option("wait", 3000).run();
        assertTrue(silent.get("pings").asInt() >= 1, silent.toString());
        assertEquals(1006, silent.get("closeCode").asInt(), "dropped without a closing handshake: " + silent);
        assertTrue(silent.get("closedAfterMs").asInt() < 3500, silent.toString());

        JsonNode answering = probe("idle", "/small").option("protocols", "wamp.2.json").option("wait", 2500).run();
        assertTrue(answering.get("pings").asInt() >= 2, answering.toString());
        assertTrue(answering.get("stillOpen").asBoolean(), answering.toString());
    }

    @Test
    void permessageDeflateOnlyWhenConfigured() throws Exception {
        JsonNode on = probe("handshake", "/deflate").option("protocols", "wamp.2.json").option("deflate", true)
                .run();
        String negotiated = on.get("upgradeHeaders").get("sec-websocket-extensions").asText();
        assertEquals("permessage-deflate;server_no_context_takeover", negotiated);
        JsonNode off = probe("handshake", "/ws").option("protocols", "wamp.2.json").option("deflate", true).run();
        assertEquals("", off.get("extensions").asText(), off.toString());
    }

    @Test
    void websocketTransportOnItsOwnPortWithWampAndServerVersion() throws Exception {
        JsonNode result = WampClient.at("wss://localhost:" + wsPort + "/").trusting(dir.ca()).run("rpc");
        assertEquals(5, result.get("result").asInt());
        JsonNode handshake = WsProbe.of("handshake", "wss://localhost:" + wsPort + "/").option("ca", dir.ca())
                .option("protocols", "wamp.2.json").run();
        assertTrue(handshake.get("upgradeHeaders").get("server").asText().startsWith("wamp-tls/"),
                handshake.toString());
        JsonNode web = probe("handshake", "/ws").option("protocols", "wamp.2.json").run();
        assertNull(web.get("upgradeHeaders").get("server"), "no Server header by default");
    }
}
