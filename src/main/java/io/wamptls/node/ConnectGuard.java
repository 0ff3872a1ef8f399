package io.wamptls.node;

import io.wamptls.websocket.ConnectRequestCheck;
import io.wamptls.websocket.Refusal;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.TunnelSupport;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;

/**
 * Answers the CONNECT requests on our connectors that are not RFC 8441 WebSocket requests, before any context sees
 * them, as {@link ConnectRequestCheck} decides: a tunnel request (no {@code :protocol}, or HTTP/1.1's CONNECT) gets
 * 405, an extended CONNECT for another protocol 400, each with a plain-text reason and logged at DEBUG only.
 * Otherwise a tunnel request got a 404 and an extended CONNECT for another protocol to a WebSocket path made Jetty's
 * upgrade throw (500, WARN stack trace).
 */
final class ConnectGuard extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectGuard.class);

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
        Optional<Refusal> refusal = ConnectRequestCheck.check(tunnel == null ? null : tunnel.getProtocol());
        if (refusal.isEmpty()) {
            return super.handle(request, response, callback);
        }
        LOG.debug("{} {} from {} refused: {}", request.getMethod(), request.getHttpURI(),
                Request.getRemoteAddr(request), refusal.get().reason());
        PlainRefusal.send(refusal.get(), response, callback);
        return true;
    }
}
