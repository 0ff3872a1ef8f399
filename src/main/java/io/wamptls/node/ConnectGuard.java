package io.wamptls.node;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.TunnelSupport;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * Answers the CONNECT requests on our connectors that are not RFC 8441 WebSocket requests, before any context sees
 * them: a tunnel request (no {@code :protocol}, or HTTP/1.1's CONNECT) gets 405, an extended CONNECT for another
 * protocol 400, each with a plain-text reason and logged at DEBUG only. Otherwise a tunnel request got a 404 and an
 * extended CONNECT for another protocol to a WebSocket path made Jetty's upgrade throw (500, WARN stack trace).
 */
final class ConnectGuard extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectGuard.class);
    /** RFC 8441's token, compared as Jetty's WebSocket upgrade compares it. */
    private static final String WEBSOCKET = "websocket";

    private final Set<Connector> ours;

    ConnectGuard(Set<Connector> ours, Handler handler) {
        super(handler);
        this.ours = ours;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.CONNECT.is(request.getMethod())
                || !ours.contains(request.getConnectionMetaData().getConnector())) {
            return super.handle(request, response, callback);
        }
        TunnelSupport tunnel = request.getTunnelSupport();
        String protocol = tunnel == null ? null : tunnel.getProtocol();
        if (WEBSOCKET.equals(protocol)) {
            return super.handle(request, response, callback);
        }
        int status;
        String reason;
        if (protocol == null) {
            status = HttpStatus.METHOD_NOT_ALLOWED_405;
            reason = "CONNECT tunnels are not supported";
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
        } else {
            status = HttpStatus.BAD_REQUEST_400;
            reason = "unsupported :protocol '" + protocol.replaceAll("\\p{Cntrl}", "?")
                    + "' (extended CONNECT is for " + WEBSOCKET + " only)";
        }
        LOG.debug("{} {} from {} refused: {}", request.getMethod(), request.getHttpURI(),
                Request.getRemoteAddr(request), reason);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        Content.Sink.write(response, true, reason + "\n", callback);
        return true;
    }
}
