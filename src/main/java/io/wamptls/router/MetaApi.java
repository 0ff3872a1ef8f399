package io.wamptls.router;

import io.wamptls.router.match.MatchPolicy;
import io.wamptls.router.match.UriPattern;
import io.wamptls.router.match.UriRules;
import io.wamptls.wamp.MessageLists;
import io.wamptls.wamp.WampUris;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The WAMP meta API of one realm (wamp-notes §8): session, subscription and registration procedures served by
 * the dealer, and meta events published by the broker. Entities on {@code wamp.*} URIs raise no events.
 * Not served: testaments, event history, revocation (remove_subscriber/remove_callee).
 */
final class MetaApi implements Broker.Listener, Dealer.Listener {
    private final SessionDirectory directory;
    private final Broker broker;
    private final Dealer dealer;

    MetaApi(SessionDirectory directory, Broker broker, Dealer dealer) {
        this.directory = directory;
        this.broker = broker;
        this.dealer = dealer;
        broker.setListener(this);
        dealer.setListener(this);

        dealer.addInternalProcedure("wamp.session.count", (caller, args, kwargs) ->
                List.of(sessionsWithRoles(args).size()));
        dealer.addInternalProcedure("wamp.session.list", (caller, args, kwargs) ->
                List.of(sessionsWithRoles(args).stream().map(SessionRef::id).toList()));
        dealer.addInternalProcedure("wamp.session.get", (caller, args, kwargs) -> {
            SessionRef session = directory.find(idArg(args, "session"));
            if (session == null) {
                throw new WampException(WampUris.NO_SUCH_SESSION, "no session " + args.get(0));
            }
            return List.of(session.details());
        });
        dealer.addInternalProcedure("wamp.session.kill", (caller, args, kwargs) -> {
            long id = idArg(args, "session");
            SessionRef target = directory.find(id);
            if (target == null || id == caller.id()) {
                throw new WampException(WampUris.NO_SUCH_SESSION, "no session " + id + " to kill (the caller cannot kill itself)");
            }
            kill(List.of(target), kwargs);
            return null;
        });
        dealer.addInternalProcedure("wamp.session.kill_by_authid", (caller, args, kwargs) -> {
            String authid = stringArg(args, 0, "authid");
            return List.of(kill(others(caller, s -> authid.equals(s.authid())), kwargs));
        });
        dealer.addInternalProcedure("wamp.session.kill_by_authrole", (caller, args, kwargs) -> {
            String authrole = stringArg(args, 0, "authrole");
            return List.of(kill(others(caller, s -> authrole.equals(s.authrole())), kwargs).size());
        });
        dealer.addInternalProcedure("wamp.session.kill_all", (caller, args, kwargs) ->
                List.of(kill(others(caller, s -> true), kwargs).size()));

        dealer.addInternalProcedure("wamp.subscription.list", (caller, args, kwargs) ->
                List.of(idsByPolicy(broker.subscriptions(), s -> s.pattern, s -> s.id)));
        dealer.addInternalProcedure("wamp.subscription.lookup", (caller, args, kwargs) -> {
            Subscription s = broker.byPattern(patternArg(args));
            return nullable(s == null ? null : s.id);
        });
        dealer.addInternalProcedure("wamp.subscription.match", (caller, args, kwargs) -> {
            List<Long> ids = broker.matching(stringArg(args, 0, "topic")).stream().map(s -> s.id).toList();
            return nullable(ids.isEmpty() ? null : ids);
        });
        dealer.addInternalProcedure("wamp.subscription.get", (caller, args, kwargs) ->
                List.of(describe(subscription(args))));
        dealer.addInternalProcedure("wamp.subscription.list_subscribers", (caller, args, kwargs) ->
                List.of(List.copyOf(subscription(args).subscribers.keySet())));
        dealer.addInternalProcedure("wamp.subscription.count_subscribers", (caller, args, kwargs) ->
                List.of(subscription(args).subscribers.size()));

        dealer.addInternalProcedure("wamp.registration.list", (caller, args, kwargs) ->
                List.of(idsByPolicy(dealer.registrations(), r -> r.pattern, r -> r.id)));
        dealer.addInternalProcedure("wamp.registration.lookup", (caller, args, kwargs) -> {
            Registration r = dealer.byPattern(patternArg(args));
            return nullable(r == null ? null : r.id);
        });
        dealer.addInternalProcedure("wamp.registration.match", (caller, args, kwargs) -> {
            Registration r = dealer.bestRegistration(stringArg(args, 0, "procedure"));
            return nullable(r == null ? null : r.id);
        });
        dealer.addInternalProcedure("wamp.registration.get", (caller, args, kwargs) ->
                List.of(describe(registration(args))));
        dealer.addInternalProcedure("wamp.registration.list_callees", (caller, args, kwargs) ->
                List.of(registration(args).callees.stream().map(c -> c.session().id()).toList()));
        dealer.addInternalProcedure("wamp.registration.count_callees", (caller, args, kwargs) ->
                List.of(registration(args).callees.size()));
    }

    void sessionJoined(SessionRef session) {
        broker.publishFromRouter("wamp.session.on_join", List.of(session.details()));
    }

    void sessionLeft(SessionRef session) {
        broker.publishFromRouter("wamp.session.on_leave", List.of(session.id(), session.authid(), session.authrole()));
    }

    @Override
    public void subscriptionCreated(SessionRef session, Subscription subscription) {
        publishAbout(subscription.pattern, "wamp.subscription.on_create", session.id(), describe(subscription));
    }

    @Override
    public void subscribed(SessionRef session, Subscription subscription) {
        publishAbout(subscription.pattern, "wamp.subscription.on_subscribe", session.id(), subscription.id);
    }

