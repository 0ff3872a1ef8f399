package io.wamptls.wamp.codec;

import io.wamptls.wamp.Message;
import io.wamptls.wamp.ProtocolViolation;

/** One WAMP serialization, as negotiated by the WebSocket subprotocol. Implementations are thread-safe. */
public interface Serializer {

    /** The WebSocket subprotocol, e.g. {@code wamp.2.json}. */
    String subprotocol();

    /** True when messages travel in binary frames; false for text frames (JSON, whose frame is UTF-8 text). */
    boolean binary();

    byte[] encode(Message message);

    /** Decodes one frame; anything that is not a well-formed WAMP message is a {@link ProtocolViolation}. */
    Message decode(byte[] frame) throws ProtocolViolation;
}
