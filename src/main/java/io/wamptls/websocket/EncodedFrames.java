package io.wamptls.websocket;

import io.wamptls.wamp.Message;
import io.wamptls.wamp.codec.Serializer;

/**
 * Encodes a message once for all the peers it goes to: the broker hands the very same EVENT to every subscriber of a
 * subscription, one after the other on one thread, so remembering the last encoding per thread saves all but one
 * encoding of a fan-out. Frames are never modified after encoding, so peers may share the bytes.
 */
final class EncodedFrames {
    private record Last(Serializer serializer, Message message, byte[] frame) {
    }

    private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

    private EncodedFrames() {
    }

    static byte[] encode(Serializer serializer, Message message) {
        Last last = LAST.get();
        if (last != null && last.message() == message && last.serializer() == serializer) {
            return last.frame();
        }
        byte[] frame = serializer.encode(message);
        LAST.set(new Last(serializer, message, frame));
        return frame;
    }
}
