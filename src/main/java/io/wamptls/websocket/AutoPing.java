package io.wamptls.websocket;

import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The {@code auto_ping_*} options: a ping every {@code interval} ms with {@code size} random bytes; when
 * {@code timeout} is set and no pong with that payload arrives in time, the connection is dropped (as autobahn
 * drops it: no closing handshake with a peer that stopped answering).
 */
final class AutoPing {
    private static final Logger LOG = LoggerFactory.getLogger(AutoPing.class);

    private final Session session;
    private final int interval;
    private final int timeout;
    private final int size;
    private volatile ByteBuffer lastSent;
    private volatile long lastPongNanos = System.nanoTime();
    private ScheduledFuture<?> pings;

    private AutoPing(Session session, int interval, int timeout, int size) {
        this.session = session;
        this.interval = interval;
        this.timeout = timeout;
        this.size = size;
    }

    /** Starts pinging {@code session} when {@code interval} is not 0; returns null otherwise. */
    static AutoPing start(Session session, int interval, int timeout, int size) {
        if (interval <= 0) {
            return null;
        }
        AutoPing ping = new AutoPing(session, interval, timeout, size);
        session.addMessageHandler(PongMessage.class, ping::onPong);
        ping.pings = Timers.SCHEDULER.scheduleAtFixedRate(ping::ping, interval, interval, TimeUnit.MILLISECONDS);
        return ping;
    }

    void stop() {
        pings.cancel(false);
    }

    private void ping() {
        if (!session.isOpen()) {
            stop();
            return;
        }
        byte[] payload = new byte[size];
        ThreadLocalRandom.current().nextBytes(payload);
        ByteBuffer sent = ByteBuffer.wrap(payload);
        long sentAt = System.nanoTime();
        lastSent = sent;
        try {
            session.getAsyncRemote().sendPing(sent.duplicate());
        } catch (IOException | IllegalStateException e) {
            LOG.debug("auto-ping on WebSocket session {} failed", session.getId(), e);
            return;
        }
        if (timeout > 0) {
            Timers.SCHEDULER.schedule(() -> {
                if (lastPongNanos - sentAt < 0 && session.isOpen()) {
                    LOG.info("dropping WebSocket session {}: no pong within {} ms", session.getId(), timeout);
                    stop();
                    dropNow();
                }
            }, timeout, TimeUnit.MILLISECONDS);
        }
    }

    private void onPong(PongMessage pong) {
        // a pong answering an earlier ping also proves the peer alive
        if (pong.getApplicationData().remaining() == size) {
            lastPongNanos = System.nanoTime();
        }
    }

    private void dropNow() {
        if (JettyCoreFrames.AVAILABLE && JettyCoreFrames.abort(session)) {
            return;
        }
        try {
            session.close(new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.GOING_AWAY,
                    "no pong"));
        } catch (IOException e) {
            LOG.debug("closing WebSocket session {} failed", session.getId(), e);
        }
    }
}
