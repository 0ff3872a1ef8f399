package io.wamptls.router;

import io.wamptls.router.auth.AuthPolicy;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.ProtocolViolation;
import io.wamptls.wamp.WampUris;
import io.wamptls.wamp.codec.Serializer;
import io.wamptls.wamp.codec.Serializers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frames in, frames out, as the WebSocket adapter will do it: decode → receive, send → encode. */
class WireLevelTest {
    private final Router router = Realms.router(Realms.open());

    /** A fake transport speaking one serializer. */
    private final class WireClient implements Peer {
        final Serializer serializer;
        final LinkedBlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
        final RouterSession session;
        volatile boolean closed;

        WireClient(String serializerName) {
            serializer = Serializers.named(serializerName).orElseThrow();
            session = router.attach(this, new TransportInfo("tcp4:127.0.0.1:1", true, serializer.subprotocol(), null, null),
                    AuthPolicy.anonymous("anonymous"));
        }

        @Override
        public void send(Message message) {
            frames.add(serializer.encode(message));
        }

        @Override
        public void close() {
            closed = true;
        }

        void receiveFrame(byte[] frame) {
            try {
                session.receive(serializer.decode(frame));
            } catch (ProtocolViolation violation) {
                session.protocolViolation(violation.getMessage());
            }
        }

        void sendMessage(Message message) {
            receiveFrame(serializer.encode(message));
        }

        Message nextMessage() throws Exception {
            byte[] frame = frames.poll();
            assertNotNull(frame, "expected a frame");
            return serializer.decode(frame);
        }

        void join() throws Exception {
            sendMessage(new Message.Hello("realm1", Map.of("roles", TestClient.ALL_ROLES)));
            assertInstanceOf(Message.Welcome.class, nextMessage());
        }
    }

    @Test
    void binaryPayloadCrossesFromJsonToMsgpackAndCbor() throws Exception {
        WireClient json = new WireClient("json");
        WireClient msgpack = new WireClient("msgpack");
        WireClient cbor = new WireClient("cbor");
        json.join();
        msgpack.join();
        cbor.join();
        for (WireClient subscriber : List.of(msgpack, cbor)) {
            subscriber.sendMessage(new Message.Subscribe(1, Map.of(), "com.example.topic"));
            assertInstanceOf(Message.Subscribed.class, subscriber.nextMessage());
        }
        json.receiveFrame("[16,1,{},\"com.example.topic\",[\"\\u0000AQID\",\"text\"],{\"n\":9007199254740992}]"
                .getBytes(StandardCharsets.UTF_8));
        for (WireClient subscriber : List.of(msgpack, cbor)) {
            Message.Event event = assertInstanceOf(Message.Event.class, subscriber.nextMessage());
            assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) event.args().get(0));
            assertEquals("text", event.args().get(1));
            assertEquals(9007199254740992L, ((Number) event.kwargs().get("n")).longValue());
        }
    }

    @Test
    void undecodableFrameAbortsWithTheDecoderMessage() throws Exception {
        WireClient json = new WireClient("json");
        json.join();
        json.receiveFrame("[32,1,{},5]".getBytes(StandardCharsets.UTF_8));
        Message.Abort abort = assertInstanceOf(Message.Abort.class, json.nextMessage());
        assertEquals(WampUris.PROTOCOL_VIOLATION, abort.reason());
        assertEquals("SUBSCRIBE: element 3 (topic) must be a string, got integer", abort.details().get("message"));
        assertTrue(json.closed);
    }
}
