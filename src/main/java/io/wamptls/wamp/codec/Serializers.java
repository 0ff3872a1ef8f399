package io.wamptls.wamp.codec;

import java.util.List;
import java.util.Optional;

/** The serializers this router speaks, by subprotocol or by Crossbar's short name. */
public final class Serializers {
    private static final Serializer CBOR = new CborSerializer();
    private static final Serializer MSGPACK = new MsgPackSerializer();
    private static final Serializer JSON = new JsonSerializer();

    /** Offer order when the configuration lists none: cbor, msgpack, json (as Crossbar, without batched). */
    public static final List<Serializer> DEFAULT_ORDER = List.of(CBOR, MSGPACK, JSON);

    private Serializers() {
    }

    /** The serializer for a WebSocket subprotocol such as {@code wamp.2.json}. */
    public static Optional<Serializer> forSubprotocol(String subprotocol) {
        return DEFAULT_ORDER.stream().filter(s -> s.subprotocol().equals(subprotocol)).findFirst();
    }

    /** The serializer for a config name: {@code json}, {@code msgpack} or {@code cbor}. */
    public static Optional<Serializer> named(String name) {
        return forSubprotocol("wamp.2." + name);
    }

    /** The subprotocols of {@link #DEFAULT_ORDER}. */
    public static List<String> defaultSubprotocols() {
        return DEFAULT_ORDER.stream().map(Serializer::subprotocol).toList();
    }
}
