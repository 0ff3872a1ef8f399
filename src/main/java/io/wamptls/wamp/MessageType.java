package io.wamptls.wamp;

import java.util.HashMap;
import java.util.Map;

/** The WAMP v2 message types with their wire codes. */
public enum MessageType {
    HELLO(1), WELCOME(2), ABORT(3), CHALLENGE(4), AUTHENTICATE(5), GOODBYE(6), ERROR(8),
    PUBLISH(16), PUBLISHED(17), SUBSCRIBE(32), SUBSCRIBED(33), UNSUBSCRIBE(34), UNSUBSCRIBED(35), EVENT(36),
    CALL(48), CANCEL(49), RESULT(50),
    REGISTER(64), REGISTERED(65), UNREGISTER(66), UNREGISTERED(67), INVOCATION(68), INTERRUPT(69), YIELD(70);

    private static final Map<Integer, MessageType> BY_CODE = new HashMap<>();

    static {
        for (MessageType type : values()) {
            BY_CODE.put(type.code, type);
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with that code, or null when the code is not a known message type. */
    public static MessageType fromCode(long code) {
        return code < 0 || code > Integer.MAX_VALUE ? null : BY_CODE.get((int) code);
    }
}
