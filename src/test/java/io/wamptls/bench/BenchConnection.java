package io.wamptls.bench;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** One load-client WebSocket connection on Jetty's core client: whole messages in, frames out, nothing else. */
final class BenchConnection implements FrameHandler {
    private final boolean binary;
    private volatile BiConsumer<BenchConnection, byte[]> onMessage;
    private CoreSession session;

    private BenchConnection(boolean binary, BiConsumer<BenchConnection, byte[]> onMessage) {
        this.binary = binary;
        this.onMessage = onMessage;
    }

    static CompletableFuture<BenchConnection> open(WebSocketCoreClient client, URI uri, String subprotocol,
                                                   BiConsumer<BenchConnection, byte[]> onMessage) {
        BenchConnection connection = new BenchConnection(!subprotocol.endsWith("json"), onMessage);
        CoreClientUpgradeRequest request = CoreClientUpgradeRequest.from(client, uri, connection);
        request.setSubProtocols(subprotocol);
        try {
            return client.connect(request).thenApply(session -> connection);
        } catch (java.io.IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    void onMessage(BiConsumer<BenchConnection, byte[]> handler) {
        onMessage = handler;
    }

    void send(byte[] message) {
        session.sendFrame(new Frame(binary ? OpCode.BINARY : OpCode.TEXT).setPayload(ByteBuffer.wrap(message)),
                Callback.NOOP, false);
    }

    void close() {
        session.close(CloseStatus.NORMAL, "bye", Callback.NOOP);
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        session = coreSession;
        coreSession.setIdleTimeout(Duration.ZERO); // idle sessions are the point of some measurements: keep them
        callback.succeeded();
        coreSession.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        if (frame.getOpCode() == OpCode.TEXT || frame.getOpCode() == OpCode.BINARY) {
            // the peers send small messages in one frame
            ByteBuffer payload = frame.getPayload();
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            onMessage.accept(this, bytes);
        }
        callback.succeeded();
        session.demand();
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        callback.succeeded();
    }
}
