package io.wamptls.router;

import io.wamptls.router.auth.AuthPolicy;
import io.wamptls.wamp.Message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One client connection driven in-process: sends messages into the router, reads what comes back. */
final class TestClient {
    static final Map<String, Object> ALL_ROLES = Map.of(
            "publisher", Map.of("features", Map.of()),
            "subscriber", Map.of("features", Map.of()),
            "caller", Map.of("features", Map.of("progressive_call_results", true, "call_canceling", true)),
            "callee", Map.of("features", Map.of()));

    final RecordingPeer peer = new RecordingPeer();
    final RouterSession session;
    long sessionId;
    Map<String, Object> welcomeDetails;
    private long nextRequest = 1;

    TestClient(Router router, AuthPolicy auth) {
        session = router.attach(peer, new TransportInfo("tcp4:127.0.0.1:50000", true, "wamp.2.json", null, Map.of()), auth);
    }

    TestClient(Router router) {
        this(router, AuthPolicy.anonymous("anonymous"));
    }

    /** Connects and joins {@code realm} as anonymous, asserting WELCOME. */
    static TestClient joined(Router router, String realm) {
        return joined(router, realm, ALL_ROLES);
    }

    static TestClient joined(Router router, String realm, Map<String, Object> roles) {
        TestClient client = new TestClient(router);
        client.send(new Message.Hello(realm, new LinkedHashMap<>(Map.of("roles", roles))));
        Message.Welcome welcome = client.expect(Message.Welcome.class);
        client.sessionId = welcome.session();
        client.welcomeDetails = welcome.details();
        return client;
    }

    static Map<String, Object> calleeRoles(String... features) {
        Map<String, Object> featureMap = new LinkedHashMap<>();
        for (String feature : features) {
            featureMap.put(feature, true);
        }
        return Map.of("callee", Map.of("features", featureMap), "caller", Map.of("features", Map.of()),
                "subscriber", Map.of("features", Map.of()));
    }

    void send(Message message) {
        session.receive(message);
    }

    long request() {
        return nextRequest++;
    }

    <T extends Message> T expect(Class<T> type) {
        Message message = peer.next();
        return assertInstanceOf(type, message, () -> "expected " + type.getSimpleName() + ", got " + message);
    }

    void expectNothing() {
        List<Message> extra = peer.drain();
        assertTrue(extra.isEmpty(), () -> "expected no message, got " + extra);
    }

    long subscribe(String topic, Map<String, Object> options) {
        long request = request();
        send(new Message.Subscribe(request, options, topic));
        Message.Subscribed subscribed = expect(Message.Subscribed.class);
        assertEquals(request, subscribed.request());
        return subscribed.subscription();
    }

    long subscribe(String topic) {
        return subscribe(topic, Map.of());
    }

    long register(String procedure, Map<String, Object> options) {
        long request = request();
        send(new Message.Register(request, options, procedure));
        Message.Registered registered = expect(Message.Registered.class);
        assertEquals(request, registered.request());
        return registered.registration();
    }

    long register(String procedure) {
        return register(procedure, Map.of());
    }

    /** Asserts an ABORT with that reason and that the transport was closed. */
    Message.Abort expectAbort(String reason) {
        Message.Abort abort = expect(Message.Abort.class);
        assertEquals(reason, abort.reason(), () -> "ABORT " + abort);
        assertTrue(peer.closed(), "transport closed after ABORT");
        return abort;
    }

    Message.Error expectError(String errorUri) {
        Message.Error error = expect(Message.Error.class);
        assertEquals(errorUri, error.error(), () -> "ERROR " + error);
        return error;
    }
}
