package io.wamptls.node;

import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.SelectableChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EventListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector keeps a connection on the selector thread that accepted it: no acceptor thread, the connection is
 * opened inside that selector's loop rather than in a pool thread, and a plain HTTP/1.1 connection's teardown runs
 * there too. If a Jetty upgrade renames the setup or teardown task, the connector silently falls back to Jetty's
 * hand-overs; these tests are what notice.
 */
class NodeConnectorTest {

    @Test
    void aNewConnectionIsSetUpOnTheSelectorThread() throws Exception {
        CompletableFuture<StackTraceElement[]> opened = new CompletableFuture<>();
        NodeConnector connector = started(-1, new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                opened.complete(Thread.currentThread().getStackTrace());
            }
        });
        try {
            String response = exchange(connector.getLocalPort());
            assertTrue(response.startsWith("HTTP/1.1 404"), response); // the connection works: no handler, a 404
            assertEquals(0, connector.getAcceptors());
            assertInSelectorLoop("opened", opened.get(5, TimeUnit.SECONDS));
        } finally {
            connector.getServer().stop();
        }
    }

    @Test
    void aPlainHttpConnectionIsTornDownOnItsSelector() throws Exception {
        CompletableFuture<StackTraceElement[]> closed = new CompletableFuture<>();
        NodeConnector connector = started(1, new Connection.Listener() {
            @Override
            public void onClosed(Connection connection) {
                closed.complete(Thread.currentThread().getStackTrace());
            }
        });
        try {
            assertTrue(exchange(connector.getLocalPort()).startsWith("HTTP/1.1 404"));
            assertInSelectorLoop("closed", closed.get(5, TimeUnit.SECONDS));
        } finally {
            connector.getServer().stop();
        }
    }

    @Test
    void everySelectorAcceptsAndKeepsWhatItAccepts() throws Exception {
        Map<SelectableChannel, Thread> acceptedOn = new ConcurrentHashMap<>();
        List<String> handedOver = new CopyOnWriteArrayList<>();
        NodeConnector connector = started(2, new SelectorManager.AcceptListener() {
            @Override
            public void onAccepting(SelectableChannel channel) {
                acceptedOn.put(channel, Thread.currentThread());
            }

            @Override
            public void onAccepted(SelectableChannel channel) {
                Thread accepting = acceptedOn.get(channel);
                if (accepting != Thread.currentThread()) {
                    handedOver.add(accepting.getName() + " -> " + Thread.currentThread().getName());
                }
            }
        });
        try {
            // Jetty registers the listening socket with one selector; here every selector holds a key for it.
            assertTrue(waitUntil(() -> connector.getSelectorManager().getTotalKeys() == 2),
                    "listening socket keys: " + connector.getSelectorManager().getTotalKeys());
            for (int i = 0; i < 20; i++) {
                assertTrue(exchange(connector.getLocalPort()).startsWith("HTTP/1.1 404"));
            }
            assertEquals(20, acceptedOn.size());
            assertEquals(List.of(), handedOver, "connections set up on another thread than the one that accepted");
        } finally {
            connector.getServer().stop();
        }
    }

    @Test
    void onlyConnectionsWhoseCloseRunsNoApplicationCodeAreTornDownOnTheSelector() {
        HttpConnection http = new HttpConnection(new HttpConfiguration(), new ServerConnector(new Server()),
                new ByteArrayEndPoint());
        assertTrue(NodeConnector.closesQuietly(http));
        AbstractConnection other = new AbstractConnection(new ByteArrayEndPoint(), Runnable::run) {
            @Override
            public void onFillable() {
            }
        };
        assertFalse(NodeConnector.closesQuietly(other), "an unknown connection may run anything when it closes");
    }

    @Test
    void aConnectionThePeerResetIsClosedByTheReadThatFindsIt() throws Exception {
        NodeConnector connector = new NodeConnector(new Server(), 1, new HttpConnectionFactory());
        try (ServerSocketChannel listening = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             Socket client = new Socket("127.0.0.1", ((InetSocketAddress) listening.getLocalAddress()).getPort());
             SocketChannel accepted = listening.accept()) {
            accepted.configureBlocking(false);
            SocketChannelEndPoint endPoint = connector.newEndPoint(accepted, null, null);
            client.setSoLinger(true, 0);
            client.close(); // a reset, not a FIN
            ByteBuffer buffer = BufferUtil.allocate(64);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            int filled = 0;
            while (filled == 0 && System.nanoTime() < deadline) {
                filled = endPoint.fill(buffer);
                Thread.sleep(filled == 0 ? 10 : 0);
            }
            assertEquals(-1, filled);
            // Jetty's end point would only shut its input and let the TLS layer write a close_notify into the reset
            // socket; a closed one writes nothing more
            assertFalse(endPoint.isOpen(), "the reset connection is still open: " + endPoint);
        }
    }

    /** A started server with one plain HTTP/1.1 connector and no handler; {@code listener} sees its events. */
    private static NodeConnector started(int selectors, EventListener listener) throws Exception {
        Server server = new Server();
        NodeConnector connector = new NodeConnector(server, selectors, new HttpConnectionFactory());
        connector.setHost("127.0.0.1");
        if (listener instanceof SelectorManager.AcceptListener) {
            connector.getSelectorManager().addEventListener(listener);
        } else {
            connector.addBean(listener);
        }
        server.addConnector(connector);
        server.start();
        return connector;
    }

    private static void assertInSelectorLoop(String what, StackTraceElement[] stack) {
        assertTrue(Arrays.stream(stack)
                        .anyMatch(frame -> frame.getClassName().endsWith("ManagedSelector$SelectorProducer")),
                what + " outside the selector's loop:\n" + Arrays.toString(stack).replace(", ", "\n"));
    }

    private static String exchange(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static boolean waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
