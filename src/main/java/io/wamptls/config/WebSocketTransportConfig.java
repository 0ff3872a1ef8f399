package io.wamptls.config;

/** A standalone {@code websocket} transport: a WAMP endpoint on a port of its own. */
public record WebSocketTransportConfig(String jsonPath, String id, EndpointConfig endpoint, WampEndpointConfig wamp)
        implements TransportConfig {
    @Override
    public String type() {
        return "websocket";
    }
}
