package io.wamptls.router;

import io.wamptls.router.auth.Action;
import io.wamptls.router.auth.Authorization;
import io.wamptls.router.auth.RoleAuthorizer;
import io.wamptls.router.match.MatchPolicy;
import io.wamptls.router.match.Specificity;
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
 * Remote procedure calls of one realm: registrations, CALL → INVOCATION → YIELD/ERROR → RESULT/ERROR,
 * cancel and timeout. Not thread-safe: the realm calls it under its lock.
 */
final class Dealer {

    static final Map<String, Object> FEATURES = Broker.features(
            "caller_identification", "pattern_based_registration", "shared_registration",
            "progressive_call_results", "call_canceling", "call_timeout");

    private static final String CALLEE_GONE = "callee disconnected from in-flight request";

    /** Told about registrations coming and going, for the meta API. */
    interface Listener {
        void registrationCreated(SessionRef session, Registration registration);

        void registered(SessionRef session, Registration registration);

        void unregistered(SessionRef session, Registration registration);

        void registrationDeleted(SessionRef session, Registration registration);
    }

    private final RoleAuthorizer authorizer;
    private final boolean strictUris;
    private final CallTimer timer;
    private final Map<UriPattern, Registration> byPattern = new HashMap<>();
    private final Map<Long, Registration> byId = new HashMap<>();
    /** The prefix and wildcard registrations, searched when no exact registration matches a CALL. */
    private final Set<Registration> patternRegistrations = new LinkedHashSet<>();
    private final Map<String, InternalProcedure> internalProcedures = new HashMap<>();
    private final CallsInFlight calls = new CallsInFlight();
    private Listener listener;

    Dealer(RoleAuthorizer authorizer, boolean strictUris, CallTimer timer) {
        this.authorizer = authorizer;
        this.strictUris = strictUris;
        this.timer = timer;
    }

    void setListener(Listener listener) {
        this.listener = listener;
    }

    void addInternalProcedure(String uri, InternalProcedure procedure) {
        internalProcedures.put(uri, procedure);
    }

    void register(SessionRef session, Message.Register register) throws ProtocolViolation {
        Options options = new Options(MessageType.REGISTER, register.options());
        MatchPolicy match = options.match();
        String invokeName = options.string("invoke", "single");
        InvokePolicy invoke = InvokePolicy.fromWireName(invokeName);
        if (invoke == null) {
            throw new ProtocolViolation("REGISTER: option invoke must be single, roundrobin, random, first or last, got \""
                    + invokeName + "\"");
        }
        boolean discloseCaller = options.bool("disclose_caller", false);
        String procedure = register.procedure();
        long request = register.request();

        if (!UriRules.isValidPattern(procedure, match, strictUris)) {
            refuse(session, MessageType.REGISTER, request, WampUris.INVALID_URI,
                    "invalid procedure URI '" + procedure + "' for match " + match.wireName());
            return;
        }
        if ((procedure.startsWith("wamp.") || internalProcedures.containsKey(procedure))
                && !RoleAuthorizer.TRUSTED.equals(session.authrole())) {
            refuse(session, MessageType.REGISTER, request, WampUris.INVALID_URI,
                    "procedure URI '" + procedure + "' is restricted (wamp.*)");
            return;
        }
        if (!authorizer.authorize(session.authrole(), Action.REGISTER, procedure).allowed()) {
            refuse(session, MessageType.REGISTER, request, WampUris.NOT_AUTHORIZED,
                    Broker.notAuthorized(session, Action.REGISTER, procedure));
            return;
        }
        UriPattern pattern = new UriPattern(procedure, match);
        Registration registration = byPattern.get(pattern);
        boolean created = registration == null;
        if (created) {
            registration = new Registration(newRegistrationId(), pattern, invoke);
            byPattern.put(pattern, registration);
            byId.put(registration.id, registration);
            if (match != MatchPolicy.EXACT) {
                patternRegistrations.add(registration);
            }
        } else if (registration.invoke == InvokePolicy.SINGLE || registration.hasCallee(session.id())) {
            refuse(session, MessageType.REGISTER, request, WampUris.PROCEDURE_ALREADY_EXISTS,
                    "procedure '" + procedure + "' (match " + match.wireName() + ") is already registered");
            return;
        } else if (registration.invoke != invoke) {
            refuse(session, MessageType.REGISTER, request, WampUris.PROCEDURE_EXISTS_WITH_DIFFERENT_INVOCATION_POLICY,
                    "procedure '" + procedure + "' is already registered with invoke " + registration.invoke.wireName());
            return;
        }
        registration.callees.add(new Registration.Callee(session, discloseCaller));
        session.send(new Message.Registered(request, registration.id));
        if (listener != null) {
            if (created) {
                listener.registrationCreated(session, registration);
            }
            listener.registered(session, registration);
        }
    }

