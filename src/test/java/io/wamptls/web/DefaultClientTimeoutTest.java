package io.wamptls.web;

import io.wamptls.config.ConfigLoader;
import io.wamptls.node.Node;
import io.wamptls.node.NodeFactory;
import io.wamptls.testing.RawHttp;
import io.wamptls.testing.RawWebSocket;
import io.wamptls.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code web} transport without {@code client_timeout} keeps Jetty's 30 s idle timeout (Crossbar's default, null,
 * means none): an idle keep-alive connection is closed by the server after about 30 s, so idle connections cannot
 * pile up.
 */
class DefaultClientTimeoutTest {
    @TempDir
    static Path tmp;

    static Node node;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        port = TestNode.freePort();
        TestNode dir = TestNode.create(tmp.resolve("node"));
        dir.config(TestNode.routerConfig("""
                [{"type": "web", "endpoint": {"type": "tcp", "port": %d, "interface": "127.0.0.1"},
                  "paths": {"/": {"type": "static", "directory": "web"}}}]
                """.formatted(port)));
        node = NodeFactory.create(ConfigLoader.load(dir.dir));
        node.start();
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterAbout30Seconds() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            RawHttp.send(socket, "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RawHttp.Response page = RawHttp.read(socket);
            assertEquals(200, page.status(), page.head());
            assertTrue(page.header("Connection").isEmpty(), "kept alive: " + page.head());
            long served = System.nanoTime();
            long millis = RawWebSocket.millisUntilClosed(socket, served, 34_000);
            assertTrue(millis >= 29_000 && millis < 34_000, "Jetty's 30 s idle timeout, closed after " + millis
                    + " ms");
        }
    }
}
