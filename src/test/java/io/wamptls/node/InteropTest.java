package io.wamptls.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamptls.config.ConfigLoader;
import io.wamptls.testing.TestNode;
import io.wamptls.testing.WampClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Independent WAMP clients (npm autobahn with JSON and MessagePack, npm wampy with JSON) run the same two-session
 * scenario over wss against both kinds of WAMP endpoint: a standalone {@code websocket} transport and the {@code ws}
 * path of a {@code web} transport. The scenarios live in src/test/node/wamp-client.js and wampy-client.js.
 */
class InteropTest {
    /** Steps every client reports; the scenario checks each one itself and reports ok or what it saw. */
    private static final List<String> STEPS = List.of("join", "subscribe", "publish_acknowledged", "call",
            "callee_error", "missing_procedure", "unsubscribe", "unregister", "leave");
    /** Only autobahn: wampy always asks for acknowledge and never sends exclude_me:false. */
    private static final List<String> AUTOBAHN_STEPS = List.of("publish_unacknowledged", "exclude_me_false");

    @TempDir
    static Path tmp;
    static TestNode nodeDir;
    static Node node;
    static int webPort;
    static int websocketPort;

    @BeforeAll
    static void startNode() throws Exception {
        webPort = TestNode.freePort();
        websocketPort = TestNode.freePort();
        nodeDir = TestNode.create(tmp.resolve("node")).config(TestNode.routerConfig("[" + TestNode.tlsWebTransport(webPort)
                + "," + TestNode.tlsWebSocketTransport(websocketPort, "") + "]"));
        node = NodeFactory.create(ConfigLoader.load(nodeDir.dir));
        node.start();
    }

    @AfterAll
    static void stopNode() {
        node.stop();
    }

    static Stream<Arguments> clientsAndEndpoints() {
        List<Arguments> all = new ArrayList<>();
        for (String endpoint : List.of("web transport ws path", "websocket transport")) {
            all.add(Arguments.of("wamp-client.js", "json", endpoint));
            all.add(Arguments.of("wamp-client.js", "msgpack", endpoint));
            all.add(Arguments.of("wampy-client.js", "json", endpoint));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} on the {2}")
    @MethodSource("clientsAndEndpoints")
    void twoSessionsThroughTheBasicProfile(String script, String serializer, String endpoint) throws Exception {
        String url = endpoint.startsWith("web") ? "wss://localhost:" + webPort + "/ws"
                : "wss://localhost:" + websocketPort + "/";
        JsonNode steps = WampClient.at(url).script(script).trusting(nodeDir.ca()).option("serializer", serializer)
                .run("interop").get("steps");

        List<String> expected = new ArrayList<>(STEPS);
        if (script.equals("wamp-client.js")) {
            expected.addAll(AUTOBAHN_STEPS);
        }
        assertAll(expected.stream().map(step -> () -> {
            JsonNode result = steps.get(step);
            assertTrue(result != null && result.get("ok").asBoolean(), step + ": " + result);
        }));
    }
}
