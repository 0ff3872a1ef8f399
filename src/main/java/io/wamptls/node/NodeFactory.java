package io.wamptls.node;

import io.wamptls.config.ConfigError;
import io.wamptls.config.ConfigException;
import io.wamptls.config.NodeConfig;
import io.wamptls.config.TlsConfig;
import io.wamptls.config.TransportConfig;
import io.wamptls.config.WebSocketTransportConfig;
import io.wamptls.config.WebTransportConfig;
import io.wamptls.router.Router;
import io.wamptls.tls.CertificateReloader;
import io.wamptls.tls.JvmTlsSettings;
import io.wamptls.tls.TlsContextFactory;
import io.wamptls.tls.TlsMaterial;
import io.wamptls.tls.TlsProviders;
import io.wamptls.web.AccessLog;
import io.wamptls.web.WebTransportContext;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one factory every way of running uses: a validated configuration becomes a router plus, per transport, a
 * connector and its handler tree. Standalone it builds its own {@link Server}; in a Jetty distribution it adds to
 * the distribution's.
 */
public final class NodeFactory {

    private NodeFactory() {
    }

    /** An unstarted standalone node with a server of its own. */
    public static Node create(NodeConfig config) throws ConfigException {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("wamp-tls");
        Server server = new Server(threads, new QuietScheduler(), null);
        server.setStopTimeout(5_000);
        server.setStopAtShutdown(false); // the CLI's shutdown hook stops the node, router first
        return build(server, config, true);
    }

    /**
     * Adds the node's connectors and handlers to a server someone else owns and starts (a Jetty distribution).
     * Existing handlers stay; ours answer only on our connectors.
     */
    public static Node install(Server server, NodeConfig config) throws ConfigException {
        Node node = build(server, config, false);
        server.addBean(new InstalledNode(node));
        return node;
    }

    private static Node build(Server server, NodeConfig config, boolean ownsServer) throws ConfigException {
        Map<TransportConfig, TlsEndpoint> tls = tlsEndpoints(config);
        Router router = new Router(RouterSettings.realms(config.realms()));

        RunningNodeStatus status = new RunningNodeStatus(config, router);
        Set<String> accessLogged = new HashSet<>();
        Map<TransportConfig, ServerConnector> connectors = new LinkedHashMap<>();
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        for (TransportConfig transport : config.transports()) {
            TlsEndpoint endpoint = tls.get(transport);
            ServerConnector connector = Connectors.create(server, transport, endpoint == null ? null : endpoint.ssl());
            if (endpoint != null) {
                server.addBean(new CertificateReloader(transport.endpoint().tls(), endpoint.ssl(),
                        endpoint.provider().provider()));
            }
            connectors.put(transport, connector);
            server.addConnector(connector);

            ServletContextHandler context = transport instanceof WebTransportConfig web
                    ? WebTransportContext.create(web, wamp -> RouterSettings.endpoint(router, wamp), status)
                    : WebTransportContext.forWebSocketTransport(transport.id(),
                            RouterSettings.endpoint(router, ((WebSocketTransportConfig) transport).wamp()));
            context.setVirtualHosts(List.of("@" + connector.getName()));
            contexts.addHandler(context);
            if (transport instanceof WebTransportConfig web && web.options().accessLog()) {
                accessLogged.add(transport.id());
            }
        }
        if (!accessLogged.isEmpty()) {
            RequestLog existingLog = server.getRequestLog();
            AccessLog ours = new AccessLog(accessLogged);
            server.setRequestLog(existingLog == null ? ours : new RequestLog.Collection(existingLog, ours));
            server.addBean(ours); // a no-op unless it went into a collection, which manages no lifecycle
        }
        Set<Connector> ours = Set.copyOf(connectors.values());
        mount(server, new ConnectGuard(ours, contexts));
        server.setErrorHandler(new NodeErrorHandler(ours, server.getErrorHandler()));
        Map<TransportConfig, TlsProviders.Choice> providers = new LinkedHashMap<>();
        tls.forEach((transport, endpoint) -> providers.put(transport, endpoint.provider()));
        return new Node(server, router, connectors, providers, ownsServer);
    }

    /**
     * Puts our contexts (behind the {@link ConnectGuard}) in front of whatever handles requests already (in a
     * distribution, the {@code Contexts} collection): they answer every request on our connectors and none on the
     * others, which pass on unchanged.
     * Not inside a {@link ContextHandlerCollection}: it would map ours by path among its own, and its contexts
     * would then answer on our connectors.
     */
    private static void mount(Server server, Handler ours) {
        Handler existing = server.getHandler();
        if (existing == null) {
            server.setHandler(ours);
        } else if (existing instanceof Handler.Sequence sequence && !(existing instanceof ContextHandlerCollection)) {
            List<Handler> handlers = new ArrayList<>(sequence.getHandlers());
            handlers.add(0, ours);
            sequence.setHandlers(handlers);
        } else {
            server.setHandler(new Handler.Sequence(ours, existing));
        }
    }

    /** A transport's TLS factory and the provider chosen for it. */
    private record TlsEndpoint(SslContextFactory.Server ssl, TlsProviders.Choice provider) {
    }

    /**
     * Loads and checks every endpoint's TLS material at once, so one run reports every TLS problem. The JVM-wide
     * settings go first: nothing before this point may create an {@code SSLContext}.
     */
    private static Map<TransportConfig, TlsEndpoint> tlsEndpoints(NodeConfig config)
            throws ConfigException {
        List<TlsConfig> all = config.transports().stream().map(t -> t.endpoint().tls()).filter(Objects::nonNull)
                .toList();
        JvmTlsSettings.applyJvmWideSettings(all);
        List<ConfigError> errors = new ArrayList<>();
        Map<TransportConfig, TlsEndpoint> endpoints = new LinkedHashMap<>();
        for (TransportConfig transport : config.transports()) {
            TlsConfig tls = transport.endpoint().tls();
            if (tls == null) {
                continue;
            }
            try {
                TlsMaterial material = TlsMaterial.load(tls);
                TlsProviders.Choice provider = TlsProviders.choose(tls, material);
                endpoints.put(transport, new TlsEndpoint(TlsContextFactory.create(tls, material, provider), provider));
            } catch (ConfigException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return endpoints;
    }
}
