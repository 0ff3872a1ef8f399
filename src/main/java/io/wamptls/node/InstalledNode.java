package io.wamptls.node;

import io.wamptls.config.TransportConfig;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node installed into a server it does not own, as that server's bean: it reports the node's ports when the server
 * starts and ends the WAMP sessions when the server stops.
 */
final class InstalledNode extends AbstractLifeCycle {
    private static final Logger LOG = LoggerFactory.getLogger(InstalledNode.class);

    private final Node node;

    InstalledNode(Node node) {
        this.node = node;
    }

    @Override
    protected void doStart() {
        for (TransportConfig transport : node.transports()) {
            LOG.info("Transport {} listening on port {}", transport.id(), node.port(transport));
        }
    }

    @Override
    protected void doStop() {
        node.stop();
    }

    @Override
    public String toString() {
        return "wamp-tls node " + node.transports().stream().map(TransportConfig::id).toList();
    }
}
