package io.wamptls.websocket;

import io.wamptls.router.Peer;
import io.wamptls.router.Router;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.codec.Serializer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final SendHandler onSent = result -> queued.decrementAndGet();
    private final Runnable onCoreSent = queued::decrementAndGet;

    WebSocketPeer(Session session, Router router, Serializer serializer, int maxQueued, int closeHandshakeTimeout) {
        this.closeHandshakeTimeout = closeHandshakeTimeout;
        this.session = session;
        this.router = router;
        this.serializer = serializer;
        this.maxQueued = maxQueued;
    }

    @Override
    public void send(Message message) {
        if (overflowed.get() || !session.isOpen()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            if (overflowed.compareAndSet(false, true)) {
                LOG.warn("disconnecting WebSocket session {} from {}: more than {} outbound messages queued"
                        + " (peer not reading)", session.getId(), session.getRequestURI(), maxQueued);
                // off the router's thread: the resulting transportClosed() must not run inside this send
                CompletableFuture.runAsync(this::abort);
            }
            return;
        }
        byte[] frame = EncodedFrames.encode(serializer, message);
        if (JettyCoreFrames.AVAILABLE && JettyCoreFrames.send(session, frame, serializer.binary(), onCoreSent)) {
            return;
        }
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

    /**
     * Drops the connection without a close handshake: a peer that does not read would never answer one, and the
     * connection would hold its queued frames until then.
     */
    private void abort() {
        if (!(JettyCoreFrames.AVAILABLE && JettyCoreFrames.abort(session))) {
            close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "outbound queue overflow");
        }
    }

    /** {@code close_handshake_timeout}: a peer that does not answer our close frame in time is dropped. */
    private void dropUnlessClosedWithin(int millis) {
        if (millis > 0 && JettyCoreFrames.AVAILABLE) {
            Timers.SCHEDULER.schedule(() -> JettyCoreFrames.abortUnlessClosed(session), millis, TimeUnit.MILLISECONDS);
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