    @Override
    public void unsubscribed(SessionRef session, Subscription subscription) {
        publishAbout(subscription.pattern, "wamp.subscription.on_unsubscribe", session.id(), subscription.id);
    }

    @Override
    public void subscriptionDeleted(SessionRef session, Subscription subscription) {
        publishAbout(subscription.pattern, "wamp.subscription.on_delete", session.id(), subscription.id);
    }

    @Override
    public void registrationCreated(SessionRef session, Registration registration) {
        publishAbout(registration.pattern, "wamp.registration.on_create", session.id(), describe(registration));
    }

    @Override
    public void registered(SessionRef session, Registration registration) {
        publishAbout(registration.pattern, "wamp.registration.on_register", session.id(), registration.id);
    }

    @Override
    public void unregistered(SessionRef session, Registration registration) {
        publishAbout(registration.pattern, "wamp.registration.on_unregister", session.id(), registration.id);
    }

    @Override
    public void registrationDeleted(SessionRef session, Registration registration) {
        publishAbout(registration.pattern, "wamp.registration.on_delete", session.id(), registration.id);
    }

    private void publishAbout(UriPattern pattern, String topic, long session, Object payload) {
        if (!pattern.uri().startsWith("wamp.")) {
            broker.publishFromRouter(topic, List.of(session, payload));
        }
    }

    private List<SessionRef> others(SessionRef caller, java.util.function.Predicate<SessionRef> filter) {
        return directory.sessions().stream().filter(s -> s.id() != caller.id()).filter(filter).toList();
    }

    /** Ends the sessions with GOODBYE {@code kwargs.reason} (default wamp.close.killed) and their ids. */
    private List<Long> kill(List<SessionRef> sessions, Map<String, Object> kwargs) throws WampException {
        Object reason = kwargs.getOrDefault("reason", WampUris.CLOSE_KILLED);
        if (!(reason instanceof String uri) || !UriRules.isValid(uri, false)) {
            throw new WampException(WampUris.INVALID_URI, "reason must be a valid URI, got " + reason);
        }
        Object message = kwargs.get("message");
        for (SessionRef session : sessions) {
            directory.kill(session, uri, message != null ? message.toString() : null);
        }
        return sessions.stream().map(SessionRef::id).toList();
    }

    private List<SessionRef> sessionsWithRoles(List<Object> args) throws WampException {
        List<SessionRef> sessions = new ArrayList<>(directory.sessions());
        if (!args.isEmpty() && args.get(0) != null) {
            if (!(args.get(0) instanceof List<?> roles)) {
                throw new WampException(WampUris.INVALID_ARGUMENT, "filter_authroles must be a list of strings");
            }
            sessions.removeIf(s -> !roles.contains(s.authrole()));
        }
        return sessions;
    }

    private Subscription subscription(List<Object> args) throws WampException {
        Subscription subscription = broker.byId(idArg(args, "subscription"));
        if (subscription == null) {
            throw new WampException(WampUris.NO_SUCH_SUBSCRIPTION, "no subscription " + args.get(0));
        }
        return subscription;
    }

    private Registration registration(List<Object> args) throws WampException {
        Registration registration = dealer.byId(idArg(args, "registration"));
        if (registration == null) {
            throw new WampException(WampUris.NO_SUCH_REGISTRATION, "no registration " + args.get(0));
        }
        return registration;
    }

    private static Map<String, Object> describe(Subscription s) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", s.id);
        details.put("created", s.created.toString());
        details.put("uri", s.pattern.uri());
        details.put("match", s.pattern.match().wireName());
        return details;
    }

    private static Map<String, Object> describe(Registration r) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", r.id);
        details.put("created", r.created.toString());
        details.put("uri", r.pattern.uri());
        details.put("match", r.pattern.match().wireName());
        details.put("invoke", r.invoke.wireName());
        return details;
    }

    private static <T> Map<String, Object> idsByPolicy(Collection<T> entities, Function<T, UriPattern> pattern,
                                                       Function<T, Long> id) {
        Map<String, Object> ids = new LinkedHashMap<>();
        for (MatchPolicy policy : MatchPolicy.values()) {
            ids.put(policy.wireName(), entities.stream().filter(e -> pattern.apply(e).match() == policy).map(id).toList());
        }
        return ids;
    }

    /** A one-element result that may be null (List.of refuses nulls). */
    private static List<Object> nullable(Object value) {
        List<Object> result = new ArrayList<>(1);
        result.add(value);
        return result;
    }

    private static long idArg(List<Object> args, String name) throws WampException {
        if (args.isEmpty() || !(args.get(0) instanceof Number n) || args.get(0) instanceof Double) {
            throw new WampException(WampUris.INVALID_ARGUMENT, "argument 0 (" + name + ") must be an integer, got "
                    + (args.isEmpty() ? "nothing" : MessageLists.typeName(args.get(0))));
        }
        return n.longValue();
    }

    private static String stringArg(List<Object> args, int index, String name) throws WampException {
        if (args.size() <= index || !(args.get(index) instanceof String s)) {
            throw new WampException(WampUris.INVALID_ARGUMENT, "argument " + index + " (" + name + ") must be a string");
        }
        return s;
    }

    /** {@code [uri, options?]} with {@code options.match}. */
    private static UriPattern patternArg(List<Object> args) throws WampException {
        String uri = stringArg(args, 0, "uri");
        MatchPolicy match = MatchPolicy.EXACT;
        if (args.size() > 1 && args.get(1) instanceof Map<?, ?> options && options.get("match") != null) {
            match = MatchPolicy.fromWireName(String.valueOf(options.get("match")));
            if (match == null) {
                throw new WampException(WampUris.INVALID_ARGUMENT, "options.match must be exact, prefix or wildcard");
            }
        }
        return new UriPattern(uri, match);
    }
}
