package io.wamptls.wamp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts messages from and to the generic list form {@code [code, element1, ...]} that serializers produce.
 * Decoding validates every element and names the message type and element in its errors.
 */
public final class MessageLists {

    private MessageLists() {
    }

    public static List<Object> toList(Message message) {
        List<Object> list = new ArrayList<>(7);
        list.add(message.type().code());
        if (message instanceof Message.Hello m) {
            add(list, m.realm(), m.details());
        } else if (message instanceof Message.Welcome m) {
            add(list, m.session(), m.details());
        } else if (message instanceof Message.Abort m) {
            add(list, m.details(), m.reason());
        } else if (message instanceof Message.Challenge m) {
            add(list, m.authMethod(), m.extra());
        } else if (message instanceof Message.Authenticate m) {
            add(list, m.signature(), m.extra());
        } else if (message instanceof Message.Goodbye m) {
            add(list, m.details(), m.reason());
        } else if (message instanceof Message.Error m) {
            add(list, m.requestType(), m.request(), m.details(), m.error());
            addPayload(list, m.args(), m.kwargs());
        } else if (message instanceof Message.Publish m) {
            add(list, m.request(), m.options(), m.topic());
            addPayload(list, m.args(), m.kwargs());
        } else if (message instanceof Message.Published m) {
            add(list, m.request(), m.publication());
        } else if (message instanceof Message.Subscribe m) {
            add(list, m.request(), m.options(), m.topic());
        } else if (message instanceof Message.Subscribed m) {
            add(list, m.request(), m.subscription());
        } else if (message instanceof Message.Unsubscribe m) {
            add(list, m.request(), m.subscription());
        } else if (message instanceof Message.Unsubscribed m) {
            list.add(m.request());
            if (m.details() != null) {
                list.add(m.details());
            }
        } else if (message instanceof Message.Event m) {
            add(list, m.subscription(), m.publication(), m.details());
            addPayload(list, m.args(), m.kwargs());
        } else if (message instanceof Message.Call m) {
            add(list, m.request(), m.options(), m.procedure());
            addPayload(list, m.args(), m.kwargs());
        } else if (message instanceof Message.Cancel m) {
            add(list, m.request(), m.options());
        } else if (message instanceof Message.Result m) {
            add(list, m.request(), m.details());
            addPayload(list, m.args(), m.kwargs());
        } else if (message instanceof Message.Register m) {
            add(list, m.request(), m.options(), m.procedure());
        } else if (message instanceof Message.Registered m) {
            add(list, m.request(), m.registration());
        } else if (message instanceof Message.Unregister m) {
            add(list, m.request(), m.registration());
        } else if (message instanceof Message.Unregistered m) {
            list.add(m.request());
            if (m.details() != null) {
                list.add(m.details());
            }
        } else if (message instanceof Message.Invocation m) {
            add(list, m.request(), m.registration(), m.details());
            addPayload(list, m.args(), m.kwargs());
        } else if (message instanceof Message.Interrupt m) {
            add(list, m.request(), m.options());
        } else if (message instanceof Message.Yield m) {
            add(list, m.request(), m.options());
            addPayload(list, m.args(), m.kwargs());
        }
        return list;
    }

    private static void add(List<Object> list, Object... elements) {
        for (Object element : elements) {
            list.add(element);
        }
    }

    /** Payload goes out exactly as received: kwargs needs an args placeholder, absent stays absent. */
    private static void addPayload(List<Object> list, List<Object> args, Map<String, Object> kwargs) {
        if (kwargs != null) {
            list.add(args != null ? args : List.of());
            list.add(kwargs);
        } else if (args != null) {
            list.add(args);
        }
    }

