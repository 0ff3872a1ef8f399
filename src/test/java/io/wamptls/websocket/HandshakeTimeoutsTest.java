package io.wamptls.websocket;

import io.wamptls.config.ConfigLoader;
import io.wamptls.node.Node;
import io.wamptls.node.NodeFactory;
import io.wamptls.testing.HttpsClients;
import io.wamptls.testing.RawHttp;
import io.wamptls.testing.RawWebSocket;
import io.wamptls.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code open_handshake_timeout} and {@code close_handshake_timeout} with raw sockets that stop half-way: a
 * connection that never completes its upgrade, and a peer that never answers the router's close frame.
 */
class HandshakeTimeoutsTest {
    /** SUBSCRIBE before HELLO: the router answers ABORT wamp.error.protocol_violation and closes the WebSocket. */
    private static final String VIOLATION = "[32,1,{},\"com.example.topic\"]";

    @TempDir
    static Path tmp;

    static TestNode dir;
    static Node node;
    static int wsPort;
    static int webPort;

    @BeforeAll
    static void start() throws Exception {
        wsPort = TestNode.freePort();
        webPort = TestNode.freePort();
        dir = TestNode.create(tmp.resolve("node"));
        String ws = TestNode.tlsWebSocketTransport(wsPort,
                "\"options\": {\"open_handshake_timeout\": 1500, \"close_handshake_timeout\": 1500}");
        String web = """
                {"type": "web", "id": "web_plain",
                 "endpoint": {"type": "tcp", "port": %d, "interface": "127.0.0.1"},
                 "options": {"client_timeout": 4},
                 "paths": {
                   "/": {"type": "static", "directory": "web"},
                   "ws": {"type": "websocket",
                          "options": {"open_handshake_timeout": 1000, "close_handshake_timeout": 1500}},
                   "nowait": {"type": "websocket"}
                 }}
                """.formatted(webPort);
        dir.config(TestNode.routerConfig("[" + ws + "," + web + "]"));
        node = NodeFactory.create(ConfigLoader.load(dir.dir));
        node.start();
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    /** Gets the router to close the session, reads ABORT and the close frame, and leaves the close unanswered. */
    private static RawWebSocket closedByTheRouter(Socket socket, String path) throws IOException {
        RawWebSocket ws = RawWebSocket.open(socket, path, "wamp.2.json");
        ws.sendText(VIOLATION);
        RawWebSocket.Frame abort = ws.read();
        assertEquals(RawWebSocket.TEXT, abort.opcode());
        assertTrue(abort.text().startsWith("[3,") && abort.text().contains("wamp.error.protocol_violation"),
                abort.text());
        assertEquals(RawWebSocket.CLOSE, ws.read().opcode(), "the router closes the WebSocket after ABORT");
        return ws;
    }

    @Test
    void closeHandshakeTimeoutDropsAPeerThatNeverAnswersTheCloseFrame() throws Exception {
        try (RawWebSocket ws = closedByTheRouter(new Socket("127.0.0.1", webPort), "/ws")) {
            long millis = ws.millisUntilDropped(8000);
            assertTrue(millis >= 1000 && millis < 4500, "close_handshake_timeout 1500 ms, dropped after " + millis
                    + " ms");
        }
    }

    @Test
    void aPeerThatAnswersTheCloseFrameIsClosedAtOnce() throws Exception {
        try (RawWebSocket ws = closedByTheRouter(new Socket("127.0.0.1", webPort), "/ws")) {
            ws.sendClose(1000);
            long millis = ws.millisUntilDropped(8000);
            assertTrue(millis >= 0 && millis < 1000, "closed by the handshake, not the 1500 ms timeout: " + millis);
        }
    }

    @Test
    void withoutCloseHandshakeTimeoutAnUnansweredCloseKeepsTheConnection() throws Exception {
        try (RawWebSocket ws = closedByTheRouter(new Socket("127.0.0.1", webPort), "/nowait")) {
            assertEquals(-1, ws.millisUntilDropped(3000), "still open 3 s after the close frame");
        }
    }

    /**
     * On a {@code websocket} transport, a connection that has not completed its upgrade request within
     * {@code open_handshake_timeout} is closed, whether it never starts TLS, stops after the TLS handshake or stops
     * in the middle of the request; an upgraded one stays open after that time.
     */
    @Test
    void openHandshakeTimeoutClosesConnectionsThatNeverCompleteTheUpgrade() throws Exception {
        long start = System.nanoTime();
        try (Socket noTls = new Socket("127.0.0.1", wsPort);
             Socket tlsOnly = HttpsClients.socket(dir.ca(), wsPort);
             Socket partial = HttpsClients.socket(dir.ca(), wsPort);
             RawWebSocket upgraded = RawWebSocket.open(HttpsClients.socket(dir.ca(), wsPort), "/", "wamp.2.json")) {
            RawHttp.send(partial, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n");
            for (Socket socket : List.of(noTls, tlsOnly, partial)) {
                long millis = RawWebSocket.millisUntilClosed(socket, start, 8000);
                assertTrue(millis >= 1200 && millis < 5000, "open_handshake_timeout 1500 ms, closed after "
                        + millis + " ms");
            }
            assertEquals(-1, upgraded.millisUntilDropped(1500), "an open WebSocket outlives the open timeout");
        }
    }

    /**
     * On a {@code web} transport the WebSocket path's {@code open_handshake_timeout} does not shorten what an
     * unfinished request or an idle keep-alive connection gets: as in Crossbar, whose WebSocket resource only sees a
     * connection once Twisted Web has read the whole request, {@code client_timeout} (4 s here) governs them.
     */
    @Test
    void onAWebTransportClientTimeoutGovernsConnectionsThatHaveNotUpgraded() throws Exception {
        long start = System.nanoTime();
        try (Socket silent = new Socket("127.0.0.1", webPort);
             Socket partial = new Socket("127.0.0.1", webPort);
             Socket keepAlive = new Socket("127.0.0.1", webPort)) {
            RawHttp.send(partial,
                    "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n");
            RawHttp.send(keepAlive, "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RawHttp.Response page = RawHttp.read(keepAlive);
            assertEquals(200, page.status(), page.head());
            long served = System.nanoTime();
            for (Socket socket : List.of(silent, partial)) {
                long millis = RawWebSocket.millisUntilClosed(socket, start, 10_000);
                assertTrue(millis >= 3500 && millis < 8000, "client_timeout 4 s, closed after " + millis + " ms");
            }
            long millis = RawWebSocket.millisUntilClosed(keepAlive, served, 10_000);
            assertTrue(millis >= 3500 && millis < 8000, "keep-alive for client_timeout 4 s, closed after " + millis
                    + " ms");
        }
    }

}
