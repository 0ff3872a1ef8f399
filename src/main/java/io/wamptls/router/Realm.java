package io.wamptls.router;

import io.wamptls.router.auth.RoleAuthorizer;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.MessageType;
import io.wamptls.wamp.ProtocolViolation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One realm: its joined sessions, broker, dealer and authorizer. Every state change happens under the realm's
 * lock; peers are sent to while holding it, which is fine because {@link Peer#send} never blocks.
 */
final class Realm implements SessionDirectory {
    private final Object lock = new Object();
    private final RealmSettings settings;
    private final RoleAuthorizer authorizer;
    private final Broker broker;
    private final Dealer dealer;
    private final MetaApi metaApi;
    private final Map<Long, SessionRef> sessions = new LinkedHashMap<>();

    /** @param scheduler runs delayed tasks (the router's timeout thread) */
    Realm(RealmSettings settings, CallTimer scheduler) {
        this.settings = settings;
        this.authorizer = new RoleAuthorizer(settings.roles());
        this.broker = new Broker(authorizer, settings.strictUris());
        this.dealer = new Dealer(authorizer, settings.strictUris(), lockedTimer(scheduler));
        this.metaApi = settings.metaApi() ? new MetaApi(this, broker, dealer) : null;
    }

    /** Call timeouts change realm state, so they run under the realm lock. */
    private CallTimer lockedTimer(CallTimer scheduler) {
        return (delayMillis, task) -> scheduler.schedule(delayMillis, () -> {
            synchronized (lock) {
                task.run();
            }
        });
    }

    String name() {
        return settings.name();
    }

    boolean hasRole(String role) {
        return authorizer.hasRole(role);
    }

    /** WELCOME.Details.roles: the features this router really implements. */
    Map<String, Object> routerRoles() {
        Map<String, Object> brokerFeatures = new LinkedHashMap<>(Broker.FEATURES);
        Map<String, Object> dealerFeatures = new LinkedHashMap<>(Dealer.FEATURES);
        if (metaApi != null) {
            brokerFeatures.put("session_meta_api", true);
            brokerFeatures.put("subscription_meta_api", true);
            dealerFeatures.put("session_meta_api", true);
            dealerFeatures.put("registration_meta_api", true);
        }
        return Map.of("broker", Map.of("features", brokerFeatures), "dealer", Map.of("features", dealerFeatures));
    }

    void join(SessionRef session) {
        synchronized (lock) {
            sessions.put(session.id(), session);
            if (metaApi != null) {
                metaApi.sessionJoined(session);
            }
        }
    }

    /** The session is gone: drop its subscriptions and registrations and settle its calls. Idempotent. */
    void leave(SessionRef session) {
        synchronized (lock) {
            if (sessions.remove(session.id()) == null) {
                return;
            }
            broker.removeSession(session);
            dealer.removeSession(session);
            if (metaApi != null) {
                metaApi.sessionLeft(session);
            }
        }
    }

    @Override
    public void kill(SessionRef session, String reason, String message) {
        synchronized (lock) {
            leave(session);
            session.kill(reason, message);
        }
    }

    /** Routes one message of an established session. */
    void receive(SessionRef session, Message message) throws ProtocolViolation {
        synchronized (lock) {
            if (!sessions.containsKey(session.id())) {
                return; // killed by the router while this message was on its way: no longer routed
            }
            if (message instanceof Message.Publish publish) {
                broker.publish(session, publish);
            } else if (message instanceof Message.Subscribe subscribe) {
                broker.subscribe(session, subscribe);
            } else if (message instanceof Message.Unsubscribe unsubscribe) {
                broker.unsubscribe(session, unsubscribe);
            } else if (message instanceof Message.Call call) {
                dealer.call(session, call);
            } else if (message instanceof Message.Cancel cancel) {
                dealer.cancel(session, cancel);
            } else if (message instanceof Message.Register register) {
                dealer.register(session, register);
            } else if (message instanceof Message.Unregister unregister) {
                dealer.unregister(session, unregister);
            } else if (message instanceof Message.Yield yield) {
                dealer.yield(session, yield);
            } else if (message instanceof Message.Error error && error.requestType() == MessageType.INVOCATION.code()) {
                dealer.calleeError(session, error);
            } else {
                throw new ProtocolViolation(message.type() + " is not a message a client may send to a router");
            }
        }
    }

    int sessionCount() {
        synchronized (lock) {
            return sessions.size();
        }
    }

    // SessionDirectory: used by the meta API, under the lock.

    @Override
    public SessionRef find(long sessionId) {
        synchronized (lock) {
            return sessions.get(sessionId);
        }
    }

    @Override
    public Collection<SessionRef> sessions() {
        synchronized (lock) {
            return List.copyOf(sessions.values());
        }
    }
}
