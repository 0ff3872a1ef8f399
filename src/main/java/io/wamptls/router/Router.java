package io.wamptls.router;

import io.wamptls.router.auth.AuthPolicy;
import io.wamptls.wamp.Ids;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The WAMP router: a fixed set of realms and the sessions attached to it. Transports {@link #attach} one
 * {@link Peer} per connection and feed the returned {@link RouterSession}. Thread-safe.
 */
public final class Router {
    static final String AGENT = "wamp-tls";

    private final Map<String, Realm> realms;
    private final Set<SessionHandler> attached = ConcurrentHashMap.newKeySet();
    private final Set<Long> sessionIds = ConcurrentHashMap.newKeySet();
    /** The only thread inside the core: fires call timeouts and closes sessions that do not echo GOODBYE. */
    private final ScheduledThreadPoolExecutor timeouts;
    private volatile boolean shutDown;

    public Router(List<RealmSettings> realms) {
        timeouts = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "wamp-call-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timeouts.setRemoveOnCancelPolicy(true);
        Map<String, Realm> byName = new LinkedHashMap<>();
        for (RealmSettings settings : realms) {
            byName.put(settings.name(), new Realm(settings, this::schedule));
        }
        this.realms = Collections.unmodifiableMap(byName);
    }

    /** A new connection: the router will expect HELLO and authenticate it with {@code auth}. */
    public RouterSession attach(Peer peer, TransportInfo transport, AuthPolicy auth) {
        SessionHandler handler = new SessionHandler(this, Objects.requireNonNull(peer, "peer"),
                Objects.requireNonNull(transport, "transport"), Objects.requireNonNull(auth, "auth"));
        attached.add(handler);
        return handler;
    }

    /** Ends every session (GOODBYE wamp.close.system_shutdown, or ABORT for those still joining) and closes its peer. */
    public void shutdown() {
        shutDown = true;
        for (SessionHandler handler : List.copyOf(attached)) {
            handler.shutdown();
        }
        timeouts.shutdownNow();
    }

    /** Established sessions over all realms. */
    public int sessionCount() {
        return realms.values().stream().mapToInt(Realm::sessionCount).sum();
    }

    public Set<String> realmNames() {
        return realms.keySet();
    }

    Realm realm(String name) {
        return realms.get(name);
    }

    /** True once {@link #shutdown} has begun: transports then close with "going away". */
    public boolean isShutDown() {
        return shutDown;
    }

    /** A session id unique on this router, drawn at random from [1, 2^53]. */
    long reserveSessionId() {
        long id;
        do {
            id = Ids.random();
        } while (!sessionIds.add(id));
        return id;
    }

    /** Runs {@code task} later on the timeout thread; the returned action cancels it. A no-op after shutdown. */
    Runnable schedule(long delayMillis, Runnable task) {
        try {
            ScheduledFuture<?> future = timeouts.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException shutDown) {
            return () -> { };
        }
    }

    void detached(SessionHandler handler, long sessionId) {
        attached.remove(handler);
        sessionIds.remove(sessionId);
    }
}