    /** Reads a message from its list form; any malformation is a {@link ProtocolViolation} naming the element. */
    public static Message fromList(List<?> list) throws ProtocolViolation {
        if (list.isEmpty()) {
            throw new ProtocolViolation("message is an empty list");
        }
        Object code = list.get(0);
        if (!isInteger(code)) {
            throw new ProtocolViolation("message type must be an integer, got " + typeName(code));
        }
        MessageType type = MessageType.fromCode(((Number) code).longValue());
        if (type == null || code instanceof BigInteger) {
            throw new ProtocolViolation("unknown message type " + code);
        }
        return switch (type) {
            case HELLO -> {
                Elements e = new Elements(type, list, 3, 3);
                yield new Message.Hello(e.uri(1, "realm"), e.dict(2, "details"));
            }
            case WELCOME -> {
                Elements e = new Elements(type, list, 3, 3);
                yield new Message.Welcome(e.id(1, "session"), e.dict(2, "details"));
            }
            case ABORT -> {
                Elements e = new Elements(type, list, 3, 5);
                yield new Message.Abort(e.dict(1, "details"), e.uri(2, "reason"));
            }
            case CHALLENGE -> {
                Elements e = new Elements(type, list, 3, 3);
                yield new Message.Challenge(e.string(1, "authmethod"), e.dict(2, "extra"));
            }
            case AUTHENTICATE -> {
                Elements e = new Elements(type, list, 3, 3);
                yield new Message.Authenticate(e.string(1, "signature"), e.dict(2, "extra"));
            }
            case GOODBYE -> {
                Elements e = new Elements(type, list, 3, 3);
                yield new Message.Goodbye(e.dict(1, "details"), e.uri(2, "reason"));
            }
            case ERROR -> {
                Elements e = new Elements(type, list, 5, 7);
                yield new Message.Error(e.messageCode(1, "request type"), e.id(2, "request"), e.dict(3, "details"),
                        e.uri(4, "error"), e.optionalList(5, "arguments"), e.optionalDict(6, "arguments_kw"));
            }
            case PUBLISH -> {
                Elements e = new Elements(type, list, 4, 6);
                yield new Message.Publish(e.id(1, "request"), e.dict(2, "options"), e.uri(3, "topic"),
                        e.optionalList(4, "arguments"), e.optionalDict(5, "arguments_kw"));
            }
            case PUBLISHED -> {
                Elements e = new Elements(type, list, 3, 3);
                yield new Message.Published(e.id(1, "request"), e.id(2, "publication"));
            }
            case SUBSCRIBE -> {
                Elements e = new Elements(type, list, 4, 4);
                yield new Message.Subscribe(e.id(1, "request"), e.dict(2, "options"), e.uri(3, "topic"));
            }
            case SUBSCRIBED -> {
                Elements e = new Elements(type, list, 3, 3);
                yield new Message.Subscribed(e.id(1, "request"), e.id(2, "subscription"));
            }
            case UNSUBSCRIBE -> {
                Elements e = new Elements(type, list, 3, 3);
                yield new Message.Unsubscribe(e.id(1, "request"), e.id(2, "subscription"));
            }
            case UNSUBSCRIBED -> {
                Elements e = new Elements(type, list, 2, 3);
                yield new Message.Unsubscribed(e.idOrZero(1, "request"), e.optionalDict(2, "details"));
            }
            case EVENT -> {
                Elements e = new Elements(type, list, 4, 6);
                yield new Message.Event(e.id(1, "subscription"), e.id(2, "publication"), e.dict(3, "details"),
                        e.optionalList(4, "arguments"), e.optionalDict(5, "arguments_kw"));
            }
            case CALL -> {
                Elements e = new Elements(type, list, 4, 6);
                yield new Message.Call(e.id(1, "request"), e.dict(2, "options"), e.uri(3, "procedure"),
                        e.optionalList(4, "arguments"), e.optionalDict(5, "arguments_kw"));
            }
            case CANCEL -> {
                Elements e = new Elements(type, list, 3, 3);
                yield new Message.Cancel(e.id(1, "request"), e.dict(2, "options"));
            }
            case RESULT -> {
                Elements e = new Elements(type, list, 3, 5);
                yield new Message.Result(e.id(1, "request"), e.dict(2, "details"),
                        e.optionalList(3, "arguments"), e.optionalDict(4, "arguments_kw"));
            }
            case REGISTER -> {
                Elements e = new Elements(type, list, 4, 4);
                yield new Message.Register(e.id(1, "request"), e.dict(2, "options"), e.uri(3, "procedure"));
            }
            case REGISTERED -> {
                Elements e = new Elements(type, list, 3, 3);
                yield new Message.Registered(e.id(1, "request"), e.id(2, "registration"));
            }
            case UNREGISTER -> {
                Elements e = new Elements(type, list, 3, 3);
                yield new Message.Unregister(e.id(1, "request"), e.id(2, "registration"));
            }
            case UNREGISTERED -> {
                Elements e = new Elements(type, list, 2, 3);
                yield new Message.Unregistered(e.idOrZero(1, "request"), e.optionalDict(2, "details"));
            }
            case INVOCATION -> {
                Elements e = new Elements(type, list, 4, 6);
                yield new Message.Invocation(e.id(1, "request"), e.id(2, "registration"), e.dict(3, "details"),
                        e.optionalList(4, "arguments"), e.optionalDict(5, "arguments_kw"));
            }
            case INTERRUPT -> {
                Elements e = new Elements(type, list, 3, 3);
                yield new Message.Interrupt(e.id(1, "request"), e.dict(2, "options"));
            }
            case YIELD -> {
                Elements e = new Elements(type, list, 3, 5);
                yield new Message.Yield(e.id(1, "request"), e.dict(2, "options"),
                        e.optionalList(3, "arguments"), e.optionalDict(4, "arguments_kw"));
            }
        };
    }

