package io.wamptls.websocket;

import io.wamptls.wamp.codec.Serializer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Picks the serializer as Crossbar does: the client's first offered subprotocol that the endpoint speaks. */
final class SubprotocolNegotiation {

    private SubprotocolNegotiation() {
    }

    static Optional<Serializer> choose(List<String> offeredHeaderValues, List<Serializer> spoken) {
        return offeredHeaderValues.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .flatMap(offered -> spoken.stream().filter(s -> s.subprotocol().equals(offered)))
                .findFirst();
    }
}
