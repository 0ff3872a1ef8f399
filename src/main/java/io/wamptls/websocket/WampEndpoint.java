package io.wamptls.websocket;

import io.wamptls.config.WebSocketOptions;
import io.wamptls.router.RouterSession;
import io.wamptls.router.TransportInfo;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.ProtocolViolation;
import io.wamptls.wamp.codec.Serializer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** One WAMP session over one WebSocket: frames in are decoded and handed to the router, nothing else. */
public final class WampEndpoint extends Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(WampEndpoint.class);
    /** Upper bound for one message when the {@code max_message_size} option leaves it unlimited. */
    static final int UNLIMITED_MESSAGE_SIZE = 16 * 1024 * 1024;
    /** Initial size of the buffer a text message is assembled in: most WAMP messages fit, longer ones grow it. */
    static final int TEXT_MESSAGE_BUFFER = 512;

    private final WampEndpointSettings settings;
    private final Serializer serializer;
    private final TransportInfo transport;
    private volatile RouterSession routerSession;
    private volatile AutoPing autoPing;

    WampEndpoint(WampEndpointSettings settings, Serializer serializer, TransportInfo transport) {
        this.settings = settings;
        this.serializer = serializer;
        this.transport = transport;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        long maxMessage = settings.options().maxMessageSize();
        int limit = maxMessage > 0 ? (int) maxMessage : UNLIMITED_MESSAGE_SIZE;
        session.setMaxTextMessageBufferSize(limit);
        session.setMaxBinaryMessageBufferSize(limit);
        session.setMaxIdleTimeout(0); // WAMP sessions are long-lived; liveness is the auto-ping's job
        WebSocketOptions options = settings.options();
        if (options.maxFrameSize() > 0 && JettyCoreFrames.AVAILABLE) {
            JettyCoreFrames.limitFrameSize(session, options.maxFrameSize());
        }
        if (!serializer.binary() && JettyCoreFrames.AVAILABLE) {
            JettyCoreFrames.sizeTextMessageBuffer(session, TEXT_MESSAGE_BUFFER);
        }
        autoPing = AutoPing.start(session, options.autoPingInterval(), options.autoPingTimeout(),
                options.autoPingSize());
        routerSession = settings.router().attach(
                new WebSocketPeer(session, settings.router(), serializer, settings.maxQueuedMessages(),
                        options.closeHandshakeTimeout()), transport, settings.auth());
        if (serializer.binary()) {
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) buffer -> {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                onFrame(bytes);
            });
        } else {
            session.addMessageHandler(String.class,
                    (MessageHandler.Whole<String>) text -> onFrame(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void onFrame(byte[] frame) {
        Message message;
        try {
            message = serializer.decode(frame);
        } catch (ProtocolViolation e) {
            routerSession.protocolViolation(e.getMessage());
            return;
        }
        routerSession.receive(message);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        AutoPing ping = autoPing;
        if (ping != null) {
            ping.stop();
        }
        RouterSession current = routerSession;
        if (current != null) {
            current.transportClosed();
        }
    }

    @Override
    public void onError(Session session, Throwable cause) {
        LOG.debug("WebSocket error on session {} from {}", session.getId(), transport.peer(), cause);
    }
}
