package io.wamptls.wamp.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * {@code wamp.2.json}: UTF-8 JSON text. Binary values travel as a string of U+0000 followed by standard
 * padded Base64 (WAMP spec); such strings are turned back into {@code byte[]} on decode.
 */
public final class JsonSerializer extends JacksonSerializer {
    public static final String SUBPROTOCOL = "wamp.2.json";
    private static final char BINARY_MARKER = '\u0000';

    public JsonSerializer() {
        super(new ObjectMapper().registerModule(new SimpleModule("wamp-binary")
                .addSerializer(byte[].class, new BinaryAsMarkedBase64())), SUBPROTOCOL, false, true);
    }

    @Override
    List<?> afterDecode(List<?> list) {
        return (List<?>) restoreBinary(list);
    }

    @SuppressWarnings("unchecked")
    private static Object restoreBinary(Object value) {
        if (value instanceof String s) {
            return !s.isEmpty() && s.charAt(0) == BINARY_MARKER ? decodeBinary(s) : s;
        } else if (value instanceof List<?> list) {
            ListIterator<Object> it = ((List<Object>) list).listIterator();
            while (it.hasNext()) {
                Object element = it.next();
                Object restored = restoreBinary(element);
                if (restored != element) {
                    it.set(restored);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) map).entrySet()) {
                Object restored = restoreBinary(entry.getValue());
                if (restored != entry.getValue()) {
                    entry.setValue(restored);
                }
            }
        }
        return value;
    }

    private static Object decodeBinary(String marked) {
        try {
            return Base64.getDecoder().decode(marked.substring(1));
        } catch (IllegalArgumentException notBase64) {
            return marked; // a string that merely starts with U+0000: leave it alone
        }
    }

    private static final class BinaryAsMarkedBase64 extends StdSerializer<byte[]> {
        BinaryAsMarkedBase64() {
            super(byte[].class);
        }

        @Override
        public void serialize(byte[] value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(BINARY_MARKER + Base64.getEncoder().encodeToString(value));
        }
    }
}
