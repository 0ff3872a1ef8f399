package io.wamptls.wamp.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.wamptls.wamp.Ids;
import io.wamptls.wamp.MessageListsTest;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.ProtocolViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.msgpack.jackson.dataformat.MessagePackFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerializerTest {

    static Stream<Serializer> serializers() {
        return Serializers.DEFAULT_ORDER.stream();
    }

    private static Message.Event eventWithEverything() {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("bytes", new byte[]{0, 1, 2, (byte) 255});
        kwargs.put("nested", Map.of("list", List.of(1, "two", 3.5, false)));
        kwargs.put("null", null);
        List<Object> args = new ArrayList<>(List.of("text", Long.MAX_VALUE, new byte[]{9, 8, 7}));
        return new Message.Event(Ids.MAX, 1L, Map.of("topic", "com.example.topic"), args, kwargs);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void roundTripsKeepBinaryValuesAndLargeIds(Serializer serializer) throws ProtocolViolation {
        Message.Event decoded = (Message.Event) serializer.decode(serializer.encode(eventWithEverything()));
        assertEquals(Ids.MAX, decoded.subscription());
        assertEquals("text", decoded.args().get(0));
        assertEquals(Long.MAX_VALUE, ((Number) decoded.args().get(1)).longValue());
        assertArrayEquals(new byte[]{9, 8, 7}, assertInstanceOf(byte[].class, decoded.args().get(2)));
        assertArrayEquals(new byte[]{0, 1, 2, (byte) 255}, assertInstanceOf(byte[].class, decoded.kwargs().get("bytes")));
        assertEquals(normalizeInts(Map.of("list", List.of(1, "two", 3.5, false))), normalizeInts(decoded.kwargs().get("nested")));
        assertTrue(decoded.kwargs().containsKey("null"));
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void everyMessageTypeRoundTrips(Serializer serializer) throws ProtocolViolation {
        for (Message message : MessageListsTest.everyMessage()) {
            Message decoded = serializer.decode(serializer.encode(message));
            assertEquals(normalizeInts(message.toList()), normalizeInts(decoded.toList()), serializer.subprotocol());
        }
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void decodeErrorsNameTheMessageType(Serializer serializer) {
        ProtocolViolation violation = assertThrows(ProtocolViolation.class,
                () -> serializer.decode(innerListFrame(serializer, List.of(32, 1, Map.of(), 5))));
        assertEquals("SUBSCRIBE: element 3 (topic) must be a string, got integer", violation.getMessage());
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void garbageIsAProtocolViolation(Serializer serializer) throws Exception {
        ProtocolViolation violation = assertThrows(ProtocolViolation.class,
                () -> serializer.decode(new byte[]{(byte) 0xc1, 0x7b, 0x7b}));
        assertTrue(violation.getMessage().contains(serializer.subprotocol()), violation.getMessage());
        ProtocolViolation notAList = assertThrows(ProtocolViolation.class,
                () -> serializer.decode(innerListFrame(serializer, Map.of("a", 1))));
        assertEquals("message must be a list, got dict", notAList.getMessage());
    }

    @Test
    void jsonIsUtf8TextWithMarkedBase64ForBinary() throws ProtocolViolation {
        Serializer json = Serializers.named("json").orElseThrow();
        assertFalse(json.binary());
        String text = new String(json.encode(new Message.Publish(1, Map.of(), "t", List.of(new byte[]{1, 2, 3}, "é"), null)),
                StandardCharsets.UTF_8);
        assertEquals("[16,1,{},\"t\",[\"\\u0000AQID\",\"é\"]]", text);
        Message.Call call = (Message.Call) json.decode(
                "[48,7,{},\"com.example.p\",[\"\\u0000AQID\"]]".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) call.args().get(0));
    }

    @Test
    void msgpackAcceptsIdsSentAsUint64() throws ProtocolViolation {
        Serializer msgpack = Serializers.named("msgpack").orElseThrow();
        // [32, uint64 2^53, {}, "a.b"] as Autobahn|JS encodes it: 0x94 0x20 0xcf <8 bytes> 0x80 0xa3 "a.b"
        byte[] frame = HexFormat.of().parseHex("9420cf0020000000000000" + "80" + "a3612e62");
        Message.Subscribe subscribe = (Message.Subscribe) msgpack.decode(frame);
        assertEquals(Ids.MAX, subscribe.request());
        byte[] small = HexFormat.of().parseHex("9420cf0000000000000007" + "80" + "a3612e62");
        assertEquals(7, ((Message.Subscribe) msgpack.decode(small)).request());
        byte[] tooLarge = HexFormat.of().parseHex("9420cfffffffffffffffff" + "80" + "a3612e62");
        ProtocolViolation violation = assertThrows(ProtocolViolation.class, () -> msgpack.decode(tooLarge));
        assertEquals("SUBSCRIBE: element 1 (request) must be an ID in [1, 2^53], got 18446744073709551615",
                violation.getMessage());
    }

    @Test
    void binaryCrossesSerializers() throws ProtocolViolation {
        Serializer json = Serializers.named("json").orElseThrow();
        Message fromJson = json.decode("[36,1,2,{},[\"\\u0000AP8=\"]]".getBytes(StandardCharsets.UTF_8));
        for (Serializer binary : List.of(Serializers.named("msgpack").orElseThrow(), Serializers.named("cbor").orElseThrow())) {
            Message.Event viaBinary = (Message.Event) binary.decode(binary.encode(fromJson));
            assertArrayEquals(new byte[]{0, (byte) 255}, (byte[]) viaBinary.args().get(0));
            assertEquals("[36,1,2,{},[\"\\u0000AP8=\"]]", new String(json.encode(viaBinary), StandardCharsets.UTF_8));
        }
    }

    @Test
    void registryKnowsSubprotocolsNamesAndDefaultOrder() {
        assertEquals(List.of("wamp.2.cbor", "wamp.2.msgpack", "wamp.2.json"), Serializers.defaultSubprotocols());
        assertTrue(Serializers.forSubprotocol("wamp.2.msgpack").orElseThrow().binary());
        assertEquals("wamp.2.cbor", Serializers.named("cbor").orElseThrow().subprotocol());
        assertTrue(Serializers.forSubprotocol("wamp.2.json.batched").isEmpty());
        assertTrue(Serializers.named("ubjson").isEmpty());
    }

    /** A frame holding an arbitrary value (not necessarily a valid message) in the serializer's format. */
    private static byte[] innerListFrame(Serializer serializer, Object value) throws Exception {
        ObjectMapper mapper = switch (serializer.subprotocol()) {
            case "wamp.2.msgpack" -> new ObjectMapper(new MessagePackFactory());
            case "wamp.2.cbor" -> new ObjectMapper(new CBORFactory());
            default -> new ObjectMapper();
        };
        return mapper.writeValueAsBytes(value);
    }

    @SuppressWarnings("unchecked")
    private static Object normalizeInts(Object value) {
        if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
            return n.longValue();
        } else if (value instanceof List<?> list) {
            return list.stream().map(SerializerTest::normalizeInts).toList();
        } else if (value instanceof Map<?, ?> map) {
            Map<Object, Object> normalized = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> normalized.put(k, normalizeInts(v)));
            return normalized;
        }
        return value;
    }
}
