package io.wamptls.web;

import io.wamptls.websocket.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Answers an RFC 8441 WebSocket CONNECT aimed at a path that is no WebSocket endpoint (a static file, a redirect,
 * nothing) with 405, {@code Allow: GET, HEAD} and a plain-text reason, logged at DEBUG only; the servlets there would
 * answer Jetty's 501 for a method the Servlet API does not know. Other CONNECTs never get here: the node answers
 * them first.
 */
final class ConnectFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectFilter.class);
    private static final Refusal NOT_AN_ENDPOINT = new Refusal(HttpServletResponse.SC_METHOD_NOT_ALLOWED,
            "not a WebSocket endpoint: CONNECT works only on this transport's websocket paths",
            Map.of("Allow", "GET, HEAD"));

    private final Set<String> webSocketServlets;

    /** @param webSocketServlets the names of the servlets that are WebSocket endpoints */
    ConnectFilter(Set<String> webSocketServlets) {
        this.webSocketServlets = Set.copyOf(webSocketServlets);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"CONNECT".equals(request.getMethod())
                || webSocketServlets.contains(request.getHttpServletMapping().getServletName())) {
            chain.doFilter(request, response);
            return;
        }
        LOG.debug("CONNECT from {} to {} refused: {}", request.getRemoteAddr(), request.getRequestURI(),
                NOT_AN_ENDPOINT.reason());
        NOT_AN_ENDPOINT.send(response);
    }
}
