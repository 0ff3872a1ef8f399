package io.wamptls.websocket;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;
import java.util.Optional;

/**
 * What a CONNECT that is not an RFC 8441 WebSocket request gets: a tunnel request (no {@code :protocol}) 405 with
 * {@code Allow: GET, HEAD}, an extended CONNECT for another protocol 400, each with a plain-text reason. The node's
 * Jetty-core {@code ConnectGuard} asks before any context sees the request; the WAMP servlet asks for itself in the
 * WAR, where nothing stands in front of it and Jetty's upgrade answered such a request with 500 and a WARN trace.
 */
public final class ConnectRequestCheck {
    /** RFC 8441's token, compared as Jetty's WebSocket upgrade compares it. */
    private static final String WEBSOCKET = "websocket";

    private ConnectRequestCheck() {
    }

    /**
     * @param protocol the request's {@code :protocol}; null or empty when it has none
     * @return the refusal, or empty for a WebSocket request
     */
    public static Optional<Refusal> check(String protocol) {
        if (WEBSOCKET.equals(protocol)) {
            return Optional.empty();
        }
        if (protocol == null || protocol.isEmpty()) {
            return Optional.of(new Refusal(405, "CONNECT tunnels are not supported", Map.of("Allow", "GET, HEAD")));
        }
        return Optional.of(new Refusal(400, "unsupported :protocol '" + protocol.replaceAll("\\p{Cntrl}", "?")
                + "' (extended CONNECT is for " + WEBSOCKET + " only)"));
    }

    /** A CONNECT the servlet got; empty too when the container does not tell the protocol (its upgrade decides). */
    static Optional<Refusal> check(HttpServletRequest request) {
        return JettyTunnelProtocol.of(request).flatMap(ConnectRequestCheck::check);
    }
}
