package io.wamptls.tls;

import io.wamptls.config.ConfigLoader;
import io.wamptls.node.Node;
import io.wamptls.node.NodeFactory;
import io.wamptls.testing.TestNode;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Connector;

import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A started node with one TLS web transport on the Conscrypt provider, which keeps every server-side TLS connection
 * reachable: no garbage collection can then free what the node itself should.
 */
final class ConscryptNodeUnderTest implements AutoCloseable {
    final TestNode files;
    final int port;
    final Queue<SslConnection> connections = new ConcurrentLinkedQueue<>();
    private final Node node;

    private ConscryptNodeUnderTest(TestNode files, int port, Node node) {
        this.files = files;
        this.port = port;
        this.node = node;
    }

    static ConscryptNodeUnderTest start(Path dir) throws Exception {
        assumeTrue(TlsProviders.conscryptAvailable(), "Conscrypt's native library does not load here");
        int port = TestNode.freePort();
        TestNode files = TestNode.create(dir);
        files.config(TestNode.routerConfig("[" + TestNode.tlsWebTransport(port) + "]"));
        TlsProviders.setMode(TlsProviders.Mode.CONSCRYPT);
        ConscryptNodeUnderTest started = new ConscryptNodeUnderTest(files, port,
                NodeFactory.create(ConfigLoader.load(dir)));
        for (Connector connector : started.node.server().getConnectors()) {
            connector.addBean(new Connection.Listener() {
                @Override
                public void onOpened(Connection connection) {
                    if (connection instanceof SslConnection ssl) {
                        started.connections.add(ssl);
                    }
                }
            });
        }
        try {
            started.node.start();
        } catch (Exception e) {
            started.close();
            throw e;
        }
        return started;
    }

    @Override
    public void close() throws Exception {
        try {
            node.stop();
        } finally {
            TlsProviders.setMode(null);
        }
    }
}
