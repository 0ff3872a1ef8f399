package io.wamptls.node;

import io.wamptls.config.ConfigLoader;
import io.wamptls.testing.RawHttp;
import io.wamptls.testing.TestNode;
import org.eclipse.jetty.alpn.server.ALPNServerConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How TLS connectors are put together for speed: the handshake runs in Jetty's ALPN connection, which Jetty runs on
 * the selector thread (a standalone {@code websocket} transport too, offering http/1.1 only), and such connectors get
 * a selector per core so that handshakes can use every core.
 */
class ConnectorsTest {

    @TempDir
    Path dir;

    @Test
    void websocketTransportNegotiatesHttp11ThroughAlpnAndServesClientsWithoutIt() throws Exception {
        int port = TestNode.freePort();
        TestNode files = TestNode.create(dir);
        files.config(TestNode.routerConfig("[" + TestNode.tlsWebSocketTransport(port, "") + "]"));
        Node node = NodeFactory.create(ConfigLoader.load(dir));
        Queue<Connection> opened = new ConcurrentLinkedQueue<>();
        node.server().getConnectors()[0].addBean(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                opened.add(connection);
            }
        });
        node.start();
        try {
            try (SSLSocket offering = socket(files.ca(), port, "h2", "http/1.1")) {
                offering.startHandshake();
                assertEquals("http/1.1", offering.getApplicationProtocol());
                assertStatusPage(offering);
            }
            try (SSLSocket silent = socket(files.ca(), port)) {
                silent.startHandshake();
                assertEquals("", silent.getApplicationProtocol());
                assertStatusPage(silent);
            }
            assertEquals(2, opened.stream().filter(ALPNServerConnection.class::isInstance).count(),
                    "connections opened: " + opened);
        } finally {
            node.stop();
        }
    }

    @Test
    void tlsConnectorsGetASelectorPerCore() throws Exception {
        int tlsWs = TestNode.freePort();
        int tlsWeb = TestNode.freePort();
        int plain = TestNode.freePort();
        TestNode.create(dir).config(TestNode.routerConfig("[" + TestNode.tlsWebSocketTransport(tlsWs, "") + ", "
                + TestNode.tlsWebTransport(tlsWeb) + ", "
                + """
                {"type": "web", "id": "web_plain", "endpoint": {"type": "tcp", "port": %d, "interface": "127.0.0.1"},
                 "paths": {"/": {"type": "static", "directory": "web"}}}""".formatted(plain) + "]"));
        Node node = NodeFactory.create(ConfigLoader.load(dir));
        node.start();
        try {
            Map<Integer, Integer> selectors = java.util.Arrays.stream(node.server().getConnectors())
                    .map(ServerConnector.class::cast)
                    .collect(Collectors.toMap(ServerConnector::getLocalPort,
                            c -> c.getSelectorManager().getSelectorCount()));
            // the standalone node's pool has Jetty's default of at most 200 threads
            int perCore = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 200 / 16));
            assertEquals(perCore, selectors.get(tlsWs), "selectors: " + selectors);
            assertEquals(perCore, selectors.get(tlsWeb), "selectors: " + selectors);
            // plain connectors keep Jetty's default, one per two cores
            assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), selectors.get(plain),
                    "selectors: " + selectors);
        } finally {
            node.stop();
        }
    }

    private static void assertStatusPage(SSLSocket socket) throws Exception {
        RawHttp.send(socket, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        RawHttp.Response response = RawHttp.read(socket);
        assertEquals(200, response.status(), response.head());
        assertTrue(response.body().contains("WAMP"), response.body());
    }

    private static SSLSocket socket(Path caFile, int port, String... alpn) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        if (alpn.length > 0) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(alpn);
            socket.setSSLParameters(parameters);
        }
        return socket;
    }
}
