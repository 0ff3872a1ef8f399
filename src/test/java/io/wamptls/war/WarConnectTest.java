package io.wamptls.war;

import io.wamptls.testing.Http2Exchange;
import io.wamptls.testing.LogCapture;
import io.wamptls.testing.RawWebSocket;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WAR's WAMP endpoint refuses an extended CONNECT for a protocol other than WebSocket by itself, as the node's
 * ConnectGuard does: in a host there is no ConnectGuard in front, and Jetty's upgrade answered 500. The WAR's
 * listener runs here in an embedded Jetty with an h2c connector, as a host's {@code ee10-deploy} would run it, without
 * the web application class loader (WarIT runs the real one, with a jetty-home).
 */
class WarConnectTest {
    static Server server;
    static int port;
    static HTTP2Client client;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        HTTP2CServerConnectionFactory h2c = new HTTP2CServerConnectionFactory(http);
        h2c.setConnectProtocolEnabled(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http), h2c);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/wamp-tls");
        JakartaWebSocketServletContainerInitializer.configure(context, null);
        context.addEventListener(new WampWebApp());
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
        client = new HTTP2Client();
        client.start();
    }

    @AfterAll
    static void stop() throws Exception {
        client.stop();
        server.stop();
    }

    @Test
    void anExtendedConnectForAnotherProtocolGets400AndAWebSocketConnectStillWorks() throws Exception {
        Session session = client.connect(new InetSocketAddress("127.0.0.1", port), new Session.Listener() { })
                .get(10, TimeUnit.SECONDS);
        try (LogCapture log = LogCapture.start()) {
            Http2Exchange refused = Http2Exchange.send(session, connect("foo"));
            assertEquals(400, refused.status());
            String type = refused.response().getHttpFields().get(HttpHeader.CONTENT_TYPE);
            assertTrue(type != null && type.startsWith("text/plain"), type);
            String body = refused.bodyText();
            assertTrue(body.contains("unsupported :protocol 'foo'") && body.strip().lines().count() == 1, body);
            assertEquals(List.of(), log.aboveDebugOnceSettled(), "nothing above DEBUG, no trace");
        }

        Http2Exchange webSocket = Http2Exchange.send(session, connect("websocket"));
        assertEquals(200, webSocket.status(), "RFC 8441 WebSocket opened");
        webSocket.sendFrame(RawWebSocket.TEXT, "[1,\"realm1\",{\"roles\":{\"subscriber\":{}}}]");
        String welcome = webSocket.readFrame().text();
        assertTrue(welcome.startsWith("[2,"), welcome);
    }

    private static MetaData.ConnectRequest connect(String protocol) {
        return new MetaData.ConnectRequest(HttpScheme.HTTP, new HostPortHttpField("127.0.0.1:" + port),
                "/wamp-tls" + WampWebApp.WAMP_PATH,
                HttpFields.build().put("Sec-WebSocket-Version", "13").put("Sec-WebSocket-Protocol", "wamp.2.json"),
                protocol);
    }
}
