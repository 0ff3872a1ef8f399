package io.wamptls.wamp;

import java.util.List;
import java.util.Map;

/**
 * One WAMP message, one record per message type. Details/options are dicts; {@code args} and {@code kwargs}
 * are the application payload: null means absent, and the router passes them on untouched.
 * Conversion from and to the list form {@code [code, ...]} is in {@link MessageLists}.
 */
public sealed interface Message {

    MessageType type();

    /** The list form {@code [code, ...]}, ready for a serializer. */
    default List<Object> toList() {
        return MessageLists.toList(this);
    }

    record Hello(String realm, Map<String, Object> details) implements Message {
        public MessageType type() { return MessageType.HELLO; }
    }

    record Welcome(long session, Map<String, Object> details) implements Message {
        public MessageType type() { return MessageType.WELCOME; }
    }

    record Abort(Map<String, Object> details, String reason) implements Message {
        public MessageType type() { return MessageType.ABORT; }
    }

    record Challenge(String authMethod, Map<String, Object> extra) implements Message {
        public MessageType type() { return MessageType.CHALLENGE; }
    }

    record Authenticate(String signature, Map<String, Object> extra) implements Message {
        public MessageType type() { return MessageType.AUTHENTICATE; }
    }

    record Goodbye(Map<String, Object> details, String reason) implements Message {
        public MessageType type() { return MessageType.GOODBYE; }
    }

    /** ERROR; {@code requestType} is the code of the message type being answered (e.g. 48 for CALL). */
    record Error(int requestType, long request, Map<String, Object> details, String error,
                 List<Object> args, Map<String, Object> kwargs) implements Message {
        public MessageType type() { return MessageType.ERROR; }
    }

    record Publish(long request, Map<String, Object> options, String topic,
                   List<Object> args, Map<String, Object> kwargs) implements Message {
        public MessageType type() { return MessageType.PUBLISH; }
    }

    record Published(long request, long publication) implements Message {
        public MessageType type() { return MessageType.PUBLISHED; }
    }

    record Subscribe(long request, Map<String, Object> options, String topic) implements Message {
        public MessageType type() { return MessageType.SUBSCRIBE; }
    }

    record Subscribed(long request, long subscription) implements Message {
        public MessageType type() { return MessageType.SUBSCRIBED; }
    }

    record Unsubscribe(long request, long subscription) implements Message {
        public MessageType type() { return MessageType.UNSUBSCRIBE; }
    }

    /** UNSUBSCRIBED; {@code details} is null except in a revocation (request 0). */
    record Unsubscribed(long request, Map<String, Object> details) implements Message {
        public MessageType type() { return MessageType.UNSUBSCRIBED; }
    }

    record Event(long subscription, long publication, Map<String, Object> details,
                 List<Object> args, Map<String, Object> kwargs) implements Message {
        public MessageType type() { return MessageType.EVENT; }
    }

    record Call(long request, Map<String, Object> options, String procedure,
                List<Object> args, Map<String, Object> kwargs) implements Message {
        public MessageType type() { return MessageType.CALL; }
    }

    record Cancel(long request, Map<String, Object> options) implements Message {
        public MessageType type() { return MessageType.CANCEL; }
    }

    record Result(long request, Map<String, Object> details,
                  List<Object> args, Map<String, Object> kwargs) implements Message {
        public MessageType type() { return MessageType.RESULT; }
    }

    record Register(long request, Map<String, Object> options, String procedure) implements Message {
        public MessageType type() { return MessageType.REGISTER; }
    }

    record Registered(long request, long registration) implements Message {
        public MessageType type() { return MessageType.REGISTERED; }
    }

    record Unregister(long request, long registration) implements Message {
        public MessageType type() { return MessageType.UNREGISTER; }
    }

    /** UNREGISTERED; {@code details} is null except in a revocation (request 0). */
    record Unregistered(long request, Map<String, Object> details) implements Message {
        public MessageType type() { return MessageType.UNREGISTERED; }
    }

    record Invocation(long request, long registration, Map<String, Object> details,
                      List<Object> args, Map<String, Object> kwargs) implements Message {
        public MessageType type() { return MessageType.INVOCATION; }
    }

    record Interrupt(long request, Map<String, Object> options) implements Message {
        public MessageType type() { return MessageType.INTERRUPT; }
    }

    record Yield(long request, Map<String, Object> options,
                 List<Object> args, Map<String, Object> kwargs) implements Message {
        public MessageType type() { return MessageType.YIELD; }
    }
}
