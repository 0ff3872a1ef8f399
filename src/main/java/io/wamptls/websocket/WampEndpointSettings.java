package io.wamptls.websocket;

import io.wamptls.config.WebSocketOptions;
import io.wamptls.router.Router;
import io.wamptls.router.auth.AuthPolicy;
import io.wamptls.wamp.codec.Serializer;

import java.util.List;

/**
 * Everything a WAMP-over-WebSocket endpoint needs at run time.
 *
 * @param serializers the serializers this endpoint speaks, in the server's order of preference
 * @param maxQueuedMessages how many outbound messages may wait for a slow peer before it is disconnected
 */
public record WampEndpointSettings(Router router, AuthPolicy auth, List<Serializer> serializers,
                                   WebSocketOptions options, int maxQueuedMessages) {
    public static final int DEFAULT_MAX_QUEUED_MESSAGES = 10_000;
    /**
     * System property that overrides {@link #DEFAULT_MAX_QUEUED_MESSAGES} for every endpoint a node builds; there is
     * no Crossbar option for it. Tests set it small to reach the overflow quickly.
     */
    public static final String MAX_QUEUED_MESSAGES_PROPERTY = "wamptls.websocket.maxQueuedMessages";

    public WampEndpointSettings {
        serializers = List.copyOf(serializers);
    }

    /** The queue bound for new endpoints: the system property when set, else the default. */
    public static int configuredMaxQueuedMessages() {
        return Integer.getInteger(MAX_QUEUED_MESSAGES_PROPERTY, DEFAULT_MAX_QUEUED_MESSAGES);
    }

    public List<String> subprotocols() {
        return serializers.stream().map(Serializer::subprotocol).toList();
    }
}
