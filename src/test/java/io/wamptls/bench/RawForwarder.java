package io.wamptls.bench;

import io.wamptls.config.TlsConfig;
import io.wamptls.tls.TlsContextFactory;
import io.wamptls.tls.TlsProviders;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's anchor: a raw Jetty WebSocket endpoint over the same TLS and Jakarta stack as the node, which
 * forwards every message it receives to every other connected client. No WAMP: the limit a router can approach.
 * Usage: {@code RawForwarder PORT CBDIR} (CBDIR holds server.key and server.crt).
 */
public final class RawForwarder {
    private static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

    private RawForwarder() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        TlsConfig tls = new TlsConfig("anchor.tls", dir.resolve("server.key"), dir.resolve("server.crt"),
                List.of(), List.of(), null, null);
        createServer(port, TlsContextFactory.create(tls, TlsProviders.choose(tls))).start();
        System.out.println("forwarding on " + port);
    }

    static Server createServer(int port, SslContextFactory.Server ssl) {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new SecureRequestCustomizer(false));
        HttpConnectionFactory http1 = new HttpConnectionFactory(http);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, http1.getProtocol()), http1);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) ->
                container.addEndpoint(ServerEndpointConfig.Builder.create(Forwarder.class, "/")
                        .subprotocols(List.of("wamp.2.json", "wamp.2.msgpack")).build()));
        server.setHandler(context);
        return server;
    }

    /** One client: each message goes out, unchanged and asynchronously, to every other client. */
    public static final class Forwarder extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.setMaxIdleTimeout(0);
            SESSIONS.add(session);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                for (Session other : SESSIONS) {
                    if (other != session && other.isOpen()) {
                        other.getAsyncRemote().sendText(text, result -> { });
                    }
                }
            });
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) buffer -> {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                for (Session other : SESSIONS) {
                    if (other != session && other.isOpen()) {
                        other.getAsyncRemote().sendBinary(ByteBuffer.wrap(bytes), result -> { });
                    }
                }
            });
        }

        @Override
        public void onClose(Session session, jakarta.websocket.CloseReason reason) {
            SESSIONS.remove(session);
        }
    }
}
