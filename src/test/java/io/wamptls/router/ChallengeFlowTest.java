package io.wamptls.router;

import io.wamptls.router.auth.AuthOutcome;
import io.wamptls.router.auth.AuthPolicy;
import io.wamptls.router.auth.AuthRequest;
import io.wamptls.router.auth.Authenticator;
import io.wamptls.router.auth.Identity;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.WampUris;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The CHALLENGE/AUTHENTICATE path that ticket, WAMP-CRA and similar methods will use, driven by a test-only
 * ticket-like authenticator.
 */
class ChallengeFlowTest {
    private final Router router = Realms.router(Realms.open());
    private final AuthPolicy auth = AuthPolicy.of(List.of(new Authenticator() {
        @Override
        public String method() {
            return "ticket";
        }

        @Override
        public AuthOutcome hello(AuthRequest request) {
            if (!"alice".equals(request.authid())) {
                return new AuthOutcome.Deny(WampUris.NOT_AUTHORIZED, "no principal with authid \"" + request.authid() + "\"");
            }
            return new AuthOutcome.Challenge("ticket", Map.of(), (signature, extra) -> "secret".equals(signature)
                    ? new AuthOutcome.Accept(new Identity("alice", "anonymous", "ticket", "static", Map.of()))
                    : new AuthOutcome.Deny(WampUris.NOT_AUTHORIZED, "ticket is invalid"));
        }
    }));

    private TestClient helloAs(String authid) {
        TestClient client = new TestClient(router, auth);
        client.send(new Message.Hello("realm1", Map.of("roles", TestClient.ALL_ROLES,
                "authmethods", List.of("ticket"), "authid", authid)));
        return client;
    }

    @Test
    void rightTicketIsWelcomed() {
        TestClient client = helloAs("alice");
        assertEquals("ticket", client.expect(Message.Challenge.class).authMethod());
        client.send(new Message.Authenticate("secret", Map.of()));
        Message.Welcome welcome = client.expect(Message.Welcome.class);
        assertEquals("alice", welcome.details().get("authid"));
        assertEquals("ticket", welcome.details().get("authmethod"));
        assertEquals(1, router.sessionCount());
    }

    @Test
    void wrongTicketIsAborted() {
        TestClient client = helloAs("alice");
        client.expect(Message.Challenge.class);
        client.send(new Message.Authenticate("guess", Map.of()));
        assertEquals("ticket is invalid", client.expectAbort(WampUris.NOT_AUTHORIZED).details().get("message"));
    }

    @Test
    void unknownPrincipalIsAbortedWithoutChallenge() {
        helloAs("mallory").expectAbort(WampUris.NOT_AUTHORIZED);
    }

    @Test
    void otherMessagesWhileChallengedAreProtocolViolations() {
        TestClient client = helloAs("alice");
        client.expect(Message.Challenge.class);
        client.send(new Message.Subscribe(1, Map.of(), "com.example.topic"));
        client.expectAbort(WampUris.PROTOCOL_VIOLATION);
        assertEquals(0, router.sessionCount());
    }

    @Test
    void clientMayAbortTheChallenge() {
        TestClient client = helloAs("alice");
        client.expect(Message.Challenge.class);
        client.send(new Message.Abort(Map.of(), "wamp.close.normal"));
        client.expectNothing();
        assertEquals(0, router.sessionCount());
    }
}
