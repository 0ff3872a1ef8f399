package io.wamptls.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamptls.config.ConfigLoader;
import io.wamptls.testing.TestNode;
import io.wamptls.testing.WampClient;
import io.wamptls.websocket.WampEndpointSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A subscriber that stops reading (wire-client.js {@code backpressure}: a raw ws client with its socket paused)
 * while a publisher blasts events to it and to a fast autobahn subscriber. Once the kernel buffers are full its
 * outbound queue (lowered here to {@value #QUEUE} messages) overflows and the router drops it, logging why; the
 * publisher and the fast subscriber carry on.
 */
class BackPressureTest {
    private static final int QUEUE = 64;
    private static final int EVENTS = 4000;

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
        System.setProperty(WampEndpointSettings.MAX_QUEUED_MESSAGES_PROPERTY, String.valueOf(QUEUE));
        try {
            node = NodeFactory.create(ConfigLoader.load(nodeDir.dir));
        } finally {
            System.clearProperty(WampEndpointSettings.MAX_QUEUED_MESSAGES_PROPERTY);
        }
        node.start();
    }

    @AfterAll
    static void stopNode() {
        node.stop();
    }

    @Test
    void aSubscriberThatStopsReadingIsDroppedWhileTheOthersKeepGoing() throws Exception {
        JsonNode result = WampClient.at("wss://localhost:" + port + "/").script("wire-client.js")
                .trusting(nodeDir.ca()).option("events", EVENTS).option("bytes", 8192).run("backpressure");
        System.out.println(result); // the figures, in the surefire report

        assertEquals(EVENTS, result.at("/alone/delivered").asInt(), result.toString());
        assertEquals(EVENTS, result.at("/withSlow/delivered").asInt(), "the fast subscriber got every event: " + result);
        assertTrue(result.at("/slowReceived").asInt() < EVENTS, "the slow subscriber was cut off: " + result);
        assertEquals(1006, result.at("/slowClose/code").asInt(), "dropped without a close handshake: " + result);
        // the machine is shared, so only a gross slowdown counts as the slow reader holding up the others
        double ratio = result.at("/withSlow/eventsPerSecond").asDouble() / result.at("/alone/eventsPerSecond").asDouble();
        assertTrue(ratio > 0.4, "publishing kept its pace (" + ratio + "): " + result);
    }
}
