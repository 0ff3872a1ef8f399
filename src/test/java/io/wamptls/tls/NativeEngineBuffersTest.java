package io.wamptls.tls;

import io.wamptls.testing.HttpsClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Conscrypt engine handed heap buffers, or a response in several buffers, allocates a direct buffer of its own,
 * one TLS record large, and copies every record through it; the node hands it pooled direct buffers instead, and
 * joins a response's buffers into a pooled one, so neither a handshake nor a response allocates any. The test keeps
 * every server connection reachable, so per-connection buffers would show in the JVM's count of direct buffers.
 */
class NativeEngineBuffersTest {

    private static final int CONNECTIONS = 40;

    @TempDir
    Path dir;

    @Test
    void conscryptHandshakesAllocateNoDirectBufferOfTheirOwn() throws Exception {
        assertNoDirectBufferPerConnection(NativeEngineBuffersTest::handshakes);
    }

    @Test
    void conscryptResponsesAllocateNoDirectBufferOfTheirOwn() throws Exception {
        assertNoDirectBufferPerConnection(NativeEngineBuffersTest::requests);
    }

    /** A number of TLS connections to the node, made one after another. */
    private interface Connections {
        void make(Path ca, int port, int count) throws Exception;
    }

    private void assertNoDirectBufferPerConnection(Connections connections) throws Exception {
        try (ConscryptNodeUnderTest node = ConscryptNodeUnderTest.start(dir)) {
            connections.make(node.files.ca(), node.port, 5); // warm-up: fills the pool the connections then share
            System.gc(); // garbage buffers of earlier tests go now, not while we count
            Thread.sleep(200);
            long before = directBuffers();
            connections.make(node.files.ca(), node.port, CONNECTIONS);
            long after = directBuffers();
            assertEquals(5 + CONNECTIONS, node.connections.size(), "TLS connections the server saw");
            assertTrue(after - before < CONNECTIONS / 4,
                    "direct buffers before " + before + ", after " + CONNECTIONS + " connections " + after);
        }
    }

    /** One GET of the static index page per connection: headers and body leave the server as separate buffers. */
    private static void requests(Path ca, int port, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            try (SSLSocket socket = HttpsClients.socket(ca, port)) {
                socket.getOutputStream().write(
                        "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(response.startsWith("HTTP/1.1 200 "), response);
            }
        }
    }

    /** Full handshakes, each closed before the next begins. */
    private static void handshakes(Path ca, int port, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            HttpsClients.socket(ca, port).close();
        }
    }

    private static long directBuffers() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getCount)
                .sum();
    }
}
