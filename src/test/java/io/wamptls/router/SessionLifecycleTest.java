package io.wamptls.router;

import io.wamptls.router.auth.AuthPolicy;
import io.wamptls.wamp.Ids;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.WampUris;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionLifecycleTest {
    private final Router router = Realms.router(Realms.open());

    private static Message.Hello hello(String realm, Map<String, Object> extra) {
        Map<String, Object> details = new java.util.LinkedHashMap<>(extra);
        details.put("roles", TestClient.ALL_ROLES);
        return new Message.Hello(realm, details);
    }

    @Test
    void welcomeCarriesIdentityAndOnlyImplementedFeatures() {
        TestClient client = TestClient.joined(router, "realm1");
        assertTrue(Ids.isValid(client.sessionId));
        Map<String, Object> details = client.welcomeDetails;
        assertEquals("realm1", details.get("realm"));
        assertEquals("anonymous", details.get("authrole"));
        assertEquals("anonymous", details.get("authmethod"));
        assertEquals("static", details.get("authprovider"));
        assertTrue(((String) details.get("authid")).matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){5}"), details.get("authid").toString());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> roles = (Map<String, Map<String, Map<String, Object>>>) details.get("roles");
        assertEquals(true, roles.get("broker").get("features").get("pattern_based_subscription"));
        assertEquals(true, roles.get("dealer").get("features").get("call_canceling"));
        assertEquals(true, roles.get("broker").get("features").get("event_retention"));
        assertFalse(roles.get("broker").get("features").containsKey("subscription_revocation"));
        assertFalse(roles.get("dealer").get("features").containsKey("testament_meta_api"));
        assertEquals(1, router.sessionCount());
    }

    @Test
    void authextraIsEchoed() {
        TestClient client = new TestClient(router);
        client.send(hello("realm1", Map.of("authextra", Map.of("x", 1))));
        assertEquals(Map.of("x", 1), client.expect(Message.Welcome.class).details().get("authextra"));
    }

    @Test
    void unknownRealmIsAborted() {
        TestClient client = new TestClient(router);
        client.send(hello("nope", Map.of()));
        Message.Abort abort = client.expectAbort(WampUris.NO_SUCH_REALM);
        assertTrue(abort.details().get("message").toString().contains("nope"));
        assertEquals(0, router.sessionCount());
    }

    @Test
    void roleMissingInRealmIsAborted() {
        TestClient client = new TestClient(router, AuthPolicy.anonymous("guest"));
        client.send(hello("realm1", Map.of()));
        client.expectAbort(WampUris.NO_SUCH_ROLE);
    }

    @Test
    void clientNotOfferingAnonymousIsAborted() {
        TestClient client = new TestClient(router);
        client.send(hello("realm1", Map.of("authmethods", List.of("ticket", "wampcra"))));
        Message.Abort abort = client.expectAbort(WampUris.NO_AUTH_METHOD);
        assertTrue(abort.details().get("message").toString().contains("ticket"));
    }

    @Test
    void anonymousIsFoundAmongOfferedMethods() {
        TestClient client = new TestClient(router);
        client.send(hello("realm1", Map.of("authmethods", List.of("ticket", "anonymous"))));
        client.expect(Message.Welcome.class);
    }

    @Test
    void helloWithoutRolesIsAProtocolViolation() {
        TestClient client = new TestClient(router);
        client.send(new Message.Hello("realm1", Map.of()));
        client.expectAbort(WampUris.PROTOCOL_VIOLATION);
    }

    @Test
    void helloWithoutDetailsIsAProtocolViolation() {
        TestClient client = new TestClient(router);
        client.send(new Message.Hello("realm1", null));
        Message.Abort abort = client.expectAbort(WampUris.PROTOCOL_VIOLATION);
        assertEquals("HELLO: element 2 (details) must be a dict, got null", abort.details().get("message"));
    }

    @Test
    void goodbyeIsAnsweredAndTheSessionLeaves() {
        TestClient client = TestClient.joined(router, "realm1");
        client.send(new Message.Goodbye(Map.of(), WampUris.CLOSE_NORMAL));
        Message.Goodbye reply = client.expect(Message.Goodbye.class);
        assertEquals(WampUris.CLOSE_GOODBYE_AND_OUT, reply.reason());
        assertTrue(client.peer.closed());
        assertEquals(0, router.sessionCount());
    }

    @Test
    void messageBeforeHelloAbortsOnlyThatSession() {
        TestClient bystander = TestClient.joined(router, "realm1");
        TestClient client = new TestClient(router);
        client.send(new Message.Publish(1, Map.of(), "com.example.topic", null, null));
        Message.Abort abort = client.expectAbort(WampUris.PROTOCOL_VIOLATION);
        assertTrue(abort.details().get("message").toString().contains("PUBLISH"));
        assertStillWorks(bystander);
    }

    @Test
    void requestIdOutOfRangeAbortsOnlyThatSession() {
        TestClient bystander = TestClient.joined(router, "realm1");
        TestClient client = TestClient.joined(router, "realm1");
        client.send(new Message.Subscribe(Ids.MAX + 1, Map.of(), "com.example.topic"));
        Message.Abort abort = client.expectAbort(WampUris.PROTOCOL_VIOLATION);
        assertTrue(abort.details().get("message").toString().startsWith("SUBSCRIBE"));
        client.send(new Message.Subscribe(0, Map.of(), "com.example.topic"));
        client.expectNothing();
        assertEquals(1, router.sessionCount());
        assertStillWorks(bystander);
    }

    @Test
    void malformedMessageAbortsOnlyThatSession() {
        TestClient bystander = TestClient.joined(router, "realm1");
        TestClient client = TestClient.joined(router, "realm1");
        client.send(new Message.Subscribe(1, Map.of("match", "regex"), "com.example.topic"));
        Message.Abort abort = client.expectAbort(WampUris.PROTOCOL_VIOLATION);
        assertTrue(abort.details().get("message").toString().contains("match"));
        assertStillWorks(bystander);
    }

    @Test
    void undecodableFrameReportedByTransportAborts() {
        TestClient client = TestClient.joined(router, "realm1");
        client.session.protocolViolation("frame is not valid wamp.2.json");
        Message.Abort abort = client.expectAbort(WampUris.PROTOCOL_VIOLATION);
        assertEquals("frame is not valid wamp.2.json", abort.details().get("message"));
        assertEquals(0, router.sessionCount());
    }

    @Test
    void secondHelloIsAProtocolViolation() {
        TestClient client = TestClient.joined(router, "realm1");
        client.send(hello("realm1", Map.of()));
        client.expectAbort(WampUris.PROTOCOL_VIOLATION);
    }

    @Test
    void routerOnlyMessageFromClientIsAProtocolViolation() {
        TestClient client = TestClient.joined(router, "realm1");
        client.send(new Message.Event(1, 2, Map.of(), null, null));
        Message.Abort abort = client.expectAbort(WampUris.PROTOCOL_VIOLATION);
        assertTrue(abort.details().get("message").toString().contains("EVENT"));
    }

    @Test
    void errorForAnythingButInvocationIsAProtocolViolation() {
        TestClient client = TestClient.joined(router, "realm1");
        client.send(new Message.Error(48, 1, Map.of(), "com.example.error", null, null));
        client.expectAbort(WampUris.PROTOCOL_VIOLATION);
    }

    @Test
    void transportLossRemovesTheSession() {
        TestClient client = TestClient.joined(router, "realm1");
        client.session.transportClosed();
        assertEquals(0, router.sessionCount());
    }

    @Test
    void shutdownSaysGoodbyeToEverySessionAndClosesIt() {
        TestClient one = TestClient.joined(router, "realm1");
        TestClient two = TestClient.joined(router, "realm1");
        TestClient joining = new TestClient(router);
        router.shutdown();
        for (TestClient client : List.of(one, two)) {
            Message.Goodbye goodbye = client.expect(Message.Goodbye.class);
            assertEquals(WampUris.CLOSE_SYSTEM_SHUTDOWN, goodbye.reason());
            assertTrue(client.peer.closed());
        }
        joining.expectAbort(WampUris.CLOSE_SYSTEM_SHUTDOWN);
        assertEquals(0, router.sessionCount());
    }

    @Test
    void exceptionInsidePeerAbortsOnlyThatSession() {
        TestClient bystander = TestClient.joined(router, "realm1");
        Peer exploding = new Peer() {
            int sent;

            @Override
            public void send(Message message) {
                if (++sent == 2) {
                    throw new IllegalStateException("boom");
                }
            }

            @Override
            public void close() {
            }
        };
        RouterSession session = router.attach(exploding, new TransportInfo("x", false, "wamp.2.json", null, null),
                AuthPolicy.anonymous("anonymous"));
        session.receive(hello("realm1", Map.of()));
        session.receive(new Message.Subscribe(1, Map.of(), "com.example.topic")); // SUBSCRIBED send throws
        assertStillWorks(bystander);
    }

    private void assertStillWorks(TestClient client) {
        long request = client.request();
        client.send(new Message.Call(request, Map.of(), "wamp.session.count", null, null));
        Message.Result result = client.expect(Message.Result.class);
        assertEquals(request, result.request());
    }
}
