package io.wamptls.router.auth;

import io.wamptls.router.Permission;
import io.wamptls.router.Role;
import io.wamptls.router.TransportInfo;
import io.wamptls.router.match.MatchPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthTest {

    @Test
    void policySelectsTheFirstConfiguredMethodInClientOrder() {
        Authenticator ticket = new Authenticator() {
            public String method() {
                return "ticket";
            }

            public AuthOutcome hello(AuthRequest request) {
                return new AuthOutcome.Challenge("ticket", Map.of(), (signature, extra) ->
                        new AuthOutcome.Deny("wamp.error.not_authorized", "no"));
            }
        };
        AuthPolicy policy = AuthPolicy.of(List.of(new AnonymousAuthenticator("anonymous"), ticket));
        assertEquals("ticket", policy.select(List.of("wampcra", "ticket", "anonymous")).orElseThrow().method());
        assertEquals("anonymous", policy.select(null).orElseThrow().method(), "no authmethods means anonymous");
        assertTrue(AuthPolicy.anonymous("anonymous").select(List.of("ticket")).isEmpty());
    }

    @Test
    void anonymousGrantsRandomAuthidAndConfiguredRole() {
        AuthRequest request = new AuthRequest("realm1", 1, "ignored", null, Map.of("a", 1),
                new TransportInfo("tcp4:1.2.3.4:5", true, "wamp.2.json", null, Map.of()));
        Identity identity = assertInstanceOf(AuthOutcome.Accept.class,
                new AnonymousAuthenticator("public").hello(request)).identity();
        assertTrue(identity.authid().matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){5}"), identity.authid());
        assertEquals("public", identity.authrole());
        assertEquals("anonymous", identity.authmethod());
        assertEquals("static", identity.authprovider());
        assertEquals(Map.of("a", 1), identity.authextra());
    }

    @Test
    void mostSpecificPermissionDecides() {
        RoleAuthorizer authorizer = new RoleAuthorizer(List.of(new Role("user", List.of(
                new Permission("com.example.", MatchPolicy.PREFIX, true, false, false, true, false, false),
                new Permission("com.example.admin.", MatchPolicy.PREFIX, false, false, false, false, false, false),
                new Permission("com.example.admin.status", MatchPolicy.EXACT, true, false, false, false, true, false),
                new Permission("com..public", MatchPolicy.WILDCARD, false, false, true, false, false, true)))));
        assertTrue(authorizer.authorize("user", Action.CALL, "com.example.hello").allowed());
        assertFalse(authorizer.authorize("user", Action.REGISTER, "com.example.hello").allowed());
        assertFalse(authorizer.authorize("user", Action.CALL, "com.example.admin.reset").allowed(), "longer prefix wins");
        Authorization status = authorizer.authorize("user", Action.CALL, "com.example.admin.status");
        assertTrue(status.allowed() && status.disclose(), "exact wins and carries disclose caller");
        Authorization wildcard = authorizer.authorize("user", Action.PUBLISH, "com.example.public");
        assertTrue(wildcard.allowed() && wildcard.disclose(), "wildcard beats prefix (Crossbar)");
        assertFalse(authorizer.authorize("user", Action.SUBSCRIBE, "com.example.public").allowed());
        assertFalse(authorizer.authorize("user", Action.CALL, "org.other").allowed(), "nothing matching denies");
        assertFalse(authorizer.authorize("nobody", Action.CALL, "com.example.hello").allowed());
        assertTrue(authorizer.authorize("trusted", Action.REGISTER, "wamp.anything").allowed());
        assertTrue(authorizer.hasRole("trusted") && authorizer.hasRole("user") && !authorizer.hasRole("nobody"));
    }
}
