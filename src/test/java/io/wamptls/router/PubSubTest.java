package io.wamptls.router;

import io.wamptls.router.match.MatchPolicy;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.MessageType;
import io.wamptls.wamp.WampUris;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PubSubTest {
    private final Router router = Realms.router(Realms.open());
    private final TestClient publisher = TestClient.joined(router, "realm1");
    private final TestClient subscriber = TestClient.joined(router, "realm1");

    @Test
    void eventCarriesArgsAndKwargsUntouched() {
        long subscription = subscriber.subscribe("com.example.topic");
        List<Object> args = new ArrayList<>(List.of(1, "two", List.of(3), new byte[]{4}));
        Map<String, Object> kwargs = Map.of("k", Map.of("nested", true));
        publisher.send(new Message.Publish(publisher.request(), Map.of(), "com.example.topic", args, kwargs));
        Message.Event event = subscriber.expect(Message.Event.class);
        assertEquals(subscription, event.subscription());
        assertSame(args, event.args());
        assertSame(kwargs, event.kwargs());
        assertFalse(event.details().containsKey("topic"), "no topic detail for exact subscriptions");
        assertFalse(event.details().containsKey("publisher"), "publisher not disclosed unless asked");
        publisher.expectNothing();
    }

    @Test
    void absentPayloadStaysAbsent() {
        subscriber.subscribe("com.example.topic");
        publisher.send(new Message.Publish(publisher.request(), Map.of(), "com.example.topic", null, null));
        Message.Event event = subscriber.expect(Message.Event.class);
        assertNull(event.args());
        assertNull(event.kwargs());
    }

    @Test
    void acknowledgeGetsPublishedWithThePublicationId() {
        subscriber.subscribe("com.example.topic");
        long request = publisher.request();
        publisher.send(new Message.Publish(request, Map.of("acknowledge", true), "com.example.topic", null, null));
        Message.Published published = publisher.expect(Message.Published.class);
        assertEquals(request, published.request());
        assertEquals(published.publication(), subscriber.expect(Message.Event.class).publication());
    }

    @Test
    void publisherIsExcludedByDefaultButCanAskForItsOwnEvent() {
        publisher.subscribe("com.example.topic");
        publisher.send(new Message.Publish(publisher.request(), Map.of(), "com.example.topic", null, null));
        publisher.expectNothing();
        publisher.send(new Message.Publish(publisher.request(), Map.of("exclude_me", false), "com.example.topic", null, null));
        publisher.expect(Message.Event.class);
    }

    @Test
    void subscribersShareOneSubscriptionPerTopicAndMatch() {
        long first = subscriber.subscribe("com.example.topic");
        long second = publisher.subscribe("com.example.topic");
        long again = subscriber.subscribe("com.example.topic");
        long prefix = subscriber.subscribe("com.example.topic", Map.of("match", "prefix"));
        assertEquals(first, second);
        assertEquals(first, again);
        assertNotEquals(first, prefix);
    }

    @Test
    void unsubscribeStopsEventsAndUnknownSubscriptionIsAnError() {
        long subscription = subscriber.subscribe("com.example.topic");
        long request = subscriber.request();
        subscriber.send(new Message.Unsubscribe(request, subscription));
        assertEquals(request, subscriber.expect(Message.Unsubscribed.class).request());
        publisher.send(new Message.Publish(publisher.request(), Map.of(), "com.example.topic", null, null));
        subscriber.expectNothing();

        subscriber.send(new Message.Unsubscribe(subscriber.request(), subscription));
        Message.Error error = subscriber.expectError(WampUris.NO_SUCH_SUBSCRIPTION);
        assertEquals(MessageType.UNSUBSCRIBE.code(), error.requestType());
    }

    @Test
    void patternSubscriptionsGetTheActualTopic() {
        long prefix = subscriber.subscribe("com.example.", Map.of("match", "prefix"));
        long wildcard = subscriber.subscribe("com..topic", Map.of("match", "wildcard"));
        publisher.send(new Message.Publish(publisher.request(), Map.of(), "com.example.topic", null, null));
        List<Message> events = List.of(subscriber.peer.next(), subscriber.peer.next());
        for (Message message : events) {
            Message.Event event = (Message.Event) message;
            assertTrue(event.subscription() == prefix || event.subscription() == wildcard);
            assertEquals("com.example.topic", event.details().get("topic"));
        }
        assertEquals(((Message.Event) events.get(0)).publication(), ((Message.Event) events.get(1)).publication());
        publisher.send(new Message.Publish(publisher.request(), Map.of(), "com.other.topic.x", null, null));
        subscriber.expectNothing();
    }

    @Test
    void blackAndWhiteListsFilterReceivers() {
        TestClient third = TestClient.joined(router, "realm1");
        subscriber.subscribe("com.example.topic");
        third.subscribe("com.example.topic");

        publish(Map.of("exclude", List.of(subscriber.sessionId)));
        subscriber.expectNothing();
        third.expect(Message.Event.class);

        publish(Map.of("eligible", List.of(subscriber.sessionId)));
        subscriber.expect(Message.Event.class);
        third.expectNothing();

        publish(Map.of("eligible", List.of()));
        subscriber.expectNothing();
        third.expectNothing();

        publish(Map.of("exclude_authid", List.of(third.welcomeDetails.get("authid"))));
        subscriber.expect(Message.Event.class);
        third.expectNothing();

        publish(Map.of("eligible_authid", List.of(third.welcomeDetails.get("authid"))));
        subscriber.expectNothing();
        third.expect(Message.Event.class);

        publish(Map.of("exclude_authrole", List.of("anonymous")));
        subscriber.expectNothing();
        third.expectNothing();

        publish(Map.of("eligible_authrole", List.of("anonymous"), "exclude", List.of(third.sessionId)));
        subscriber.expect(Message.Event.class);
        third.expectNothing();
    }

    @Test
    void discloseMeIdentifiesThePublisher() {
        subscriber.subscribe("com.example.topic");
        publish(Map.of("disclose_me", true));
        Message.Event event = subscriber.expect(Message.Event.class);
        assertEquals(publisher.sessionId, event.details().get("publisher"));
        assertEquals(publisher.welcomeDetails.get("authid"), event.details().get("publisher_authid"));
        assertEquals("anonymous", event.details().get("publisher_authrole"));
    }

    @Test
    void rolePermissionCanDiscloseThePublisher() {
        Router disclosing = Realms.router(new RealmSettings("realm1", List.of(new Role("anonymous", List.of(
                new Permission("", MatchPolicy.PREFIX, true, true, true, true, false, true)))), false, false));
        TestClient pub = TestClient.joined(disclosing, "realm1");
        TestClient sub = TestClient.joined(disclosing, "realm1");
        sub.subscribe("com.example.topic");
        pub.send(new Message.Publish(pub.request(), Map.of(), "com.example.topic", null, null));
        assertEquals(pub.sessionId, sub.expect(Message.Event.class).details().get("publisher"));
    }

    @Test
    void invalidTopicIsRefusedOnlyWhenAcknowledged() {
        long request = subscriber.request();
        subscriber.send(new Message.Subscribe(request, Map.of(), "com..topic"));
        assertEquals(request, subscriber.expectError(WampUris.INVALID_URI).request());

        publisher.send(new Message.Publish(publisher.request(), Map.of(), "com.exa mple", null, null));
        publisher.expectNothing();
        publisher.send(new Message.Publish(publisher.request(), Map.of("acknowledge", true), "com.exa mple", null, null));
        publisher.expectError(WampUris.INVALID_URI);
        publisher.send(new Message.Publish(publisher.request(), Map.of("acknowledge", true), "wamp.session.on_join", null, null));
        publisher.expectError(WampUris.INVALID_URI);
    }

    @Test
    void strictRealmRefusesUppercaseUris() {
        Router strict = Realms.router(Realms.restricted());
        TestClient client = TestClient.joined(strict, "realm1");
        client.send(new Message.Subscribe(client.request(), Map.of(), "com.example.public.Topic"));
        client.expectError(WampUris.INVALID_URI);
        client.subscribe("com.example.public.topic");
    }

    @Test
    void unauthorizedSubscribeAndPublishAreDenied() {
        Router restricted = Realms.router(Realms.restricted());
        TestClient client = TestClient.joined(restricted, "realm1");
        client.send(new Message.Subscribe(client.request(), Map.of(), "com.example.private.topic"));
        Message.Error error = client.expectError(WampUris.NOT_AUTHORIZED);
        String message = error.args().get(0).toString();
        assertTrue(message.contains("subscribe") && message.contains("com.example.private.topic"), message);

        client.send(new Message.Publish(client.request(), Map.of("acknowledge", true), "com.example.private.topic", null, null));
        assertTrue(client.expectError(WampUris.NOT_AUTHORIZED).args().get(0).toString().contains("publish"));
        client.send(new Message.Publish(client.request(), Map.of(), "com.example.private.topic", null, null));
        client.expectNothing();
    }

    @Test
    void wrongOptionTypeIsAProtocolViolation() {
        publisher.send(new Message.Publish(publisher.request(), Map.of("exclude_me", 1), "com.example.topic", null, null));
        Message.Abort abort = publisher.expectAbort(WampUris.PROTOCOL_VIOLATION);
        assertTrue(abort.details().get("message").toString().contains("exclude_me"));
    }

    @Test
    void retainedEventReachesLaterSubscribersThatAskForIt() {
        publisher.send(new Message.Publish(publisher.request(), Map.of("retain", true), "com.example.state", List.of("old"), null));
        publisher.send(new Message.Publish(publisher.request(), Map.of("retain", true, "acknowledge", true),
                "com.example.state", List.of("new"), Map.of("v", 2)));
        long publication = publisher.expect(Message.Published.class).publication();
        publisher.send(new Message.Publish(publisher.request(), Map.of(), "com.example.state", List.of("not retained"), null));

        long subscription = subscriber.subscribe("com.example.state", Map.of("get_retained", true));
        Message.Event event = subscriber.expect(Message.Event.class);
        assertEquals(subscription, event.subscription());
        assertEquals(publication, event.publication());
        assertEquals(List.of("new"), event.args());
        assertEquals(Map.of("v", 2), event.kwargs());
        assertEquals(true, event.details().get("retained"));
        subscriber.expectNothing();

        TestClient withoutAsking = TestClient.joined(router, "realm1");
        withoutAsking.subscribe("com.example.state");
        withoutAsking.expectNothing();

        TestClient viaPrefix = TestClient.joined(router, "realm1");
        viaPrefix.subscribe("com.example.", Map.of("match", "prefix", "get_retained", true));
        Message.Event prefixEvent = viaPrefix.expect(Message.Event.class);
        assertEquals("com.example.state", prefixEvent.details().get("topic"));
    }

    @Test
    void retainedEventRespectsItsReceiverFilter() {
        publisher.send(new Message.Publish(publisher.request(),
                Map.of("retain", true, "exclude", List.of(subscriber.sessionId)), "com.example.state", null, null));
        subscriber.subscribe("com.example.state", Map.of("get_retained", true));
        subscriber.expectNothing();
        TestClient other = TestClient.joined(router, "realm1");
        other.subscribe("com.example.state", Map.of("get_retained", true));
        other.expect(Message.Event.class);
    }

    @Test
    void leavingSessionLosesItsSubscriptions() {
        subscriber.subscribe("com.example.topic");
        subscriber.session.transportClosed();
        publisher.send(new Message.Publish(publisher.request(), Map.of("acknowledge", true), "com.example.topic", null, null));
        publisher.expect(Message.Published.class);
        subscriber.expectNothing();
    }

    private void publish(Map<String, Object> options) {
        publisher.send(new Message.Publish(publisher.request(), options, "com.example.topic", List.of("x"), null));
    }
}
