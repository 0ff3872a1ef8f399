package io.wamptls.router.auth;

import io.wamptls.wamp.WampUris;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * {@code ticket} (static): HELLO must name a configured authid; CHALLENGE {@code ticket} with empty extra; the
 * AUTHENTICATE signature is the ticket, compared in constant time. Crossbar's Deny messages.
 */
public final class TicketAuthenticator implements Authenticator {

    public record Principal(String ticket, String role) {
    }

    private final Map<String, Principal> principals;

    /** @param principals authid to ticket and role; tickets are already resolved (no {@code ${VAR}}) */
    public TicketAuthenticator(Map<String, Principal> principals) {
        this.principals = Map.copyOf(principals);
    }

    @Override
    public String method() {
        return "ticket";
    }

    @Override
    public AuthOutcome hello(AuthRequest request) {
        Principal principal = request.authid() == null ? null : principals.get(request.authid());
        if (principal == null) {
            return Denials.noPrincipal(request.authid());
        }
        byte[] expected = principal.ticket().getBytes(StandardCharsets.UTF_8);
        return new AuthOutcome.Challenge("ticket", Map.of(), (signature, extra) ->
                MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))
                        ? new AuthOutcome.Accept(new Identity(request.authid(), principal.role(), "ticket", "static", Map.of()))
                        : new AuthOutcome.Deny(WampUris.NOT_AUTHORIZED, "ticket in static WAMP-Ticket authentication is invalid"));
    }
}