    void unregister(SessionRef session, Message.Unregister unregister) {
        Registration registration = byId.get(unregister.registration());
        if (registration == null || !registration.hasCallee(session.id())) {
            refuse(session, MessageType.UNREGISTER, unregister.request(), WampUris.NO_SUCH_REGISTRATION,
                    "no registration " + unregister.registration() + " for this session");
            return;
        }
        removeCallee(session, registration);
        session.send(new Message.Unregistered(unregister.request(), null));
    }

    void call(SessionRef caller, Message.Call call) throws ProtocolViolation {
        Options options = new Options(MessageType.CALL, call.options());
        boolean receiveProgress = options.bool("receive_progress", false);
        boolean discloseMe = options.bool("disclose_me", false);
        long timeout = options.nonNegative("timeout", 0);
        if (options.bool("progress", false)) {
            throw new ProtocolViolation("CALL: option progress (progressive call invocations) is not supported");
        }
        String procedure = call.procedure();
        long request = call.request();
        if (calls.byCall(caller, request) != null) {
            throw new ProtocolViolation("CALL: request id " + request + " is already used by a call in flight");
        }

        if (!UriRules.isValid(procedure, strictUris)) {
            refuse(caller, MessageType.CALL, request, WampUris.INVALID_URI, "invalid procedure URI '" + procedure + "'");
            return;
        }
        Authorization authorization = authorizer.authorize(caller.authrole(), Action.CALL, procedure);
        if (!authorization.allowed()) {
            refuse(caller, MessageType.CALL, request, WampUris.NOT_AUTHORIZED,
                    Broker.notAuthorized(caller, Action.CALL, procedure));
            return;
        }
        InternalProcedure internal = internalProcedures.get(procedure);
        if (internal != null) {
            callInternal(caller, call, internal);
            return;
        }
        Registration registration = bestRegistration(procedure);
        if (registration == null) {
            refuse(caller, MessageType.CALL, request, WampUris.NO_SUCH_PROCEDURE,
                    "no callee registered for procedure '" + procedure + "'");
            return;
        }
        Registration.Callee callee = registration.pickCallee();
        SessionRef calleeSession = callee.session();
        long invocation = calls.nextInvocationId(calleeSession);

        Map<String, Object> details = new LinkedHashMap<>();
        if (registration.pattern.match() != MatchPolicy.EXACT) {
            details.put("procedure", procedure);
        }
        if (authorization.disclose() || discloseMe || callee.discloseCaller()) {
            details.put("caller", caller.id());
            details.put("caller_authid", caller.authid());
            details.put("caller_authrole", caller.authrole());
        }
        // Only callees that announced progressive results get receive_progress (Autobahn|JS callees announce it
        // without call_canceling, so unlike the spec text we do not also require call_canceling).
        boolean progressToCallee = receiveProgress && calleeSession.supports("callee", "progressive_call_results");
        if (progressToCallee) {
            details.put("receive_progress", true);
        }
        CallInFlight pending = new CallInFlight(caller, request, calleeSession, invocation, registration,
                receiveProgress, timeout);
        calls.add(pending);
        startTimer(pending);
        calleeSession.send(new Message.Invocation(invocation, registration.id, details, call.args(), call.kwargs()));
    }

    private void callInternal(SessionRef caller, Message.Call call, InternalProcedure procedure) {
        try {
            List<Object> result = procedure.call(caller, call.args() != null ? call.args() : List.of(),
                    call.kwargs() != null ? call.kwargs() : Map.of());
            caller.send(new Message.Result(call.request(), Map.of(), result, null));
        } catch (WampException e) {
            caller.send(new Message.Error(MessageType.CALL.code(), call.request(), Map.of(), e.errorUri(), e.args(), null));
        }
    }

    void yield(SessionRef callee, Message.Yield yield) throws ProtocolViolation {
        CallInFlight pending = pendingInvocation(callee, yield.request(), MessageType.YIELD);
        if (pending == null) {
            return;
        }
        boolean progress = new Options(MessageType.YIELD, yield.options()).bool("progress", false);
        if (progress) {
            if (pending.receiveProgress) {
                pending.caller.send(new Message.Result(pending.callRequest, Map.of("progress", true),
                        yield.args(), yield.kwargs()));
                pending.cancelTimer.run();
                startTimer(pending); // the timeout covers the gap between results
            }
            return;
        }
        finish(pending);
        pending.caller.send(new Message.Result(pending.callRequest, Map.of(), yield.args(), yield.kwargs()));
    }

    /** ERROR from a callee answering an INVOCATION: passed on to the caller with the callee's URI and payload. */
    void calleeError(SessionRef callee, Message.Error error) throws ProtocolViolation {
        CallInFlight pending = pendingInvocation(callee, error.request(), MessageType.ERROR);
        if (pending == null) {
            return;
        }
        finish(pending);
        pending.caller.send(new Message.Error(MessageType.CALL.code(), pending.callRequest, Map.of(), error.error(),
                error.args(), error.kwargs()));
    }

