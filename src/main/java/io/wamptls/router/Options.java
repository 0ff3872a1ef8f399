package io.wamptls.router;

import io.wamptls.router.match.MatchPolicy;
import io.wamptls.wamp.MessageLists;
import io.wamptls.wamp.MessageType;
import io.wamptls.wamp.ProtocolViolation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reading of a message's Options/Details dict. Unknown keys are ignored; a known key with the wrong type
 * is a protocol violation naming the message and the key (as Crossbar/Autobahn do).
 */
final class Options {
    private final MessageType type;
    private final Map<String, Object> map;

    Options(MessageType type, Map<String, Object> map) {
        this.type = type;
        this.map = map != null ? map : Map.of();
    }

    private ProtocolViolation wrong(String key, String expected) {
        return new ProtocolViolation(type + ": option " + key + " must be " + expected + ", got "
                + MessageLists.typeName(map.get(key)));
    }


    boolean bool(String key, boolean absent) throws ProtocolViolation {
        Object value = map.get(key);
        if (value == null) {
            return absent;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrong(key, "a bool");
    }

    String string(String key, String absent) throws ProtocolViolation {
        Object value = map.get(key);
        if (value == null) {
            return absent;
        }
        if (value instanceof String s) {
            return s;
        }
        throw wrong(key, "a string");
    }

    long nonNegative(String key, long absent) throws ProtocolViolation {
        Object value = map.get(key);
        if (value == null) {
            return absent;
        }
        if ((value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)
                && ((Number) value).longValue() >= 0) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.signum() >= 0) {
            return big.bitLength() < 63 ? big.longValue() : Long.MAX_VALUE;
        }
        throw wrong(key, "a non-negative integer");
    }

    /** A list of session ids, or null when absent. */
    List<Long> ids(String key) throws ProtocolViolation {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw wrong(key, "a list of integers");
        }
        List<Long> ids = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof Number n) || element instanceof Double || element instanceof Float) {
                throw new ProtocolViolation(type + ": option " + key + " must be a list of integers, got an element of type "
                        + MessageLists.typeName(element));
            }
            ids.add(n.longValue());
        }
        return ids;
    }

    /** A list of strings, or null when absent. */
    List<String> strings(String key) throws ProtocolViolation {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw wrong(key, "a list of strings");
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof String s)) {
                throw new ProtocolViolation(type + ": option " + key + " must be a list of strings, got an element of type "
                        + MessageLists.typeName(element));
            }
            strings.add(s);
        }
        return strings;
    }

    /** {@code match}: exact (default), prefix or wildcard. */
    MatchPolicy match() throws ProtocolViolation {
        String name = string("match", "exact");
        MatchPolicy policy = MatchPolicy.fromWireName(name);
        if (policy == null) {
            throw new ProtocolViolation(type + ": option match must be exact, prefix or wildcard, got \"" + name + "\"");
        }
        return policy;
    }
}
