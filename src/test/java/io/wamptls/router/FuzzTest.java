package io.wamptls.router;

import io.wamptls.wamp.Message;
import io.wamptls.wamp.MessageLists;
import io.wamptls.wamp.MessageType;
import io.wamptls.wamp.ProtocolViolation;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random list-form messages: decoding either succeeds or raises ProtocolViolation, and whatever decodes never
 * trips the router into an internal error (which would mean a bug, not a bad client).
 */
class FuzzTest {
    private static final String[] KEYS = {"acknowledge", "exclude_me", "exclude", "eligible", "eligible_authrole",
            "match", "invoke", "receive_progress", "progress", "timeout", "mode", "disclose_me", "roles", "authmethods",
            "authid", "authextra", "disclose_caller"};

    private static final List<Message> MESSAGES = List.of(
            new Message.Publish(1, Map.of("acknowledge", true), "com.example.t", List.of(1), null),
            new Message.Subscribe(2, Map.of("match", "prefix"), "com.example."),
            new Message.Unsubscribe(3, 1), new Message.Call(4, Map.of("receive_progress", true), "com.example.p1", null, null),
            new Message.Cancel(4, Map.of("mode", "kill")), new Message.Register(5, Map.of(), "com.example.x"),
            new Message.Unregister(6, 1), new Message.Yield(1, Map.of("progress", true), null, null),
            new Message.Error(68, 1, Map.of(), "com.example.error", null, null),
            new Message.Goodbye(Map.of(), "wamp.close.normal"), new Message.Hello("realm1", Map.of()));

    private final Random random = new Random(20261125);

    @Test
    void randomMessagesNeverCauseInternalErrors() {
        Router router = Realms.router(Realms.open());
        int routed = 0;
        for (int round = 0; round < 300; round++) {
            TestClient client = TestClient.joined(router, "realm1");
            client.register("com.example.p" + round, Map.of("match", "prefix"));
            client.subscribe("com.example.t");
            for (int i = 0; i < 20 && !client.peer.closed(); i++) {
                List<Object> list = randomMessage();
                Message message;
                try {
                    message = MessageLists.fromList(list);
                } catch (ProtocolViolation expected) {
                    continue;
                }
                routed++;
                client.send(message);
                for (Message sent : client.peer.drain()) {
                    if (sent instanceof Message.Abort abort) {
                        assertNotEquals(SessionHandler.INTERNAL_ERROR, abort.reason(), () -> list + " -> " + abort);
                    }
                }
            }
            client.session.transportClosed();
        }
        assertTrue(routed > 300, "enough random messages were well-formed to reach the router: " + routed);
    }

    private List<Object> randomMessage() {
        MessageType[] types = MessageType.values();
        Message template = MESSAGES.get(random.nextInt(MESSAGES.size()));
        List<Object> list = new ArrayList<>(template.toList());
        // mutate one or two elements of a well-formed message, sometimes the length too
        for (int i = random.nextInt(3); i > 0; i--) {
            int index = 1 + random.nextInt(list.size() - 1);
            list.set(index, randomValue(2));
        }
        if (random.nextInt(10) == 0) {
            list.add(randomValue(1));
        }
        if (random.nextInt(20) == 0) {
            list.set(0, types[random.nextInt(types.length)].code());
        }
        return list;
    }

    private Object randomValue(int depth) {
        switch (random.nextInt(depth > 0 ? 10 : 7)) {
            case 0:
                return (long) random.nextInt(5);
            case 1:
                return random.nextBoolean() ? BigInteger.ONE.shiftLeft(60) : -1L;
            case 2:
                return random.nextBoolean() ? "com.example.p" + random.nextInt(3) : "com.example.t";
            case 3:
                return random.nextBoolean() ? "" : "prefix";
            case 4:
                return random.nextBoolean();
            case 5:
                return random.nextBoolean() ? null : 1.5;
            case 6:
                return new byte[]{1};
            case 7:
            case 8: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(KEYS[random.nextInt(KEYS.length)], randomValue(depth - 1));
                }
                return map;
            }
            default: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    list.add(randomValue(depth - 1));
                }
                return list;
            }
        }
    }
}
