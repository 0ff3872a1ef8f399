package io.wamptls.wamp;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

public class MessageListsTest {

    /** One instance of every message type, payload variants included. */
    public static List<Message> everyMessage() {
        Map<String, Object> d = Map.of("k", "v");
        List<Object> args = List.of(1L, "a");
        Map<String, Object> kwargs = Map.of("x", true);
        return List.of(
                new Message.Hello("realm1", d), new Message.Welcome(1L, d), new Message.Abort(d, "wamp.error.x"),
                new Message.Challenge("ticket", d), new Message.Authenticate("secret", d),
                new Message.Goodbye(d, "wamp.close.normal"),
                new Message.Error(48, 7L, d, "com.example.error", args, kwargs),
                new Message.Error(68, 7L, d, "com.example.error", null, null),
                new Message.Publish(2L, d, "com.example.topic", args, null),
                // kwargs without args: the list form needs an args placeholder, so args are [] (not null)
                new Message.Publish(2L, d, "com.example.topic", List.of(), kwargs),
                new Message.Published(2L, 3L), new Message.Subscribe(4L, d, "com.example.topic"),
                new Message.Subscribed(4L, 5L), new Message.Unsubscribe(6L, 5L), new Message.Unsubscribed(6L, null),
                new Message.Unsubscribed(0L, Map.of("subscription", 5L)),
                new Message.Event(5L, 3L, d, args, kwargs), new Message.Call(8L, d, "com.example.proc", null, null),
                new Message.Cancel(8L, d), new Message.Result(8L, d, args, kwargs),
                new Message.Register(9L, d, "com.example.proc"), new Message.Registered(9L, 10L),
                new Message.Unregister(11L, 10L), new Message.Unregistered(11L, null),
                new Message.Invocation(12L, 10L, d, args, null), new Message.Interrupt(12L, d),
                new Message.Yield(12L, d, List.of(), Map.of()), new Message.Yield(Ids.MAX, d, null, null));
    }

    @Test
    void everyMessageSurvivesTheListForm() throws ProtocolViolation {
        for (Message message : everyMessage()) {
            assertEquals(message, MessageLists.fromList(message.toList()), message.type().toString());
        }
        assertEquals(MessageType.values().length, everyMessage().stream().map(Message::type).distinct().count());
    }

    @Test
    void payloadIsWrittenInItsShortestFaithfulForm() {
        assertEquals(List.of(16, 1L, Map.of(), "t"), new Message.Publish(1L, Map.of(), "t", null, null).toList());
        assertEquals(List.of(16, 1L, Map.of(), "t", List.of(), Map.of("a", 1)),
                new Message.Publish(1L, Map.of(), "t", null, Map.of("a", 1)).toList());
        assertEquals(List.of(16, 1L, Map.of(), "t", List.of()), new Message.Publish(1L, Map.of(), "t", List.of(), null).toList());
    }

    @Test
    void errorsNameTheMessageTypeAndElement() {
        assertViolation("SUBSCRIBE: element 3 (topic) must be a string, got integer", List.of(32, 1, Map.of(), 5));
        assertViolation("PUBLISH: element 1 (request) must be an ID in [1, 2^53], got 0", List.of(16, 0, Map.of(), "t"));
        assertViolation("CALL: element 1 (request) must be an ID in [1, 2^53], got 9007199254740993",
                List.of(48, BigInteger.valueOf(Ids.MAX + 1), Map.of(), "p"));
        assertViolation("CALL: element 1 (request) must be an ID in [1, 2^53], got 9007199254740993",
                List.of(48, Ids.MAX + 1, Map.of(), "p"));
        assertViolation("CALL: element 1 (request) must be an ID in [1, 2^53], got -1", List.of(48, -1L, Map.of(), "p"));
        assertViolation("CALL: element 1 (request) must be an ID in [1, 2^53], got 18446744073709551615",
                List.of(48, new BigInteger("18446744073709551615"), Map.of(), "p"));
        assertViolation("CALL: element 2 (options) must be a dict, got list", List.of(48, 1, List.of(), "p"));
        assertViolation("CALL: element 4 (arguments) must be a list, got dict", List.of(48, 1, Map.of(), "p", Map.of()));
        assertViolation("HELLO: expected 3 elements, got 2", List.of(1, "realm1"));
        assertViolation("REGISTER: element 1 (request) must be an integer, got float", List.of(64, 1.5, Map.of(), "p"));
        assertViolation("unknown message type 99", List.of(99, 1));
        assertViolation("message type must be an integer, got string", List.of("HELLO"));
        assertViolation("message is an empty list", List.of());
    }

    @Test
    void anIdInRangeMayArriveAsABigInteger() throws Exception {
        // CBOR's bignum tag decodes to BigInteger whatever the value
        assertEquals(new Message.Call(7L, Map.of(), "p", null, null),
                MessageLists.fromList(List.of(48, BigInteger.valueOf(7), Map.of(), "p")));
    }

    private static void assertViolation(String expected, List<?> list) {
        ProtocolViolation violation = assertThrows(ProtocolViolation.class, () -> MessageLists.fromList(list));
        assertEquals(expected, violation.getMessage());
    }
}
