package io.wamptls.node;

import io.wamptls.config.TransportConfig;
import io.wamptls.router.Router;
import io.wamptls.tls.TlsProviders;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A node built from a configuration: the router and, per transport, a Jetty connector with its handler tree.
 * Created unstarted by {@link NodeFactory}.
 */
public final class Node {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final Server server;
    private final Router router;
    private final Map<TransportConfig, ServerConnector> connectors;
    private final Map<TransportConfig, TlsProviders.Choice> tlsProviders;
    private final boolean ownsServer;

    Node(Server server, Router router, Map<TransportConfig, ServerConnector> connectors,
         Map<TransportConfig, TlsProviders.Choice> tlsProviders, boolean ownsServer) {
        this.server = server;
        this.router = router;
        this.connectors = connectors;
        this.tlsProviders = tlsProviders;
        this.ownsServer = ownsServer;
    }

    public Server server() {
        return server;
    }

    public Router router() {
        return router;
    }

    /**
     * Opens every port, then starts the server. If any port cannot be opened, the ones already opened are closed
     * again and the error names the transport and port: a node never half-starts.
     */
    public void start() throws NodeStartException {
        openConnectors();
        if (!ownsServer) {
            return;
        }
        try {
            server.start();
        } catch (Exception | LinkageError e) {
            stop();
            throw new NodeStartException("node failed to start: " + rootMessage(e), e);
        }
    }

    /** Binds every transport's port, or none: the error names the transport and port that failed. */
    void openConnectors() throws NodeStartException {
        for (Map.Entry<TransportConfig, ServerConnector> entry : connectors.entrySet()) {
            TransportConfig transport = entry.getKey();
            try {
                entry.getValue().open();
            } catch (IOException e) {
                closeConnectors();
                throw new NodeStartException(transport.jsonPath() + " (transport '" + transport.id()
                        + "'): cannot listen on port " + transport.endpoint().port() + ": " + rootMessage(e), e);
            }
        }
    }

    /** The port a transport listens on (useful when the configuration asked for port 0). */
    public int port(TransportConfig transport) {
        return connectors.get(transport).getLocalPort();
    }

    /** The TLS provider a transport uses and why, or null for a plain transport. */
    public TlsProviders.Choice tlsProvider(TransportConfig transport) {
        return tlsProviders.get(transport);
    }

    public List<TransportConfig> transports() {
        return List.copyOf(connectors.keySet());
    }

    /**
     * Says GOODBYE ({@code wamp.close.system_shutdown}) to every session, then stops Jetty gracefully: open
     * WebSockets get close code 1001 and in-flight HTTP requests finish.
     */
    public void stop() {
        router.shutdown();
        if (!ownsServer) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("error while stopping the node", e);
        }
    }

    private void closeConnectors() {
        connectors.values().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("closing {} failed", c, e);
            }
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
