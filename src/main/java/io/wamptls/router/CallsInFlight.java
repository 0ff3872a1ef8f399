package io.wamptls.router;

import io.wamptls.wamp.Ids;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dealer's table of calls in flight, found by the caller's request id or by the callee's invocation id,
 * and the per-callee INVOCATION id counters (invocation ids are sequential per callee session).
 */
final class CallsInFlight {

    private record Key(long session, long request) {
    }

    private final Map<Key, CallInFlight> byInvocation = new HashMap<>();
    /** Insertion-ordered so that calls are settled (canceled, interrupted) in the order they were made. */
    private final Map<Key, CallInFlight> byCall = new LinkedHashMap<>();
    private final Map<Long, Long> lastInvocationId = new HashMap<>();

    long nextInvocationId(SessionRef callee) {
        long id = Ids.next(lastInvocationId.getOrDefault(callee.id(), 0L));
        lastInvocationId.put(callee.id(), id);
        return id;
    }

    /** True when this invocation id was already handed out to the callee (so a late answer is not a violation). */
    boolean wasSent(SessionRef callee, long invocation) {
        return invocation <= lastInvocationId.getOrDefault(callee.id(), 0L);
    }

    void add(CallInFlight call) {
        byInvocation.put(new Key(call.callee.id(), call.invocation), call);
        byCall.put(new Key(call.caller.id(), call.callRequest), call);
    }

    CallInFlight byCall(SessionRef caller, long request) {
        return byCall.get(new Key(caller.id(), request));
    }

    CallInFlight byInvocation(SessionRef callee, long invocation) {
        return byInvocation.get(new Key(callee.id(), invocation));
    }

    boolean contains(CallInFlight call) {
        return byCall.get(new Key(call.caller.id(), call.callRequest)) == call;
    }

    /** Removes the call and stops its timer. */
    void remove(CallInFlight call) {
        call.cancelTimer.run();
        byInvocation.remove(new Key(call.callee.id(), call.invocation));
        byCall.remove(new Key(call.caller.id(), call.callRequest));
    }

    List<CallInFlight> madeBy(SessionRef caller) {
        return byCall.values().stream().filter(c -> c.caller.id() == caller.id()).toList();
    }

    List<CallInFlight> servedBy(SessionRef callee, Registration registration) {
        return byCall.values().stream()
                .filter(c -> c.callee.id() == callee.id() && c.registration == registration).toList();
    }

    void forgetSession(SessionRef session) {
        lastInvocationId.remove(session.id());
    }
}
