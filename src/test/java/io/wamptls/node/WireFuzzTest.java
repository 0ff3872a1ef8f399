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

/**
 * The protocol fuzz test over the wire (wire-client.js {@code fuzz}): raw sessions send random and mutated WAMP
 * messages (wrong element types, missing or extra elements, huge ids, unknown codes, invalid JSON, binary frames on
 * a JSON session), each followed by a probe SUBSCRIBE, while two autobahn sessions publish and call beside them.
 * Each bad frame is either survived (the probe is answered) or ends its session with ABORT
 * wamp.error.protocol_violation naming the message type (a binary frame may just close); the autobahn sessions
 * never miss an event or a result. The seed is random per run and printed on failure.
 */
class WireFuzzTest {
    private static final int MESSAGES = 300;

    @TempDir
    static Path tmp;
    static TestNode nodeDir;
    static Node node;
    static int port;

    @BeforeAll
    static void startNode() throws Exception {
        port = TestNode.freePort();
        nodeDir = TestNode.create(tmp.resolve("node"))
                .config(TestNode.routerConfig("[" + TestNode.tlsWebSocketTransport(port, "") + "]"));
        node = NodeFactory.create(ConfigLoader.load(nodeDir.dir));
        node.start();
    }

    @AfterAll
    static void stopNode() {
        node.stop();
    }

    @Test
    void badSessionsAreAbortedAndNeverDisturbAWellBehavedOne() throws Exception {
        JsonNode result = WampClient.at("wss://localhost:" + port + "/").script("wire-client.js")
                .trusting(nodeDir.ca()).option("messages", MESSAGES).run("fuzz");
        System.out.println(result); // the figures, in the surefire report

        JsonNode fuzz = result.get("fuzz");
        assertEquals(MESSAGES, fuzz.get("sent").asInt(), result.toString());
        assertEquals(0, fuzz.get("violations").size(), "bad sessions ended wrongly: " + result);
        assertTrue(fuzz.get("aborted").asInt() > MESSAGES / 3, "most bad frames are violations: " + result);
        JsonNode steady = result.get("steady");
        assertEquals(0, steady.get("disturbances").size(), "the well-behaved sessions were disturbed: " + result);
        assertTrue(steady.get("rounds").asInt() > 10, "the well-behaved sessions ran beside the fuzzer: " + result);
        assertEquals(0, node.router().sessionCount(), "no session left behind");
    }
}
