package io.wamptls.node;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector sets a new connection up on the selector thread itself: no acceptor thread, and the connection is
 * opened inside the selector's loop rather than in a pool thread it dispatched to. If a Jetty upgrade renames the
 * setup task, the connector silently falls back to Jetty's three-thread path; this test is what notices.
 */
class NodeConnectorTest {

    @Test
    void aNewConnectionIsSetUpOnTheSelectorThread() throws Exception {
        Server server = new Server();
        NodeConnector connector = new NodeConnector(server, -1, new HttpConnectionFactory());
        connector.setHost("127.0.0.1");
        CompletableFuture<StackTraceElement[]> opened = new CompletableFuture<>();
        connector.addBean(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                opened.complete(Thread.currentThread().getStackTrace());
            }
        });
        server.addConnector(connector);
        server.start();
        try (Socket socket = new Socket("127.0.0.1", connector.getLocalPort())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            StackTraceElement[] stack = opened.get(5, TimeUnit.SECONDS);
            assertEquals(0, connector.getAcceptors());
            assertTrue(Arrays.stream(stack)
                            .anyMatch(frame -> frame.getClassName().endsWith("ManagedSelector$SelectorProducer")),
                    "opened outside the selector's loop:\n" + Arrays.toString(stack).replace(", ", "\n"));
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 404"), response); // the connection works: no handler, a 404
        } finally {
            server.stop();
        }
    }
}
