package io.wamptls.tls;

import io.wamptls.testing.HttpsClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Conscrypt engine handed heap buffers allocates a direct buffer of its own, one TLS record large, and copies
 * every record through it; the node hands it pooled direct buffers instead, so a handshake allocates none (a
 * response that Jetty writes as several buffers still goes through the engine's own, which Conscrypt uses to join
 * them). The test keeps every server connection reachable, so per-connection buffers would show in the JVM's count
 * of direct buffers.
 */
class NativeEngineBuffersTest {

    private static final int CONNECTIONS = 40;

    @TempDir
    Path dir;

    @Test
    void conscryptHandshakesAllocateNoDirectBufferOfTheirOwn() throws Exception {
        try (ConscryptNodeUnderTest node = ConscryptNodeUnderTest.start(dir)) {
            handshakes(node.files.ca(), node.port, 5); // warm-up: fills the pool the connections then share
            System.gc(); // garbage buffers of earlier tests go now, not while we count
            Thread.sleep(200);
            long before = directBuffers();
            handshakes(node.files.ca(), node.port, CONNECTIONS);
            long after = directBuffers();
            assertEquals(5 + CONNECTIONS, node.connections.size(), "TLS connections the server saw");
            assertTrue(after - before < CONNECTIONS / 4,
                    "direct buffers before " + before + ", after " + CONNECTIONS + " connections " + after);
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
