package io.wamptls.node;

import io.wamptls.config.NodeConfig;
import io.wamptls.config.RealmConfig;
import io.wamptls.config.TransportConfig;
import io.wamptls.router.Router;
import io.wamptls.web.NodeStatus;
import org.eclipse.jetty.util.Jetty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;

/** The {@link NodeStatus} of a node built by {@link NodeFactory}: its configuration plus the live router. */
final class RunningNodeStatus implements NodeStatus {
    private final NodeConfig config;
    private final Router router;
    private final Instant created = Instant.now();

    RunningNodeStatus(NodeConfig config, Router router) {
        this.config = config;
        this.router = router;
    }

    @Override
    public String nodeName() {
        if (config.controller().id() != null) {
            return config.controller().id();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "wamp-tls node";
        }
    }

    @Override
    public String version() {
        String version = NodeFactory.class.getPackage().getImplementationVersion();
        return "wamp-tls " + (version != null ? version : "development") + " on Jetty " + Jetty.VERSION;
    }

    @Override
    public Instant startedAt() {
        return created;
    }

    @Override
    public List<String> transports() {
        return config.transports().stream().map(RunningNodeStatus::describe).toList();
    }

    private static String describe(TransportConfig t) {
        String host = t.endpoint().iface() == null ? "*" : t.endpoint().iface();
        String type = t instanceof io.wamptls.config.WebTransportConfig ? "web" : "websocket";
        return t.id() + ": " + type + " on " + host + ":" + t.endpoint().port()
                + (t.endpoint().tls() != null ? " (TLS)" : "");
    }

    @Override
    public List<String> realms() {
        return config.realms().stream().map(RealmConfig::name).toList();
    }

    @Override
    public int sessionCount() {
        return router.sessionCount();
    }
}
