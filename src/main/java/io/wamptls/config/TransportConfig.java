package io.wamptls.config;

/** A router transport: a {@code web} transport or a standalone {@code websocket} transport. */
public sealed interface TransportConfig permits WebTransportConfig, WebSocketTransportConfig {
    /** The JSON path of the transport item, e.g. {@code workers[0].transports[1]}. */
    String jsonPath();

    /** The transport's {@code id}, or an automatic one ({@code transport001}, ...) as Crossbar gives. */
    String id();

    EndpointConfig endpoint();

    /** {@code web} or {@code websocket}. */
    String type();
}
