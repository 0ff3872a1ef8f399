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

    public WampEndpointSettings {
        serializers = List.copyOf(serializers);
    }

    public List<String> subprotocols() {
        return serializers.stream().map(Serializer::subprotocol).toList();
    }
}
