package io.wamptls.config;

import java.util.List;

/**
 * What a WAMP-over-WebSocket endpoint (a {@code websocket} transport or a {@code websocket} web path) declares.
 *
 * @param url         the {@code url} key, or null
 * @param serializers {@code serializers} as given ({@code json}, {@code msgpack}, {@code cbor}); empty means all
 * @param auth        the {@code auth} dict; {@link AuthConfig#NONE} when absent (anonymous only)
 */
public record WampEndpointConfig(String jsonPath, String url, List<String> serializers, WebSocketOptions options,
                                 AuthConfig auth) {
    public WampEndpointConfig {
        serializers = List.copyOf(serializers);
    }
}
