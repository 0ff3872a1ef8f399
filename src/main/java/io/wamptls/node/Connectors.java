package io.wamptls.node;

import io.wamptls.config.EndpointConfig;
import io.wamptls.config.TransportConfig;
import io.wamptls.config.WebOptions;
import io.wamptls.config.WebSocketTransportConfig;
import io.wamptls.config.WebTransportConfig;
import io.wamptls.tls.NativeEngineConnectionFactory;
import io.wamptls.tls.NativeEngineRelease;
import io.wamptls.tls.TlsContextFactory;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ProcessorUtils;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * One Jetty connector per transport endpoint. TLS {@code web} transports speak HTTP/2 and HTTP/1.1 through ALPN;
 * a standalone {@code websocket} transport speaks HTTP/1.1 only, as Crossbar's does (offered through ALPN too).
 * TLS connectors get a selector per core: Jetty's ALPN connection runs each handshake on its selector thread, so
 * Jetty's default of one selector per two cores would leave cores idle under a burst of new connections.
 */
final class Connectors {

    private Connectors() {
    }

    /** @param ssl the endpoint's TLS factory, or null for plain TCP */
    static ServerConnector create(Server server, TransportConfig transport, SslContextFactory.Server ssl) {
        EndpointConfig endpoint = transport.endpoint();
        WebOptions web = transport instanceof WebTransportConfig w ? w.options() : WebOptions.DEFAULT;
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(web.showServerVersion());
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);

        ServerConnector connector;
        if (ssl == null) {
            connector = new NodeConnector(server, -1, new HttpConnectionFactory(http));
        } else {
            http.setSecureScheme("https");
            http.setSecurePort(endpoint.port());
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false); // one certificate per endpoint, as in Crossbar: no virtual hosting by SNI
            if (web.hsts()) {
                secure.setStsMaxAge(web.hstsMaxAge());
            }
            http.addCustomizer(secure);
            HttpConnectionFactory http1 = new HttpConnectionFactory(http);
            // no explicit list: ALPN then offers the names the following factories answer to ("h2",
            // "http/1.1"); naming HttpConnectionFactory's "HTTP/1.1" here made ALPN http/1.1 clients hang up
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
            alpn.setDefaultProtocol(http1.getProtocol());
            if (transport instanceof WebTransportConfig) {
                HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(http);
                http2.setConnectProtocolEnabled(true); // RFC 8441: WebSocket over HTTP/2
                connector = new NodeConnector(server, tlsSelectors(server), tls(ssl, alpn.getProtocol()), alpn, http2, http1);
            } else {
                // http/1.1 only, but through ALPN all the same: Jetty's negotiating connection runs the handshake
                // on the selector thread, where a plain HTTP/1.1 connection hands every handshake read to a pool
                // thread (20 % less CPU per resumed TLS 1.2 connection)
                connector = new NodeConnector(server, tlsSelectors(server), tls(ssl, alpn.getProtocol()), alpn, http1);
            }
        }
        if (ssl != null && TlsContextFactory.usesNativeEngines(ssl)) {
            connector.addBean(new NativeEngineRelease());
        }
        connector.setName(transport.id());
        connector.setPort(endpoint.port());
        connector.setHost(bindAddress(endpoint));
        connector.setAcceptQueueSize(endpoint.backlog());
        connector.setReusePort(endpoint.shared());
        if (web.clientTimeout() != null) {
            connector.setIdleTimeout(web.clientTimeout() * 1000L);
        }
        // open_handshake_timeout: a connection that has not completed its upgrade request by then is closed;
        // once open, the WebSocket session turns the idle timeout off (auto-ping watches liveness instead)
        if (transport instanceof WebSocketTransportConfig ws && ws.wamp().options().openHandshakeTimeout() > 0) {
            connector.setIdleTimeout(ws.wamp().options().openHandshakeTimeout());
        }
        return connector;
    }

    /** The TLS layer: Conscrypt's engines get the buffers they work on without copies of their own. */
    private static SslConnectionFactory tls(SslContextFactory.Server ssl, String next) {
        return TlsContextFactory.usesNativeEngines(ssl)
                ? new NativeEngineConnectionFactory(ssl, next)
                : new SslConnectionFactory(ssl, next);
    }

    /**
     * One selector per core, within Jetty's own bound of one per 16 pool threads (a selector holds a pool thread for
     * good).
     */
    static int tlsSelectors(Server server) {
        int threads = server.getThreadPool() instanceof ThreadPool.SizedThreadPool sized ? sized.getMaxThreads() : 200;
        return Math.max(1, Math.min(ProcessorUtils.availableProcessors(), threads / 16));
    }

    private static String bindAddress(EndpointConfig endpoint) {
        if (endpoint.iface() != null && !endpoint.iface().isBlank()) {
            return endpoint.iface().strip();
        }
        return endpoint.version() == 6 ? "::" : "0.0.0.0";
    }
}
