package io.wamptls.router;

import io.wamptls.wamp.Message;
import io.wamptls.wamp.WampUris;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetaApiTest {
    private final Router router = Realms.router(Realms.open());
    private final TestClient observer = TestClient.joined(router, "realm1");

    private Message.Result call(TestClient client, String procedure, List<Object> args) {
        long request = client.request();
        client.send(new Message.Call(request, Map.of(), procedure, args, null));
        Message.Result result = client.expect(Message.Result.class);
        assertEquals(request, result.request());
        return result;
    }

    @Test
    void sessionCountListAndGet() {
        TestClient other = TestClient.joined(router, "realm1");
        assertEquals(List.of(2), call(observer, "wamp.session.count", null).args());
        assertEquals(List.of(0), call(observer, "wamp.session.count", List.of(List.of("admin"))).args());
        @SuppressWarnings("unchecked")
        List<Long> ids = (List<Long>) call(observer, "wamp.session.list", null).args().get(0);
        assertTrue(ids.contains(other.sessionId) && ids.contains(observer.sessionId));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) call(observer, "wamp.session.get", List.of(other.sessionId)).args().get(0);
        assertEquals(other.sessionId, details.get("session"));
        assertEquals(other.welcomeDetails.get("authid"), details.get("authid"));
        assertEquals("anonymous", details.get("authmethod"));

        observer.send(new Message.Call(observer.request(), Map.of(), "wamp.session.get", List.of(12345), null));
        observer.expectError(WampUris.NO_SUCH_SESSION);
    }

    @Test
    void joinAndLeaveEvents() {
        long onJoin = observer.subscribe("wamp.session.on_join");
        long onLeave = observer.subscribe("wamp.session.on_leave");
        TestClient other = TestClient.joined(router, "realm1");
        Message.Event join = observer.expect(Message.Event.class);
        assertEquals(onJoin, join.subscription());
        assertEquals(other.sessionId, ((Map<?, ?>) join.args().get(0)).get("session"));
        other.send(new Message.Goodbye(Map.of(), WampUris.CLOSE_NORMAL));
        Message.Event leave = observer.expect(Message.Event.class);
        assertEquals(onLeave, leave.subscription());
        assertEquals(List.of(other.sessionId, other.welcomeDetails.get("authid"), "anonymous"), leave.args());
    }

    @Test
    void subscriptionAndRegistrationQueries() {
        TestClient other = TestClient.joined(router, "realm1");
        long subscription = other.subscribe("com.example.", Map.of("match", "prefix"));
        long registration = other.register("com.example.proc");

        assertEquals(List.of(subscription), call(observer, "wamp.subscription.lookup",
                List.of("com.example.", Map.of("match", "prefix"))).args());
        List<Object> none = call(observer, "wamp.subscription.lookup", List.of("com.example.")).args();
        assertNull(none.get(0));
        assertEquals(List.of(List.of(subscription)), call(observer, "wamp.subscription.match", List.of("com.example.x")).args());
        @SuppressWarnings("unchecked")
        Map<String, Object> got = (Map<String, Object>) call(observer, "wamp.subscription.get", List.of(subscription)).args().get(0);
        assertEquals("prefix", got.get("match"));
        assertEquals("com.example.", got.get("uri"));
        assertEquals(List.of(List.of(other.sessionId)),
                call(observer, "wamp.subscription.list_subscribers", List.of(subscription)).args());
        @SuppressWarnings("unchecked")
        Map<String, Object> listed = (Map<String, Object>) call(observer, "wamp.subscription.list", null).args().get(0);
        assertEquals(List.of(subscription), listed.get("prefix"));

        assertEquals(List.of(registration), call(observer, "wamp.registration.lookup", List.of("com.example.proc")).args());
        assertEquals(List.of(registration), call(observer, "wamp.registration.match", List.of("com.example.proc")).args());
        assertEquals(List.of(1), call(observer, "wamp.registration.count_callees", List.of(registration)).args());
        observer.send(new Message.Call(observer.request(), Map.of(), "wamp.registration.get", List.of(1), null));
        observer.expectError(WampUris.NO_SUCH_REGISTRATION);
    }

    @Test
    void subscriptionLifecycleEvents() {
        long onCreate = observer.subscribe("wamp.subscription.on_create");
        observer.subscribe("wamp.subscription.on_subscribe");
        observer.subscribe("wamp.subscription.on_delete");
        TestClient other = TestClient.joined(router, "realm1");
        long subscription = other.subscribe("com.example.topic");
        Message.Event created = observer.expect(Message.Event.class);
        assertEquals(onCreate, created.subscription());
        assertEquals(other.sessionId, created.args().get(0));
        assertEquals(subscription, ((Map<?, ?>) created.args().get(1)).get("id"));
        assertEquals(List.of(other.sessionId, subscription), observer.expect(Message.Event.class).args());
        other.session.transportClosed();
        assertEquals(List.of(other.sessionId, subscription), observer.expect(Message.Event.class).args());
    }

    @Test
    void killEndsAnotherSessionWithGoodbye() {
        TestClient victim = TestClient.joined(router, "realm1");
        victim.subscribe("com.example.topic");
        long request = observer.request();
        observer.send(new Message.Call(request, Map.of(), "wamp.session.kill", List.of(victim.sessionId),
                Map.of("message", "bye now")));
        assertEquals(request, observer.expect(Message.Result.class).request());

        Message.Goodbye goodbye = victim.expect(Message.Goodbye.class);
        assertEquals(WampUris.CLOSE_KILLED, goodbye.reason());
        assertEquals("bye now", goodbye.details().get("message"));
        assertEquals(1, router.sessionCount());

        victim.send(new Message.Subscribe(victim.request(), Map.of(), "com.example.other")); // ignored until the echo
        victim.expectNothing();
        assertFalse(victim.peer.closed());
        victim.send(new Message.Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
        assertTrue(victim.peer.closed());
        victim.expectNothing();
    }

    @Test
    void killByAuthroleAndKillAllSpareTheCaller() {
        TestClient one = TestClient.joined(router, "realm1");
        TestClient two = TestClient.joined(router, "realm1");
        assertEquals(List.of(2), call(observer, "wamp.session.kill_by_authrole", List.of("anonymous")).args());
        one.expect(Message.Goodbye.class);
        two.expect(Message.Goodbye.class);
        assertEquals(List.of(0), call(observer, "wamp.session.kill_all", null).args());
        assertEquals(1, router.sessionCount());

        observer.send(new Message.Call(observer.request(), Map.of(), "wamp.session.kill", List.of(observer.sessionId), null));
        observer.expectError(WampUris.NO_SUCH_SESSION);
        TestClient three = TestClient.joined(router, "realm1");
        observer.send(new Message.Call(observer.request(), Map.of(), "wamp.session.kill", List.of(three.sessionId),
                Map.of("reason", "not a uri")));
        observer.expectError(WampUris.INVALID_URI);
        three.expectNothing();
    }

    @Test
    void realmWithoutMetaApiHasNoMetaProcedures() {
        Router plain = Realms.router(new RealmSettings("realm1",
                List.of(new Role("anonymous", List.of(Permission.allowAll("")))), false, false));
        TestClient client = TestClient.joined(plain, "realm1");
        client.send(new Message.Call(client.request(), Map.of(), "wamp.session.count", null, null));
        client.expectError(WampUris.NO_SUCH_PROCEDURE);
    }
}
