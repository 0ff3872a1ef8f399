package io.wamptls.router;

import io.wamptls.router.auth.Action;
import io.wamptls.router.auth.Authorization;
import io.wamptls.router.auth.RoleAuthorizer;
import io.wamptls.router.match.MatchPolicy;
import io.wamptls.router.match.UriPattern;
import io.wamptls.router.match.UriRules;
import io.wamptls.wamp.Ids;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.MessageType;
import io.wamptls.wamp.ProtocolViolation;
import io.wamptls.wamp.WampUris;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publish/subscribe of one realm, with event retention (the last retained event per topic, kept for the life
 * of the realm). Not thread-safe: the realm calls it under its lock.
 * One subscription (one id) per (topic, match), shared by all its subscribers.
 */
final class Broker {

    static final Map<String, Object> FEATURES = features(
            "publisher_identification", "publisher_exclusion", "subscriber_blackwhite_listing",
            "pattern_based_subscription", "event_retention");

    /**
     * The last publication with {@code retain: true} on a topic, kept with what is needed to deliver it later:
     * the publisher's identity (for disclosure and exclude_me) and its receiver filter.
     */
    private record RetainedEvent(long publication, long publisher, String publisherAuthid, String publisherAuthrole,
                                 boolean disclose, boolean excludeMe, ReceiverFilter filter,
                                 List<Object> args, Map<String, Object> kwargs) {
    }

    /** Told about subscriptions coming and going, for the meta API. */
    interface Listener {
        void subscriptionCreated(SessionRef session, Subscription subscription);

        void subscribed(SessionRef session, Subscription subscription);

        void unsubscribed(SessionRef session, Subscription subscription);

        void subscriptionDeleted(SessionRef session, Subscription subscription);
    }

    private final RoleAuthorizer authorizer;
    private final boolean strictUris;
    private final Map<UriPattern, Subscription> byPattern = new HashMap<>();
    private final Map<Long, Subscription> byId = new HashMap<>();
    /** The prefix and wildcard subscriptions: every publish has to test each of them. */
    private final Set<Subscription> patternSubscriptions = new LinkedHashSet<>();
    private final Map<String, RetainedEvent> retained = new HashMap<>();
    private Listener listener;

    Broker(RoleAuthorizer authorizer, boolean strictUris) {
        this.authorizer = authorizer;
        this.strictUris = strictUris;
    }

    void setListener(Listener listener) {
        this.listener = listener;
    }

    void subscribe(SessionRef session, Message.Subscribe subscribe) throws ProtocolViolation {
        Options options = new Options(MessageType.SUBSCRIBE, subscribe.options());
        MatchPolicy match = options.match();
        boolean getRetained = options.bool("get_retained", false);
        String topic = subscribe.topic();
        if (!UriRules.isValidPattern(topic, match, strictUris)) {
            session.send(Replies.error(MessageType.SUBSCRIBE, subscribe.request(), WampUris.INVALID_URI,
                    "invalid topic URI '" + topic + "' for match " + match.wireName()));
            return;
        }
        if (!authorizer.authorize(session.authrole(), Action.SUBSCRIBE, topic).allowed()) {
            session.send(Replies.error(MessageType.SUBSCRIBE, subscribe.request(), WampUris.NOT_AUTHORIZED,
                    notAuthorized(session, Action.SUBSCRIBE, topic)));
            return;
        }
        UriPattern pattern = new UriPattern(topic, match);
        Subscription subscription = byPattern.get(pattern);
        boolean created = subscription == null;
        if (created) {
            subscription = new Subscription(newSubscriptionId(), pattern);
            byPattern.put(pattern, subscription);
            byId.put(subscription.id, subscription);
            if (match != MatchPolicy.EXACT) {
                patternSubscriptions.add(subscription);
            }
        }
        boolean added = subscription.subscribers.putIfAbsent(session.id(), session) == null;
        session.send(new Message.Subscribed(subscribe.request(), subscription.id));
        if (getRetained) {
            sendRetained(session, subscription);
        }
        if (listener != null) {
            if (created) {
                listener.subscriptionCreated(session, subscription);
            }
            if (added) {
                listener.subscribed(session, subscription);
            }
        }
    }

    void unsubscribe(SessionRef session, Message.Unsubscribe unsubscribe) {
        Subscription subscription = byId.get(unsubscribe.subscription());
        if (subscription == null || !subscription.subscribers.containsKey(session.id())) {
            session.send(Replies.error(MessageType.UNSUBSCRIBE, unsubscribe.request(), WampUris.NO_SUCH_SUBSCRIPTION,
                    "no subscription " + unsubscribe.subscription() + " for this session"));
            return;
        }
        remove(session, subscription);
        session.send(new Message.Unsubscribed(unsubscribe.request(), null));
    }

