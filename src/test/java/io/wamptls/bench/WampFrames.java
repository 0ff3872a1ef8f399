package io.wamptls.bench;

import io.wamptls.wamp.Message;
import io.wamptls.wamp.ProtocolViolation;
import io.wamptls.wamp.codec.Serializer;
import io.wamptls.wamp.codec.Serializers;

import java.util.List;
import java.util.Map;

/** The WAMP messages the load client sends, through the project's own serializers, and the few it reads. */
final class WampFrames {
    /** The payload of every event and call, 32 bytes as in the Crossbar baseline. */
    static final String PAYLOAD = "0123456789abcdef0123456789abcdef";

    private final Serializer serializer;

    WampFrames(String subprotocol) {
        this.serializer = Serializers.forSubprotocol(subprotocol).orElseThrow();
    }

    byte[] hello() {
        return serializer.encode(new Message.Hello("realm1", Map.of("roles", Map.of("publisher", Map.of(),
                "subscriber", Map.of(), "caller", Map.of(), "callee", Map.of()))));
    }

    byte[] subscribe(String topic) {
        return serializer.encode(new Message.Subscribe(1, Map.of(), topic));
    }

    byte[] register(String procedure) {
        return serializer.encode(new Message.Register(1, Map.of(), procedure));
    }

    /** A PUBLISH whose args carry a sequence number and the send time in nanoseconds. */
    byte[] publish(long request, String topic, long sentNanos) {
        return serializer.encode(new Message.Publish(request, Map.of(), topic, List.of(PAYLOAD, sentNanos), Map.of()));
    }

    byte[] call(long request, String procedure) {
        return serializer.encode(new Message.Call(request, Map.of(), procedure, List.of(PAYLOAD), Map.of()));
    }

    byte[] yieldFor(long invocation) {
        return serializer.encode(new Message.Yield(invocation, Map.of(), List.of(PAYLOAD), Map.of()));
    }

    Message decode(byte[] frame) {
        try {
            return serializer.decode(frame);
        } catch (ProtocolViolation e) {
            throw new IllegalStateException(e);
        }
    }

    /** The send time carried by an EVENT (router) or a forwarded PUBLISH (anchor). */
    long sentNanos(byte[] frame) {
        Message message = decode(frame);
        List<Object> args = message instanceof Message.Event e ? e.args() : ((Message.Publish) message).args();
        return ((Number) args.get(1)).longValue();
    }
}
