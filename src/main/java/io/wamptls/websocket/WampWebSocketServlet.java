package io.wamptls.websocket;

import io.wamptls.router.TransportInfo;
import io.wamptls.tls.PeerCertificates;
import io.wamptls.wamp.codec.Serializer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WAMP endpoint of a {@code websocket} path or transport. It does the checks Crossbar does before a WebSocket
 * opens (origin, external port, a WAMP subprotocol) and answers them with a clear HTTP error, then upgrades through
 * the Jakarta {@link ServerContainer}. A plain GET gets the status page, or 426 when {@code enable_webstatus} is
 * off.
 */
public final class WampWebSocketServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(WampWebSocketServlet.class);

    private final WampEndpointSettings settings;
    private final OriginPolicy origins;

    public WampWebSocketServlet(WampEndpointSettings settings) {
        this.settings = settings;
        this.origins = new OriginPolicy(settings.options().allowedOrigins(), settings.options().allowNullOrigin());
    }

    /**
     * GET with {@code Upgrade: websocket} (HTTP/1.1) or an extended CONNECT (HTTP/2, RFC 8441, which browsers use on
     * an h2 connection) opens a WebSocket; a plain GET gets the status page.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        boolean http2Connect = "CONNECT".equals(request.getMethod());
        if (!http2Connect && !"GET".equals(request.getMethod())) {
            super.service(request, response);
            return;
        }
        if (!http2Connect && !UpgradeRequestCheck.asksForWebSocket(request.getHeader("Upgrade"))) {
            answerPlainGet(response);
            return;
        }
        upgrade(request, response, http2Connect);
    }

    private void upgrade(HttpServletRequest request, HttpServletResponse response, boolean http2Connect)
            throws IOException, ServletException {
        Optional<Refusal> malformed = (http2Connect ? ConnectRequestCheck.check(request) : Optional.<Refusal>empty())
                .or(() -> UpgradeRequestCheck.check(request, http2Connect));
        if (malformed.isPresent()) {
            // at DEBUG: anyone can send these, as often as they like
            LOG.debug("WebSocket upgrade from {} to {} refused: {}", request.getRemoteAddr(), request.getRequestURI(),
                    malformed.get().reason());
            malformed.get().send(response);
            return;
        }
        String origin = request.getHeader("Origin");
        if (!origins.permits(origin)) {
            LOG.warn("WebSocket connection from {} to {} denied: origin '{}' not allowed", request.getRemoteAddr(),
                    request.getRequestURI(), origin);
            refuse(response, HttpServletResponse.SC_FORBIDDEN,
                    "WebSocket connection denied: origin '" + origin + "' not allowed");
            return;
        }
        Integer externalPort = settings.options().externalPort();
        if (externalPort != null && externalPort != hostPort(request)) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST,
                    "port in Host header does not match the configured external port " + externalPort);
            return;
        }
        Optional<Serializer> negotiated = SubprotocolNegotiation.choose(
                Collections.list(request.getHeaders("Sec-WebSocket-Protocol")), settings.serializers());
        if (negotiated.isEmpty() && settings.options().requireWebsocketSubprotocol()) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST,
                    "This server only speaks WebSocket subprotocols " + String.join(", ", settings.subprotocols()));
            return;
        }
        Serializer serializer = negotiated.orElseGet(this::jsonFallback);
        if (settings.options().showServerVersion()) {
            response.setHeader("Server", "wamp-tls/" + Version.of(getClass()) + " (" + getServletContext().getServerInfo() + ")");
        }
        ServerContainer container = (ServerContainer) getServletContext()
                .getAttribute(ServerContainer.class.getName());
        try {
            container.upgradeHttpToWebSocket(request, response,
                    endpointConfig(request, serializer, negotiated.isPresent()), Map.of());
        } catch (DeploymentException e) {
            throw new ServletException("WebSocket upgrade failed", e);
        }
    }

    private Serializer jsonFallback() {
        return settings.serializers().stream().filter(s -> s.subprotocol().equals("wamp.2.json")).findFirst()
                .orElse(settings.serializers().get(0));
    }

    private ServerEndpointConfig endpointConfig(HttpServletRequest request, Serializer serializer,
                                                boolean echoSubprotocol) {
        TransportInfo transport = transportInfo(request, serializer);
        List<String> subprotocols = echoSubprotocol ? List.of(serializer.subprotocol()) : List.of();
        return ServerEndpointConfig.Builder.create(WampEndpoint.class, request.getRequestURI())
                .subprotocols(subprotocols)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        Endpoint endpoint = new WampEndpoint(settings, serializer, transport);
                        return endpointClass.cast(endpoint);
                    }

                    @Override
                    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
                        return echoSubprotocol ? serializer.subprotocol() : "";
                    }

                    @Override
                    public List<Extension> getNegotiatedExtensions(List<Extension> installed,
                                                                   List<Extension> requested) {
                        return DeflateNegotiation.negotiate(settings.options().compression(), requested);
                    }

                    @Override
                    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest req, HandshakeResponse res) {
                    }

                    @Override
                    public boolean checkOrigin(String originHeaderValue) {
                        return true; // checked above, with Crossbar's rules
                    }
                })
                .build();
    }

    private static TransportInfo transportInfo(HttpServletRequest request, Serializer serializer) {
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        Map<String, Object> peerCert = chain == null || chain.length == 0 ? null : PeerCertificates.describe(chain[0]);
        return new TransportInfo(peerAddress(request), request.isSecure(), serializer.subprotocol(), peerCert,
                Map.of("http_path", request.getRequestURI(), "http_version", request.getProtocol()));
    }

    private static String peerAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String family = "tcp4";
        try {
            family = InetAddress.getByName(address) instanceof java.net.Inet6Address ? "tcp6" : "tcp4";
        } catch (IOException ignored) {
            // a literal address never needs a lookup
        }
        return family + ":" + address + ":" + request.getRemotePort();
    }

    private static int hostPort(HttpServletRequest request) {
        return request.getServerPort();
    }

    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        new Refusal(status, reason).send(response);
    }

    private void answerPlainGet(HttpServletResponse response) throws IOException {
        if (!settings.options().enableWebstatus()) {
            response.setStatus(426);
            response.setHeader("Upgrade", "websocket");
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().println("HTTP Upgrade header missing: this URL is a WAMP WebSocket endpoint");
            return;
        }
        byte[] page = StatusPage.render(settings).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
