package io.wamptls.node;

import io.wamptls.websocket.Refusal;
import io.wamptls.websocket.UpgradeRequestCheck;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;

/**
 * The server's error handler, for a malformed WebSocket upgrade that Jetty refuses before any handler sees it: its
 * HTTP/1.1 connection answers {@code Upgrade} without {@code Connection: Upgrade} with a 400 from the server's error
 * handler, an HTML page that echoes the URL. On our connectors such a request gets what the WAMP servlet answers
 * the other malformed upgrades ({@link UpgradeRequestCheck}), logged at DEBUG only. Every other error, and every
 * error on other connectors, goes to the handler this one replaced.
 */
final class UpgradeErrorHandler implements Request.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeErrorHandler.class);

    private final Set<Connector> ours;
    private final Request.Handler others;

    /** @param others the server's error handler so far; null for Jetty's default */
    UpgradeErrorHandler(Set<Connector> ours, Request.Handler others) {
        this.ours = ours;
        this.others = others != null ? others : new ErrorHandler();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<Refusal> malformed = malformedUpgrade(request);
        if (malformed.isEmpty()) {
            return others.handle(request, response, callback);
        }
        LOG.debug("WebSocket upgrade from {} to {} refused: {}", Request.getRemoteAddr(request),
                request.getHttpURI().getPath(), malformed.get().reason());
        PlainRefusal.send(malformed.get(), response, callback);
        return true;
    }

    private Optional<Refusal> malformedUpgrade(Request request) {
        if (!ours.contains(request.getConnectionMetaData().getConnector())
                || !Integer.valueOf(HttpStatus.BAD_REQUEST_400).equals(request.getAttribute(ErrorHandler.ERROR_STATUS))
                || !UpgradeRequestCheck.asksForWebSocket(request.getHeaders().get(HttpHeader.UPGRADE))) {
            return Optional.empty();
        }
        return UpgradeRequestCheck.check(request.getConnectionMetaData().getProtocol(),
                request.getHeaders()::getValuesList, false);
    }
}
