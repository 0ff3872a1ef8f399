package io.wamptls.wamp.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.MessageLists;
import io.wamptls.wamp.ProtocolViolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The part the three serializers share: a Jackson mapper between bytes and the list form of a message. */
abstract class JacksonSerializer implements Serializer {
    private final ObjectMapper mapper;
    private final String subprotocol;
    private final boolean binary;

    /**
     * @param rejectTrailingData fail frames with data after the message; the msgpack parser cannot do this
     *                           check (it reports EOF as an error), so MessagePack ignores trailing bytes
     */
    JacksonSerializer(ObjectMapper mapper, String subprotocol, boolean binary, boolean rejectTrailingData) {
        this.mapper = rejectTrailingData ? mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) : mapper;
        this.subprotocol = subprotocol;
        this.binary = binary;
    }

    @Override
    public String subprotocol() {
        return subprotocol;
    }

    @Override
    public boolean binary() {
        return binary;
    }

    @Override
    public byte[] encode(Message message) {
        try {
            return mapper.writeValueAsBytes(message.toList());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(message.type() + " cannot be encoded as " + subprotocol, e);
        }
    }

    @Override
    public Message decode(byte[] frame) throws ProtocolViolation {
        Object decoded;
        try {
            decoded = mapper.readValue(frame, Object.class);
        } catch (JacksonException e) {
            throw new ProtocolViolation("frame is not valid " + subprotocol + ": " + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) { // msgpack-core reports bad input unchecked
            throw new ProtocolViolation("frame cannot be read as " + subprotocol + ": " + e.getMessage(), e);
        }
        if (!(decoded instanceof List<?> list)) {
            throw new ProtocolViolation("message must be a list, got " + MessageLists.typeName(decoded));
        }
        return MessageLists.fromList(afterDecode(list));
    }

    /** Hook for format-specific fix-ups of decoded values (JSON turns its binary strings into bytes). */
    List<?> afterDecode(List<?> list) {
        return list;
    }
}
