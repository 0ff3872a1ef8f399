package io.wamptls.wamp.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;

/** {@code wamp.2.cbor}: CBOR (RFC 8949) in binary frames; byte strings are {@code byte[]}. */
public final class CborSerializer extends JacksonSerializer {
    public static final String SUBPROTOCOL = "wamp.2.cbor";

    public CborSerializer() {
        super(new ObjectMapper(new CBORFactory()), SUBPROTOCOL, true, true);
    }
}
