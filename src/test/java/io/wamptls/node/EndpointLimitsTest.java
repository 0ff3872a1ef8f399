package io.wamptls.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamptls.config.ConfigLoader;
import io.wamptls.testing.TestNode;
import io.wamptls.testing.WampClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A websocket transport's {@code serializers} and {@code max_message_size}, seen by a raw client over wss. */
class EndpointLimitsTest {
    @TempDir
    static Path tmp;
    static TestNode nodeDir;
    static Node node;
    static String url;

    @BeforeAll
    static void startNode() throws Exception {
        int port = TestNode.freePort();
        nodeDir = TestNode.create(tmp.resolve("node")).config(TestNode.routerConfig("[" + TestNode.tlsWebSocketTransport(
                port, "\"serializers\": [\"json\"], \"options\": {\"max_message_size\": 4096}") + "]"));
        node = NodeFactory.create(ConfigLoader.load(nodeDir.dir));
        node.start();
        url = "wss://localhost:" + port + "/";
    }

    @AfterAll
    static void stopNode() {
        node.stop();
    }

    private static WampClient wire() {
        return WampClient.at(url).script("wire-client.js").trusting(nodeDir.ca());
    }

    @Test
    void offeringOnlyAnUnspokenSerializerIsRefusedNamingTheSpokenOnes() throws Exception {
        JsonNode refused = wire().option("protocols", "wamp.2.msgpack").run("offer");
        assertEquals(400, refused.get("status").asInt(), refused.toString());
        assertEquals("This server only speaks WebSocket subprotocols wamp.2.json", refused.get("body").asText().strip());
    }

    @Test
    void theSpokenSerializerIsChosenFromTheOffer() throws Exception {
        JsonNode accepted = wire().option("protocols", "wamp.2.msgpack,wamp.2.json").run("offer");
        assertEquals("wamp.2.json", accepted.get("protocol").asText(), accepted.toString());
    }

    @Test
    void anOversizedMessageClosesOnlyItsOwnConnection() throws Exception {
        JsonNode result = wire().option("size", 10_000).run("oversized");
        assertEquals(1009, result.at("/bigClosed/code").asInt(), "1009 message too big: " + result);
        assertTrue(result.get("otherSubscribed").asBoolean(), "the other session still works: " + result);
    }

    @Test
    void aMessageWithinTheLimitIsAccepted() throws Exception {
        JsonNode result = wire().option("size", 1_000).run("oversized");
        assertEquals("still open", result.at("/bigClosed/code").asText(), result.toString());
    }
}