    static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger;
    }

    /** The WAMP name of a decoded value's type, for error messages. */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (isInteger(value)) {
            return "integer";
        } else if (value instanceof Number) {
            return "float";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof List) {
            return "list";
        } else if (value instanceof Map) {
            return "dict";
        } else if (value instanceof byte[]) {
            return "bytes";
        }
        return value.getClass().getSimpleName();
    }

    /** Typed access to the elements of one message's list, with errors naming the message and element. */
    private static final class Elements {
        private final MessageType type;
        private final List<?> list;

        Elements(MessageType type, List<?> list, int minLength, int maxLength) throws ProtocolViolation {
            this.type = type;
            this.list = list;
            if (list.size() < minLength || list.size() > maxLength) {
                String expected = minLength == maxLength ? String.valueOf(minLength) : minLength + " to " + maxLength;
                throw new ProtocolViolation(type + ": expected " + expected + " elements, got " + list.size());
            }
        }

        private ProtocolViolation wrong(int index, String name, String expected) {
            return new ProtocolViolation(type + ": element " + index + " (" + name + ") must be " + expected
                    + ", got " + typeName(list.get(index)));
        }

        long id(int index, String name) throws ProtocolViolation {
            long id = idOrZero(index, name);
            if (id == 0) {
                throw new ProtocolViolation(type + ": element " + index + " (" + name + ") must be an ID in [1, 2^53], got 0");
            }
            return id;
        }

        long idOrZero(int index, String name) throws ProtocolViolation {
            Object value = list.get(index);
            if (!isInteger(value)) {
                throw wrong(index, name, "an integer");
            }
            long id = value instanceof BigInteger big ? (big.bitLength() < Long.SIZE ? big.longValue() : -1)
                    : ((Number) value).longValue();
            if (id < 0 || id > Ids.MAX) {
                throw new ProtocolViolation(type + ": element " + index + " (" + name
                        + ") must be an ID in [1, 2^53], got " + value);
            }
            return id;
        }

        int messageCode(int index, String name) throws ProtocolViolation {
            Object value = list.get(index);
            if (!isInteger(value) || MessageType.fromCode(((Number) value).longValue()) == null
                    || value instanceof BigInteger) {
                throw wrong(index, name, "a message type code");
            }
            return ((Number) value).intValue();
        }

        String string(int index, String name) throws ProtocolViolation {
            if (list.get(index) instanceof String s) {
                return s;
            }
            throw wrong(index, name, "a string");
        }

        String uri(int index, String name) throws ProtocolViolation {
            return string(index, name);
        }

        Map<String, Object> dict(int index, String name) throws ProtocolViolation {
            Map<String, Object> dict = optionalDict(index, name);
            if (dict == null) {
                throw wrong(index, name, "a dict");
            }
            return dict;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> optionalDict(int index, String name) throws ProtocolViolation {
            if (index >= list.size()) {
                return null;
            }
            if (list.get(index) instanceof Map<?, ?> map) {
                for (Object key : map.keySet()) {
                    if (!(key instanceof String)) {
                        throw new ProtocolViolation(type + ": element " + index + " (" + name
                                + ") must be a dict with string keys, got key of type " + typeName(key));
                    }
                }
                return (Map<String, Object>) map;
            }
            throw wrong(index, name, "a dict");
        }

        @SuppressWarnings("unchecked")
        List<Object> optionalList(int index, String name) throws ProtocolViolation {
            if (index >= list.size()) {
                return null;
            }
            if (list.get(index) instanceof List<?> l) {
                return (List<Object>) l;
            }
            throw wrong(index, name, "a list");
        }
    }
}
