package io.wamptls.router;

import io.wamptls.wamp.Message;
import io.wamptls.wamp.MessageType;
import io.wamptls.wamp.WampUris;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RpcTest {
    private final Router router = Realms.router(Realms.open());
    private final TestClient callee = TestClient.joined(router, "realm1",
            TestClient.calleeRoles("progressive_call_results", "call_canceling"));
    private final TestClient caller = TestClient.joined(router, "realm1");

    private long call(String procedure, Map<String, Object> options, List<Object> args, Map<String, Object> kwargs) {
        long request = caller.request();
        caller.send(new Message.Call(request, options, procedure, args, kwargs));
        return request;
    }

    private long call(String procedure) {
        return call(procedure, Map.of(), null, null);
    }

    @Test
    void callInvocationYieldResultKeepsPayloads() {
        long registration = callee.register("com.example.add");
        List<Object> args = List.of(2, 3);
        Map<String, Object> kwargs = Map.of("round", true);
        long request = call("com.example.add", Map.of(), args, kwargs);

        Message.Invocation invocation = callee.expect(Message.Invocation.class);
        assertEquals(registration, invocation.registration());
        assertEquals(1, invocation.request(), "invocation ids are sequential per callee");
        assertSame(args, invocation.args());
        assertSame(kwargs, invocation.kwargs());
        assertFalse(invocation.details().containsKey("caller"));

        List<Object> resultArgs = List.of(5);
        callee.send(new Message.Yield(invocation.request(), Map.of(), resultArgs, null));
        Message.Result result = caller.expect(Message.Result.class);
        assertEquals(request, result.request());
        assertSame(resultArgs, result.args());
        assertNull(result.kwargs());
    }

    @Test
    void calleeErrorReachesTheCaller() {
        callee.register("com.example.fail");
        long request = call("com.example.fail");
        Message.Invocation invocation = callee.expect(Message.Invocation.class);
        callee.send(new Message.Error(MessageType.INVOCATION.code(), invocation.request(), Map.of(),
                "com.example.error.bad_input", List.of("nope"), Map.of("field", "x")));
        Message.Error error = caller.expectError("com.example.error.bad_input");
        assertEquals(MessageType.CALL.code(), error.requestType());
        assertEquals(request, error.request());
        assertEquals(List.of("nope"), error.args());
        assertEquals(Map.of("field", "x"), error.kwargs());
    }

    @Test
    void unknownProcedureIsAnError() {
        long request = call("com.example.nothing");
        assertEquals(request, caller.expectError(WampUris.NO_SUCH_PROCEDURE).request());
    }

    @Test
    void secondRegistrationOfTheSameProcedureFails() {
        callee.register("com.example.add");
        TestClient other = TestClient.joined(router, "realm1");
        other.send(new Message.Register(other.request(), Map.of(), "com.example.add"));
        other.expectError(WampUris.PROCEDURE_ALREADY_EXISTS);
    }

    @Test
    void calleeLeavingMidCallCancelsTheCall() {
        callee.register("com.example.slow");
        long first = call("com.example.slow");
        long second = call("com.example.slow");
        callee.expect(Message.Invocation.class);
        callee.expect(Message.Invocation.class);
        callee.session.transportClosed();
        assertEquals(first, caller.expectError(WampUris.CANCELED).request());
        assertEquals(second, caller.expectError(WampUris.CANCELED).request());
        call("com.example.slow");
        caller.expectError(WampUris.NO_SUCH_PROCEDURE);
    }

    @Test
    void unregisterMidCallCancelsTheCall() {
        long registration = callee.register("com.example.slow");
        long request = call("com.example.slow");
        Message.Invocation invocation = callee.expect(Message.Invocation.class);
        callee.send(new Message.Unregister(callee.request(), registration));
        callee.expect(Message.Unregistered.class);
        assertEquals(request, caller.expectError(WampUris.CANCELED).request());
        callee.send(new Message.Yield(invocation.request(), Map.of(), null, null)); // late: dropped silently
        callee.expectNothing();
        caller.expectNothing();
        callee.send(new Message.Unregister(callee.request(), registration));
        callee.expectError(WampUris.NO_SUCH_REGISTRATION);
    }

    @Test
    void callerLeavingInterruptsCancelableCallee() {
        callee.register("com.example.slow");
        call("com.example.slow");
        Message.Invocation invocation = callee.expect(Message.Invocation.class);
        caller.session.transportClosed();
        Message.Interrupt interrupt = callee.expect(Message.Interrupt.class);
        assertEquals(invocation.request(), interrupt.request());
        assertEquals("killnowait", interrupt.options().get("mode"));
    }

    @Test
    void yieldForAnInvocationNeverSentIsAProtocolViolation() {
        callee.register("com.example.add");
        callee.send(new Message.Yield(42, Map.of(), null, null));
        callee.expectAbort(WampUris.PROTOCOL_VIOLATION);
    }

    @Test
    void reusingTheRequestIdOfACallInFlightIsAProtocolViolation() {
        callee.register("com.example.slow");
        caller.send(new Message.Call(7, Map.of(), "com.example.slow", null, null));
        callee.expect(Message.Invocation.class);
        caller.send(new Message.Call(7, Map.of(), "com.example.slow", null, null));
        caller.expectAbort(WampUris.PROTOCOL_VIOLATION);
        assertEquals("killnowait", callee.expect(Message.Interrupt.class).options().get("mode"));
    }

    @Test
    void progressiveResultsReachCallersThatAskedForThem() {
        callee.register("com.example.stream");
        long request = call("com.example.stream", Map.of("receive_progress", true), null, null);
        Message.Invocation invocation = callee.expect(Message.Invocation.class);
        assertEquals(true, invocation.details().get("receive_progress"));
        callee.send(new Message.Yield(invocation.request(), Map.of("progress", true), List.of(1), null));
        callee.send(new Message.Yield(invocation.request(), Map.of("progress", true), List.of(2), null));
        callee.send(new Message.Yield(invocation.request(), Map.of(), List.of(3), null));
        for (int i = 1; i <= 3; i++) {
            Message.Result result = caller.expect(Message.Result.class);
            assertEquals(request, result.request());
            assertEquals(List.of(i), result.args());
            assertEquals(i < 3, Boolean.TRUE.equals(result.details().get("progress")));
        }
    }

    @Test
    void cancelModes() {
        callee.register("com.example.slow");

        long skipped = call("com.example.slow");
        Message.Invocation first = callee.expect(Message.Invocation.class);
        caller.send(new Message.Cancel(skipped, Map.of("mode", "skip")));
        assertEquals(skipped, caller.expectError(WampUris.CANCELED).request());
        callee.expectNothing();
        callee.send(new Message.Yield(first.request(), Map.of(), null, null));
        caller.expectNothing();

        long killedNoWait = call("com.example.slow");
        Message.Invocation second = callee.expect(Message.Invocation.class);
        caller.send(new Message.Cancel(killedNoWait, Map.of()));
        assertEquals("killnowait", callee.expect(Message.Interrupt.class).options().get("mode"));
        assertEquals(killedNoWait, caller.expectError(WampUris.CANCELED).request());

        long killed = call("com.example.slow");
        Message.Invocation third = callee.expect(Message.Invocation.class);
        caller.send(new Message.Cancel(killed, Map.of("mode", "kill")));
        Message.Interrupt interrupt = callee.expect(Message.Interrupt.class);
        assertEquals(third.request(), interrupt.request());
        assertEquals("kill", interrupt.options().get("mode"));
        caller.expectNothing();
        callee.send(new Message.Error(MessageType.INVOCATION.code(), third.request(), Map.of(), WampUris.CANCELED, null, null));
        assertEquals(killed, caller.expectError(WampUris.CANCELED).request());
        assertTrue(second.request() < third.request());
    }

    @Test
    void cancelOfACalleeWithoutCallCancelingFallsBackToSkip() {
        TestClient plainCallee = TestClient.joined(router, "realm1", TestClient.calleeRoles());
        plainCallee.register("com.example.plain");
        long request = call("com.example.plain");
        plainCallee.expect(Message.Invocation.class);
        caller.send(new Message.Cancel(request, Map.of("mode", "kill")));
        assertEquals(request, caller.expectError(WampUris.CANCELED).request());
        plainCallee.expectNothing();
    }

    @Test
    void callTimeoutFailsTheCallAndInterruptsTheCallee() {
        callee.register("com.example.slow");
        long request = call("com.example.slow", Map.of("timeout", 50), null, null);
        Message.Invocation invocation = callee.expect(Message.Invocation.class);
        Message.Error error = caller.expectError(WampUris.TIMEOUT);
        assertEquals(request, error.request());
        Message.Interrupt interrupt = callee.expect(Message.Interrupt.class);
        assertEquals(invocation.request(), interrupt.request());
    }

    @Test
    void answeredCallDoesNotTimeOut() throws InterruptedException {
        callee.register("com.example.fast");
        call("com.example.fast", Map.of("timeout", 100), null, null);
        Message.Invocation invocation = callee.expect(Message.Invocation.class);
        callee.send(new Message.Yield(invocation.request(), Map.of(), null, null));
        caller.expect(Message.Result.class);
        Thread.sleep(200);
        caller.expectNothing();
    }

    @Test
    void patternRegistrationsRouteExactThenLongestPrefixThenWildcard() {
        long prefixShort = callee.register("com.", Map.of("match", "prefix"));
        long prefixLong = callee.register("com.example.", Map.of("match", "prefix"));
        long wildcard = callee.register("com..run", Map.of("match", "wildcard"));
        long exact = callee.register("com.example.run");

        call("com.example.run");
        assertEquals(exact, callee.expect(Message.Invocation.class).registration());
        call("com.example.other");
        Message.Invocation viaPrefix = callee.expect(Message.Invocation.class);
        assertEquals(prefixLong, viaPrefix.registration());
        assertEquals("com.example.other", viaPrefix.details().get("procedure"));
        call("com.other.thing");
        assertEquals(prefixShort, callee.expect(Message.Invocation.class).registration());

        TestClient wildOnly = TestClient.joined(router, "realm1");
        long onlyWildcard = wildOnly.register("org..run", Map.of("match", "wildcard"));
        call("org.x.run");
        assertEquals(onlyWildcard, wildOnly.expect(Message.Invocation.class).registration());
        assertTrue(wildcard != onlyWildcard);
    }

    @Test
    void sharedRegistrationRoundRobin() {
        TestClient second = TestClient.joined(router, "realm1");
        long id = callee.register("com.example.shared", Map.of("invoke", "roundrobin"));
        assertEquals(id, second.register("com.example.shared", Map.of("invoke", "roundrobin")));
        call("com.example.shared");
        callee.expect(Message.Invocation.class);
        call("com.example.shared");
        second.expect(Message.Invocation.class);
        call("com.example.shared");
        callee.expect(Message.Invocation.class);

        TestClient third = TestClient.joined(router, "realm1");
        third.send(new Message.Register(third.request(), Map.of("invoke", "random"), "com.example.shared"));
        third.expectError(WampUris.PROCEDURE_EXISTS_WITH_DIFFERENT_INVOCATION_POLICY);
    }

    @Test
    void sharedRegistrationLast() {
        TestClient second = TestClient.joined(router, "realm1");
        callee.register("com.example.shared", Map.of("invoke", "last"));
        second.register("com.example.shared", Map.of("invoke", "last"));
        call("com.example.shared");
        second.expect(Message.Invocation.class);
        callee.expectNothing();
    }

    @Test
    void callerIsDisclosedWhenTheCalleeAsks() {
        callee.register("com.example.who", Map.of("disclose_caller", true));
        call("com.example.who");
        Message.Invocation invocation = callee.expect(Message.Invocation.class);
        assertEquals(caller.sessionId, invocation.details().get("caller"));
        assertEquals("anonymous", invocation.details().get("caller_authrole"));
    }

    @Test
    void unauthorizedCallAndRegisterAreDenied() {
        Router restricted = Realms.router(Realms.restricted());
        TestClient client = TestClient.joined(restricted, "realm1");
        client.send(new Message.Register(client.request(), Map.of(), "com.example.private.proc"));
        assertTrue(client.expectError(WampUris.NOT_AUTHORIZED).args().get(0).toString().contains("register 'com.example.private.proc'"));
        client.send(new Message.Call(client.request(), Map.of(), "com.example.private.proc", null, null));
        assertTrue(client.expectError(WampUris.NOT_AUTHORIZED).args().get(0).toString().contains("call 'com.example.private.proc'"));
        client.register("com.example.public.proc");
    }

    @Test
    void registeringWampProceduresIsRestricted() {
        callee.send(new Message.Register(callee.request(), Map.of(), "wamp.session.count"));
        callee.expectError(WampUris.INVALID_URI);
    }
}
