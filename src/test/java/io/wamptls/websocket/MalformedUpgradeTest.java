package io.wamptls.websocket;

import io.wamptls.config.ConfigLoader;
import io.wamptls.node.Node;
import io.wamptls.node.NodeFactory;
import io.wamptls.testing.HttpsClients;
import io.wamptls.testing.LogCapture;
import io.wamptls.testing.RawHttp;
import io.wamptls.testing.RawWebSocket;
import io.wamptls.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed WebSocket upgrade requests, sent over TLS on raw sockets to a standalone {@code websocket} transport and
 * to the {@code ws} path of a {@code web} transport, get 400 with a one-line plain-text reason, without the URL or a
 * {@code Server} header (Jetty alone throws and answers 500 with a WARN stack trace per request, and answers an
 * {@code Upgrade} without {@code Connection: Upgrade} with its HTML error page); nothing is logged above DEBUG, and
 * a correct upgrade on the same node works right after.
 */
class MalformedUpgradeTest {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    @TempDir
    static Path tmp;

    static TestNode dir;
    static Node node;
    static int wsPort;
    static int webPort;

    /** One malformed request: null leaves the header out. */
    record Malformed(String name, String httpVersion, String connection, String key, String version,
                     String reasonMentions) {
        @Override
        public String toString() {
            return name;
        }

        String request(String path, int port) {
            return "GET " + path + " " + httpVersion + "\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + (connection == null ? "" : "Connection: " + connection + "\r\n")
                    + (key == null ? "" : "Sec-WebSocket-Key: " + key + "\r\n")
                    + (version == null ? "" : "Sec-WebSocket-Version: " + version + "\r\n")
                    + "Sec-WebSocket-Protocol: wamp.2.json\r\n\r\n";
        }
    }

    private static final List<Malformed> MALFORMED = List.of(
            new Malformed("no key", "HTTP/1.1", "Upgrade", null, "13", "Sec-WebSocket-Key"),
            new Malformed("key not base64", "HTTP/1.1", "Upgrade", "not a key!", "13", "Sec-WebSocket-Key"),
            new Malformed("key of 10 bytes", "HTTP/1.1", "Upgrade", "dGhlIHNhbXBsZQ==", "13", "Sec-WebSocket-Key"),
            new Malformed("no version", "HTTP/1.1", "Upgrade", KEY, null, "Sec-WebSocket-Version"),
            new Malformed("version 8", "HTTP/1.1", "Upgrade", KEY, "8", "Sec-WebSocket-Version"),
            new Malformed("version not a number", "HTTP/1.1", "Upgrade", KEY, "thirteen", "Sec-WebSocket-Version"),
            new Malformed("HTTP/1.0", "HTTP/1.0", "Upgrade", KEY, "13", "HTTP/1.1"),
            new Malformed("no Connection header", "HTTP/1.1", null, KEY, "13", "Connection: Upgrade"),
            new Malformed("Connection: keep-alive", "HTTP/1.1", "keep-alive", KEY, "13", "Connection: Upgrade"));

    @BeforeAll
    static void start() throws Exception {
        wsPort = TestNode.freePort();
        webPort = TestNode.freePort();
        dir = TestNode.create(tmp.resolve("node"));
        dir.config(TestNode.routerConfig("[" + TestNode.tlsWebSocketTransport(wsPort, "") + ","
                + TestNode.tlsWebTransport(webPort) + "]"));
        node = NodeFactory.create(ConfigLoader.load(dir.dir));
        node.start();
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    static Stream<Arguments> requests() {
        return Stream.of("websocket transport", "web transport ws path")
                .flatMap(endpoint -> MALFORMED.stream().map(malformed -> Arguments.of(endpoint, malformed)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("requests")
    void aMalformedUpgradeGets400WithItsReasonAndNoStackTrace(String endpoint, Malformed malformed) throws Exception {
        boolean web = endpoint.startsWith("web");
        int port = web ? webPort : wsPort;
        String path = web ? "/ws" : "/any-path";
        RawHttp.Response response;
        List<String> logged;
        try (LogCapture log = LogCapture.start(); Socket socket = HttpsClients.socket(dir.ca(), port)) {
            RawHttp.send(socket, malformed.request(path, port));
            response = RawHttp.read(socket);
            logged = log.aboveDebugOnceSettled();
        }
        assertEquals(400, response.status(), response.head());
        assertTrue(response.header("Content-Type").orElse("").startsWith("text/plain"), response.head());
        String body = response.body();
        assertTrue(body.contains(malformed.reasonMentions()), "reason names " + malformed.reasonMentions() + ": "
                + body);
        assertTrue(body.length() < 200 && body.strip().lines().count() == 1, "one short line: " + body);
        assertFalse(body.contains(path), "no URL echo: " + body);
        assertEquals(Optional.empty(), response.header("Server"), response.head());
        if (malformed.reasonMentions().equals("Sec-WebSocket-Version")) {
            assertEquals(Optional.of("13"), response.header("Sec-WebSocket-Version"), "RFC 6455 §4.4:\n"
                    + response.head());
        }
        assertEquals(List.of(), logged, "nothing above DEBUG, no stack trace");
        assertACorrectUpgradeWorks(port, path);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("blank Host", "GET / HTTP/1.1\r\nHost: \r\n\r\n", "Blank Host"),
                Arguments.of("h2c upgrade without Connection",
                        "GET /index.html HTTP/1.1\r\nHost: localhost\r\nUpgrade: h2c\r\n\r\n", "400 Bad Request"),
                Arguments.of("header without a colon", "GET /index.html HTTP/1.1\r\nHost: localhost\r\nbroken\r\n\r\n",
                        "400 Bad Request"),
                Arguments.of("bad method", "G@T /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n",
                        "Illegal character"),
                Arguments.of("request line with a fourth word",
                        "GET /index.html HTTP/1.1 extra\r\nHost: localhost\r\n\r\n", "Illegal character"));
    }

    /** Requests Jetty refuses before any handler: a plain line, not Jetty's HTML page echoing the URL. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aRequestJettyRefusesEarlyGetsAPlainLine(String name, String request, String expected) throws Exception {
        RawHttp.Response response;
        List<String> logged;
        try (LogCapture log = LogCapture.start(); Socket socket = HttpsClients.socket(dir.ca(), webPort)) {
            RawHttp.send(socket, request);
            response = RawHttp.read(socket);
            logged = log.aboveDebugOnceSettled();
        }
        assertEquals(400, response.status(), response.head());
        assertTrue(response.header("Content-Type").orElse("").startsWith("text/plain"), response.head());
        assertTrue(response.body().startsWith("400 Bad Request") && response.body().contains(expected),
                response.body());
        assertFalse(response.body().contains("<") || response.body().contains("index.html"), response.body());
        assertEquals(Optional.empty(), response.header("Server"), response.head());
        assertEquals(List.of(), logged, "nothing above DEBUG");
        assertACorrectUpgradeWorks(webPort, "/ws");
    }

    /** HELLO gets WELCOME on a new connection: the node is unharmed. */
    private static void assertACorrectUpgradeWorks(int port, String path) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(HttpsClients.socket(dir.ca(), port), path, "wamp.2.json")) {
            ws.sendText("[1,\"realm1\",{\"roles\":{\"subscriber\":{}}}]");
            String welcome = ws.read().text();
            assertTrue(welcome.startsWith("[2,"), welcome);
        }
    }

}
