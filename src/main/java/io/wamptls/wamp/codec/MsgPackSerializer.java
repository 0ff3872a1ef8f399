package io.wamptls.wamp.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * {@code wamp.2.msgpack}: MessagePack in binary frames; bin values are {@code byte[]}. Autobahn writes every
 * 64-bit integer as uint64: small ones decode to Long, values above Long.MAX_VALUE to BigInteger, and the
 * message reader range-checks IDs either way.
 */
public final class MsgPackSerializer extends JacksonSerializer {
    public static final String SUBPROTOCOL = "wamp.2.msgpack";

    public MsgPackSerializer() {
        super(new ObjectMapper(new MessagePackFactory()), SUBPROTOCOL, true, false);
    }
}
