package io.wamptls.tls;

import io.wamptls.config.ConfigLoader;
import io.wamptls.node.Node;
import io.wamptls.node.NodeFactory;
import io.wamptls.testing.TestNode;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Conscrypt opens a pipe for every TLS connection and closed it only when the garbage collector finalized the
 * engine: a node under short connections ran out of file descriptors. The node must free it when the connection
 * closes, however the client leaves. The test keeps every server connection reachable, so no finalizer can do it.
 */
class NativeEngineReleaseTest {

    @TempDir
    Path dir;

    @Test
    void closedConscryptConnectionsLeaveNoDescriptorsBehind() throws Exception {
        assumeTrue(TlsProviders.conscryptAvailable(), "Conscrypt's native library does not load here");
        int port = TestNode.freePort();
        TestNode.create(dir).config(TestNode.routerConfig("[" + TestNode.tlsWebTransport(port) + "]"));
        TlsProviders.setMode(TlsProviders.Mode.CONSCRYPT);
        Node node = NodeFactory.create(ConfigLoader.load(dir));
        Queue<Connection> kept = new ConcurrentLinkedQueue<>();
        for (Connector connector : node.server().getConnectors()) {
            connector.addBean(new Connection.Listener() {
                @Override
                public void onOpened(Connection connection) {
                    kept.add(connection);
                }
            });
        }
        try {
            node.start();
            handshakeAndClose(port, 5, true); // warm-up: lazily created pipes and selectors are not leaks
            long before = pipes();
            handshakeAndClose(port, 30, true);
            handshakeAndClose(port, 30, false);
            long after = waitForPipes(before, 5_000);
            assertTrue(kept.size() >= 65, "server saw " + kept.size() + " connections");
            assertEquals(before, after, "pipes open after 60 closed TLS connections");
        } finally {
            node.stop();
            TlsProviders.setMode(null);
        }
    }

    /** Full handshakes, then either a TLS close (close_notify) or an abrupt TCP close. */
    private static void handshakeAndClose(int port, int count, boolean closeNotify) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new TrustEverything()}, null);
        for (int i = 0; i < count; i++) {
            Socket tcp = new Socket("127.0.0.1", port);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, "localhost", port, true);
            tls.setEnabledProtocols(new String[]{i % 2 == 0 ? "TLSv1.3" : "TLSv1.2"});
            tls.startHandshake();
            if (closeNotify) {
                tls.close();
            } else {
                tcp.setSoLinger(true, 0);
                tcp.close();
            }
        }
    }

    private static long waitForPipes(long expected, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        long now = pipes();
        while (now != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            now = pipes();
        }
        return now;
    }

    private static long pipes() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("pipe:");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }

    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
