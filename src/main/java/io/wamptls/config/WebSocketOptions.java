package io.wamptls.config;

import java.util.List;

/**
 * The WebSocket {@code options} dict with Crossbar's defaults. Times are milliseconds; 0 means off.
 *
 * @param maxFrameSize   0 = unlimited
 * @param maxMessageSize 0 = unlimited, else 1..64 MiB
 * @param compression    the {@code compression} dict's {@code deflate} entry, or null when off
 */
public record WebSocketOptions(List<String> allowedOrigins, boolean allowNullOrigin, Integer externalPort,
                               int openHandshakeTimeout, int closeHandshakeTimeout, int autoPingInterval,
                               int autoPingTimeout, int autoPingSize, boolean enableWebstatus, long maxFrameSize,
                               long maxMessageSize, Deflate compression, boolean requireWebsocketSubprotocol,
                               boolean showServerVersion) {
    public WebSocketOptions {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static final WebSocketOptions DEFAULT = new WebSocketOptions(List.of("*"), true, null, 0, 0, 0, 0, 12,
            true, 0, 0, null, true, false);

    /** permessage-deflate parameters; 0 for a window-bits field means "not requested". */
    public record Deflate(boolean requestNoContextTakeover, int requestMaxWindowBits, boolean noContextTakeover,
                          int maxWindowBits, int memoryLevel) {
    }
}
