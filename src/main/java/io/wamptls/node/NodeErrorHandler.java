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

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's error handler on our connectors, for the requests Jetty refuses before any handler sees them (a
 * malformed request line or header, a blank Host, an {@code Upgrade} without
 * {@code Connection: Upgrade}): Jetty's own page is HTML that echoes the URL. Ours is one plain-text line, the status
 * and Jetty's reason, naming no server or URL, logged at DEBUG only; a malformed WebSocket upgrade gets what the
 * WAMP servlet answers the other malformed upgrades ({@link UpgradeRequestCheck}). Errors on other connectors (a
 * Jetty distribution's own) go to the handler this one replaced. Errors inside our contexts never get here: their
 * own error handlers answer them.
 */
final class NodeErrorHandler implements Request.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(NodeErrorHandler.class);

    private final Set<Connector> ours;
    private final Request.Handler others;

    /** @param others the server's error handler so far; null for Jetty's default */
    NodeErrorHandler(Set<Connector> ours, Request.Handler others) {
        this.ours = ours;
        this.others = others != null ? others : new ErrorHandler();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!ours.contains(request.getConnectionMetaData().getConnector())) {
            return others.handle(request, response, callback);
        }
        Refusal refusal = malformedUpgrade(request).orElseGet(() -> refusal(request));
        LOG.debug("{} {} from {} refused: {}", request.getMethod(), request.getHttpURI().getPath(),
                Request.getRemoteAddr(request), refusal.reason());
        PlainRefusal.send(refusal, response, callback);
        return true;
    }

    /**
     * The status Jetty chose, with its reason for a client error when that says more than the status text (a server
     * error's message may be an exception's, which stays out of the page as {@code display_tracebacks} keeps it).
     */
    private static Refusal refusal(Request request) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code
                ? code : HttpStatus.INTERNAL_SERVER_ERROR_500;
        String text = status + " " + HttpStatus.getMessage(status);
        if (HttpStatus.isClientError(status)
                && request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String message && !message.isBlank()
                && !message.equals(HttpStatus.getMessage(status))) {
            text += ": " + message.replaceAll("\\p{Cntrl}", "?");
        }
        return new Refusal(status, text, Map.of(HttpHeader.CACHE_CONTROL.asString(), "no-store"));
    }

    private static Optional<Refusal> malformedUpgrade(Request request) {
        if (!Integer.valueOf(HttpStatus.BAD_REQUEST_400).equals(request.getAttribute(ErrorHandler.ERROR_STATUS))
                || !UpgradeRequestCheck.asksForWebSocket(request.getHeaders().get(HttpHeader.UPGRADE))) {
            return Optional.empty();
        }
        return UpgradeRequestCheck.check(request.getConnectionMetaData().getProtocol(),
                request.getHeaders()::getValuesList, false);
    }
}
