package io.wamptls.tls;

import org.eclipse.jetty.io.ssl.SslConnection;
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
import java.util.List;
import java.util.Queue;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        try (ConscryptNodeUnderTest node = ConscryptNodeUnderTest.start(dir)) {
            int port = node.port;
            Queue<SslConnection> kept = node.connections;
            handshakeAndClose(port, 5, true); // warm-up: lazily created pipes and selectors are not leaks
            long before = pipes();
            handshakeAndClose(port, 30, true);
            handshakeAndClose(port, 30, false);
            assertTrue(waitUntil(() -> kept.stream().noneMatch(c -> c.getEndPoint().isOpen()), 5_000),
                    "server connections still open");
            assertTrue(kept.size() >= 65, "server saw " + kept.size() + " TLS connections");
            // Conscrypt frees an engine's native state exactly when both directions are done. The release runs in
            // the connection's close listeners, which Jetty calls after the end point reports itself closed.
            waitUntil(() -> kept.stream().allMatch(NativeEngineReleaseTest::engineDone), 5_000);
            List<SslConnection> notFreed = kept.stream().filter(c -> !engineDone(c)).toList();
            assertEquals(List.of(), notFreed, "closed connections whose engine keeps its native state");
            // the process-wide count: other tests' nodes may close pipes meanwhile, never open 60
            long after = pipes();
            assertTrue(after - before < 10, "pipes before " + before + ", after 60 closed connections " + after);
        }
    }

    private static boolean engineDone(SslConnection connection) {
        return connection.getSSLEngine().isInboundDone() && connection.getSSLEngine().isOutboundDone();
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

    private static boolean waitUntil(java.util.function.BooleanSupplier condition, long millis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
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
