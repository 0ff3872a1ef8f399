package io.wamptls.websocket;

import io.wamptls.router.Peer;
import io.wamptls.router.Router;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.codec.Serializer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The router's view of one WebSocket connection. {@link #send} never blocks: frames go out asynchronously and a
 * peer that lets more than {@code maxQueued} messages pile up is disconnected, so a slow reader cannot slow the
 * router, publishers or other subscribers.
 */
final class WebSocketPeer implements Peer {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketPeer.class);

    private final Session session;
    private final Router router;
    private final Serializer serializer;
    private final int maxQueued;
    private final int closeHandshakeTimeout;
    private final AtomicInteger queued = new AtomicInteger();
    private final SendHandler onSent = result -> queued.decrementAndGet();

    WebSocketPeer(Session session, Router router, Serializer serializer, int maxQueued, int closeHandshakeTimeout) {
        this.closeHandshakeTimeout = closeHandshakeTimeout;
        this.session = session;
        this.router = router;
        this.serializer = serializer;
        this.maxQueued = maxQueued;
    }

    @Override
    public void send(Message message) {
        if (!session.isOpen()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            LOG.warn("disconnecting WebSocket session {}: more than {} outbound messages queued (peer not reading)",
                    session.getId(), maxQueued);
            close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "outbound queue overflow");
            return;
        }
        byte[] frame = serializer.encode(message);
        if (serializer.binary()) {
            session.getAsyncRemote().sendBinary(ByteBuffer.wrap(frame), onSent);
        } else {
            session.getAsyncRemote().sendText(new String(frame, StandardCharsets.UTF_8), onSent);
        }
    }

    @Override
    public void close() {
        if (router.isShutDown()) {
            close(CloseReason.CloseCodes.GOING_AWAY, "node shutting down");
        } else {
            close(CloseReason.CloseCodes.NORMAL_CLOSURE, "");
        }
    }

    /** {@code close_handshake_timeout}: a peer that does not answer our close frame in time is dropped. */
    private void dropUnlessClosedWithin(int millis) {
        if (millis > 0) {
            CoreSession core = ((JakartaWebSocketSession) session).getCoreSession();
            Timers.SCHEDULER.schedule(() -> {
                if (!core.isClosed()) {
                    core.abort();
                }
            }, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void close(CloseReason.CloseCode code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason));
                dropUnlessClosedWithin(closeHandshakeTimeout);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("closing WebSocket session {} failed", session.getId(), e);
        }
    }
}
