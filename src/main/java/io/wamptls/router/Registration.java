package io.wamptls.router;

import io.wamptls.router.match.UriPattern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** One (procedure, match) and its callees, oldest first. Shared by several callees unless invoke is single. */
final class Registration {

    /** One callee on the registration, with its REGISTER options. */
    record Callee(SessionRef session, boolean discloseCaller) {
    }

    final long id;
    final UriPattern pattern;
    final InvokePolicy invoke;
    final Instant created = Instant.now();
    final List<Callee> callees = new ArrayList<>();
    private int nextRoundRobin;

    Registration(long id, UriPattern pattern, InvokePolicy invoke) {
        this.id = id;
        this.pattern = pattern;
        this.invoke = invoke;
    }

    boolean hasCallee(long sessionId) {
        return callees.stream().anyMatch(c -> c.session().id() == sessionId);
    }

    /** The callee for the next call, by the invocation policy. */
    Callee pickCallee() {
        return switch (invoke) {
            case SINGLE, FIRST -> callees.get(0);
            case LAST -> callees.get(callees.size() - 1);
            case RANDOM -> callees.get(ThreadLocalRandom.current().nextInt(callees.size()));
            case ROUNDROBIN -> callees.get(Math.floorMod(nextRoundRobin++, callees.size()));
        };
    }
}
