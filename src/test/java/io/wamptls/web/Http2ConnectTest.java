package io.wamptls.web;

import io.wamptls.config.ConfigLoader;
import io.wamptls.node.Node;
import io.wamptls.node.NodeFactory;
import io.wamptls.testing.Http2Exchange;
import io.wamptls.testing.HttpsClients;
import io.wamptls.testing.LogCapture;
import io.wamptls.testing.RawHttp;
import io.wamptls.testing.RawWebSocket;
import io.wamptls.testing.TestNode;
import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.GoAwayFrame;
import org.eclipse.jetty.http2.frames.SettingsFrame;
import org.eclipse.jetty.io.ClientConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP/2 CONNECT requests that are not RFC 8441 WebSocket requests, sent as raw HEADERS frames with Jetty's
 * low-level HTTP2Client to a TLS {@code web} transport: a tunnel request (no {@code :protocol}), extended CONNECTs
 * for another protocol and WebSocket CONNECTs to a static path get a clean 4xx with a plain-text reason (as does a
 * WebSocket CONNECT without its version),
 * nothing is logged above DEBUG, and a WebSocket opened on the same connection before them, as well as a GET after
 * them, keep working. HTTP/1.1's CONNECT gets the same 405 as the HTTP/2 tunnel request.
 */
class Http2ConnectTest {
    @TempDir
    static Path tmp;

    static TestNode dir;
    static Node node;
    static int port;
    static HTTP2Client client;

    @BeforeAll
    static void start() throws Exception {
        port = TestNode.freePort();
        dir = TestNode.create(tmp.resolve("node"));
        dir.config(TestNode.routerConfig("[" + TestNode.tlsWebTransport(port) + "]"));
        node = NodeFactory.create(ConfigLoader.load(dir.dir));
        node.start();
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(HttpsClients.sslContextFactory(dir.ca()));
        client = new HTTP2Client(connector);
        client.start();
    }

    @AfterAll
    static void stop() throws Exception {
        client.stop();
        node.stop();
    }

    /** A CONNECT that is not a WebSocket request, and what it must get. */
    private record Refused(String name, MetaData.ConnectRequest request, int status, String reasonMentions) {
    }

    @Test
    void connectRequestsThatAreNotWebSocketsGet4xxAndLeaveOtherStreamsAlone() throws Exception {
        CompletableFuture<SettingsFrame> settings = new CompletableFuture<>();
        List<GoAwayFrame> goAways = new CopyOnWriteArrayList<>();
        Session session = client.connect(client.getClientConnector().getSslContextFactory(),
                new InetSocketAddress("127.0.0.1", port), new Session.Listener() {
                    @Override
                    public void onSettings(Session s, SettingsFrame frame) {
                        settings.complete(frame);
                    }

                    @Override
                    public void onGoAway(Session s, GoAwayFrame frame) {
                        goAways.add(frame);
                    }
                }).get(10, TimeUnit.SECONDS);
        assertEquals(1, settings.get(10, TimeUnit.SECONDS).getSettings().get(SettingsFrame.ENABLE_CONNECT_PROTOCOL),
                "the server offers RFC 8441");
        Http2Exchange webSocket = Http2Exchange.send(session, connect("/ws", "websocket"));
        assertEquals(200, webSocket.status(), "RFC 8441 WebSocket opened");

        List<Refused> refused = List.of(
                new Refused("tunnel", new MetaData.ConnectRequest(HttpScheme.HTTPS,
                        new HostPortHttpField("example.com:443"), null, HttpFields.EMPTY, null), 405, "CONNECT"),
                new Refused("other protocol on the WebSocket path", connect("/ws", "foo"), 400, "'foo'"),
                new Refused("other protocol on a static path", connect("/", "foo"), 400, "'foo'"),
                new Refused("WebSocket on a static directory", connect("/", "websocket"), 405,
                        "not a WebSocket endpoint"),
                new Refused("WebSocket on a static file", connect("/index.html", "websocket"), 405,
                        "not a WebSocket endpoint"),
                new Refused("WebSocket on a missing file", connect("/missing.html", "websocket"), 405,
                        "not a WebSocket endpoint"),
                new Refused("WebSocket without a version", connect("/ws", "websocket", HttpFields.EMPTY), 400,
                        "Sec-WebSocket-Version"));
        for (Refused r : refused) {
            try (LogCapture log = LogCapture.start()) {
                Http2Exchange exchange = Http2Exchange.send(session, r.request());
                assertEquals(r.status(), exchange.status(), r.name());
                MetaData.Response response = exchange.response();
                String type = response.getHttpFields().get(HttpHeader.CONTENT_TYPE);
                assertTrue(type != null && type.startsWith("text/plain"), r.name() + ": " + type);
                String body = exchange.bodyText();
                assertTrue(body.contains(r.reasonMentions()) && body.strip().lines().count() == 1,
                        r.name() + ": " + body);
                if (r.status() == 405) {
                    assertEquals("GET, HEAD", response.getHttpFields().get(HttpHeader.ALLOW), r.name());
                }
                if (r.reasonMentions().equals("Sec-WebSocket-Version")) {
                    assertEquals("13", response.getHttpFields().get(HttpHeader.SEC_WEBSOCKET_VERSION), r.name());
                }
                assertEquals(List.of(), log.aboveDebugOnceSettled(), r.name() + ": nothing above DEBUG, no trace");
            }
        }

        webSocket.sendFrame(RawWebSocket.TEXT, "[1,\"realm1\",{\"roles\":{\"subscriber\":{}}}]");
        String welcome = webSocket.readFrame().text();
        assertTrue(welcome.startsWith("[2,"), "the WebSocket opened before still works: " + welcome);
        Http2Exchange get = Http2Exchange.send(session, new MetaData.Request("GET", HttpURI.from("https://127.0.0.1:" + port + "/"),
                HttpVersion.HTTP_2, HttpFields.EMPTY));
        assertEquals(200, get.status());
        assertTrue(get.bodyText().contains("hello from web"), "a GET on the same connection is served");
        assertFalse(session.isClosed());
        assertEquals(List.of(), goAways, "the connection was never shut down");
    }

    /** HTTP/1.1 has CONNECT too (a proxy request), and gets the same answer. */
    @Test
    void anHttp11TunnelRequestGets405() throws Exception {
        try (Socket socket = HttpsClients.socket(dir.ca(), port)) {
            RawHttp.send(socket, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
            RawHttp.Response response = RawHttp.read(socket);
            assertEquals(405, response.status(), response.head());
            assertEquals(Optional.of("GET, HEAD"), response.header("Allow"));
            assertTrue(response.body().contains("CONNECT tunnels are not supported"), response.body());
        }
    }

    private MetaData.ConnectRequest connect(String path, String protocol) {
        return connect(path, protocol,
                HttpFields.build().put("Sec-WebSocket-Version", "13").put("Sec-WebSocket-Protocol", "wamp.2.json"));
    }

    private MetaData.ConnectRequest connect(String path, String protocol, HttpFields fields) {
        return new MetaData.ConnectRequest(HttpScheme.HTTPS, new HostPortHttpField("127.0.0.1:" + port), path, fields,
                protocol);
    }
}