    void cancel(SessionRef caller, Message.Cancel cancel) throws ProtocolViolation {
        String mode = new Options(MessageType.CANCEL, cancel.options()).string("mode", "killnowait");
        if (!mode.equals("skip") && !mode.equals("kill") && !mode.equals("killnowait")) {
            throw new ProtocolViolation("CANCEL: option mode must be skip, kill or killnowait, got \"" + mode + "\"");
        }
        CallInFlight pending = calls.byCall(caller, cancel.request());
        if (pending == null || pending.killRequested) {
            return; // not pending (finished, or never was) or already being killed: ignore
        }
        if (!pending.callee.supports("callee", "call_canceling")) {
            mode = "skip";
        }
        switch (mode) {
            case "skip" -> {
                finish(pending);
                caller.send(Replies.error(MessageType.CALL, pending.callRequest, WampUris.CANCELED, "call canceled"));
            }
            case "killnowait" -> {
                finish(pending);
                pending.callee.send(new Message.Interrupt(pending.invocation, Map.of("mode", "killnowait")));
                caller.send(Replies.error(MessageType.CALL, pending.callRequest, WampUris.CANCELED, "call canceled"));
            }
            default -> { // kill: the callee's answer (normally ERROR canceled) ends the call
                pending.killRequested = true;
                pending.callee.send(new Message.Interrupt(pending.invocation, Map.of("mode", "kill")));
            }
        }
    }

    /** The session left: drop its registrations, fail calls it was serving, interrupt calls it was waiting for. */
    void removeSession(SessionRef session) {
        for (Registration registration : new ArrayList<>(byId.values())) {
            if (registration.hasCallee(session.id())) {
                removeCallee(session, registration);
            }
        }
        for (CallInFlight pending : calls.madeBy(session)) {
            finish(pending);
            if (pending.callee.supports("callee", "call_canceling")) {
                pending.callee.send(new Message.Interrupt(pending.invocation, Map.of("mode", "killnowait")));
            }
        }
        calls.forgetSession(session);
    }

    private void removeCallee(SessionRef session, Registration registration) {
        registration.callees.removeIf(c -> c.session().id() == session.id());
        for (CallInFlight pending : calls.servedBy(session, registration)) {
            finish(pending);
            pending.caller.send(Replies.error(MessageType.CALL, pending.callRequest, WampUris.CANCELED, CALLEE_GONE));
        }
        if (listener != null) {
            listener.unregistered(session, registration);
        }
        if (registration.callees.isEmpty()) {
            byPattern.remove(registration.pattern);
            byId.remove(registration.id);
            patternRegistrations.remove(registration);
            if (listener != null) {
                listener.registrationDeleted(session, registration);
            }
        }
    }

    /**
     * The pending call a YIELD/ERROR answers, or null for a late answer to an invocation already given up on
     * (canceled, timed out, caller gone). An id this router never sent to the callee is a protocol violation.
     */
    private CallInFlight pendingInvocation(SessionRef callee, long invocation, MessageType type) throws ProtocolViolation {
        CallInFlight pending = calls.byInvocation(callee, invocation);
        if (pending == null && !calls.wasSent(callee, invocation)) {
            throw new ProtocolViolation(type + " for invocation " + invocation + " that was never sent to this session");
        }
        return pending;
    }

    private void finish(CallInFlight pending) {
        calls.remove(pending);
    }

    private void startTimer(CallInFlight pending) {
        if (pending.timeoutMillis > 0) {
            pending.cancelTimer = timer.schedule(pending.timeoutMillis, () -> timedOut(pending));
        }
    }

    private void timedOut(CallInFlight pending) {
        if (!calls.contains(pending)) {
            return; // finished meanwhile
        }
        finish(pending);
        if (pending.callee.supports("callee", "call_canceling")) {
            pending.callee.send(new Message.Interrupt(pending.invocation, Map.of("mode", "killnowait")));
        }
        pending.caller.send(Replies.error(MessageType.CALL, pending.callRequest, WampUris.TIMEOUT,
                "call timed out after " + pending.timeoutMillis + " ms"));
    }

    /** The registration a CALL goes to: exact, else longest prefix, else best wildcard. */
    Registration bestRegistration(String procedure) {
        Registration exact = byPattern.get(UriPattern.exact(procedure));
        if (exact != null) {
            return exact;
        }
        return Specificity.best(patternRegistrations, r -> r.pattern, procedure, Specificity.ROUTING).orElse(null);
    }

    Registration byId(long id) {
        return byId.get(id);
    }

    Registration byPattern(UriPattern pattern) {
        return byPattern.get(pattern);
    }

    Collection<Registration> registrations() {
        return byId.values();
    }

    private static void refuse(SessionRef session, MessageType requestType, long request, String errorUri, String message) {
        session.send(Replies.error(requestType, request, errorUri, message));
    }

    private long newRegistrationId() {
        long id;
        do {
            id = Ids.random();
        } while (byId.containsKey(id));
        return id;
    }
}