    void publish(SessionRef publisher, Message.Publish publish) throws ProtocolViolation {
        Options options = new Options(MessageType.PUBLISH, publish.options());
        boolean acknowledge = options.bool("acknowledge", false);
        boolean excludeMe = options.bool("exclude_me", true);
        boolean discloseMe = options.bool("disclose_me", false);
        boolean retain = options.bool("retain", false);
        ReceiverFilter filter = ReceiverFilter.from(options);
        String topic = publish.topic();

        Authorization authorization = authorizer.authorize(publisher.authrole(), Action.PUBLISH, topic);
        Message.Error refusal = refusal(publisher, publish, authorization);
        if (refusal != null) {
            if (acknowledge) { // without acknowledge every failure is silent (spec)
                publisher.send(refusal);
            }
            return;
        }

        long publication = Ids.random();
        if (acknowledge) {
            publisher.send(new Message.Published(publish.request(), publication));
        }
        boolean disclose = authorization.disclose() || discloseMe;
        if (retain) {
            retained.put(topic, new RetainedEvent(publication, publisher.id(), publisher.authid(), publisher.authrole(),
                    disclose, excludeMe, filter, publish.args(), publish.kwargs()));
        }
        for (Subscription subscription : matching(topic)) {
            Map<String, Object> details = eventDetails(subscription, topic);
            if (disclose) {
                addPublisher(details, publisher.id(), publisher.authid(), publisher.authrole());
            }
            Message.Event event = new Message.Event(subscription.id, publication, details, publish.args(), publish.kwargs());
            for (SessionRef subscriber : subscription.subscribers.values()) {
                boolean isPublisher = subscriber.id() == publisher.id();
                if ((isPublisher && excludeMe) || !filter.accepts(subscriber)) {
                    continue;
                }
                subscriber.send(event);
            }
        }
    }

    /** Right after SUBSCRIBED: the retained events this subscription matches and the subscriber is eligible for. */
    private void sendRetained(SessionRef subscriber, Subscription subscription) {
        retained.forEach((topic, event) -> {
            boolean excluded = subscriber.id() == event.publisher() && event.excludeMe();
            if (!subscription.pattern.matches(topic) || excluded || !event.filter().accepts(subscriber)) {
                return;
            }
            Map<String, Object> details = eventDetails(subscription, topic);
            details.put("retained", true);
            if (event.disclose()) {
                addPublisher(details, event.publisher(), event.publisherAuthid(), event.publisherAuthrole());
            }
            subscriber.send(new Message.Event(subscription.id, event.publication(), details, event.args(), event.kwargs()));
        });
    }

    /** EVENT.Details: the actual topic for pattern subscriptions (MUST), nothing for exact ones. */
    private static Map<String, Object> eventDetails(Subscription subscription, String topic) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (subscription.pattern.match() != MatchPolicy.EXACT) {
            details.put("topic", topic);
        }
        return details;
    }

    private static void addPublisher(Map<String, Object> details, long id, String authid, String authrole) {
        details.put("publisher", id);
        details.put("publisher_authid", authid);
        details.put("publisher_authrole", authrole);
    }

    /** The ERROR a publication is refused with, or null when it may go out. */
    private Message.Error refusal(SessionRef publisher, Message.Publish publish, Authorization authorization) {
        String topic = publish.topic();
        if (!UriRules.isValid(topic, strictUris)) {
            return Replies.error(MessageType.PUBLISH, publish.request(), WampUris.INVALID_URI,
                    "invalid topic URI '" + topic + "'");
        }
        if (topic.startsWith("wamp.") && !RoleAuthorizer.TRUSTED.equals(publisher.authrole())) {
            return Replies.error(MessageType.PUBLISH, publish.request(), WampUris.INVALID_URI,
                    "topic URI '" + topic + "' is restricted (wamp.*)");
        }
        if (!authorization.allowed()) {
            return Replies.error(MessageType.PUBLISH, publish.request(), WampUris.NOT_AUTHORIZED,
                    notAuthorized(publisher, Action.PUBLISH, topic));
        }
        return null;
    }

    /** An event from the router itself (meta events): no publisher, no filters. */
    void publishFromRouter(String topic, List<Object> args) {
        long publication = Ids.random();
        for (Subscription subscription : matching(topic)) {
            Map<String, Object> details = subscription.pattern.match() == MatchPolicy.EXACT
                    ? Map.of() : Map.of("topic", topic);
            Message.Event event = new Message.Event(subscription.id, publication, details, args, null);
            subscription.subscribers.values().forEach(s -> s.send(event));
        }
    }

    /** Drops the session from every subscription it is on. */
    void removeSession(SessionRef session) {
        for (Subscription subscription : new ArrayList<>(byId.values())) {
            if (subscription.subscribers.containsKey(session.id())) {
                remove(session, subscription);
            }
        }
    }

    private void remove(SessionRef session, Subscription subscription) {
        subscription.subscribers.remove(session.id());
        if (listener != null) {
            listener.unsubscribed(session, subscription);
        }
        if (subscription.subscribers.isEmpty()) {
            byPattern.remove(subscription.pattern);
            byId.remove(subscription.id);
            patternSubscriptions.remove(subscription);
            if (listener != null) {
                listener.subscriptionDeleted(session, subscription);
            }
        }
    }

    /** Every subscription an event on {@code topic} goes to (pub/sub has no precedence). */
    List<Subscription> matching(String topic) {
        List<Subscription> result = new ArrayList<>();
        Subscription exact = byPattern.get(UriPattern.exact(topic));
        if (exact != null) {
            result.add(exact);
        }
        for (Subscription subscription : patternSubscriptions) {
            if (subscription.pattern.matches(topic)) {
                result.add(subscription);
            }
        }
        return result;
    }

    Subscription byId(long id) {
        return byId.get(id);
    }

    Subscription byPattern(UriPattern pattern) {
        return byPattern.get(pattern);
    }

    Collection<Subscription> subscriptions() {
        return byId.values();
    }

    private long newSubscriptionId() {
        long id;
        do {
            id = Ids.random();
        } while (byId.containsKey(id));
        return id;
    }

    static String notAuthorized(SessionRef session, Action action, String uri) {
        return "session " + session.id() + " (role '" + session.authrole() + "') is not authorized to "
                + action.verb() + " '" + uri + "'";
    }

    static Map<String, Object> features(String... names) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (String name : names) {
            features.put(name, true);
        }
        return features;
    }
}
