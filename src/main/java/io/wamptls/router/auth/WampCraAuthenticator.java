package io.wamptls.router.auth;

import io.wamptls.wamp.WampUris;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code wampcra} (static): HELLO must name a configured user; CHALLENGE {@code wampcra} with the challenge text
 * (and salt, iterations, keylen for a salted secret); AUTHENTICATE carries the HMAC, compared in constant time.
 */
public final class WampCraAuthenticator implements Authenticator {

    /** A user; {@code salt} null for a plain secret. */
    public record User(String secret, String role, String salt, int iterations, int keylen) {
        public static User plain(String secret, String role) {
            return new User(secret, role, null, 0, 0);
        }
    }

    private final Map<String, User> users;
    /** The HMAC key per authid, derived once: PBKDF2 is deliberately slow. */
    private final Map<String, String> keys = new LinkedHashMap<>();

    public WampCraAuthenticator(Map<String, User> users) {
        this.users = Map.copyOf(users);
        users.forEach((authid, user) -> keys.put(authid, user.salt() == null ? user.secret()
                : WampCra.deriveKey(user.secret(), user.salt(), user.iterations(), user.keylen())));
    }

    @Override
    public String method() {
        return "wampcra";
    }

    @Override
    public AuthOutcome hello(AuthRequest request) {
        User user = request.authid() == null ? null : users.get(request.authid());
        if (user == null) {
            return Denials.noPrincipal(request.authid());
        }
        String challenge = WampCra.challenge(request.authid(), user.role(), "static", request.sessionId(), Instant.now());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("challenge", challenge);
        if (user.salt() != null) {
            extra.put("salt", user.salt());
            extra.put("iterations", user.iterations());
            extra.put("keylen", user.keylen());
        }
        byte[] expected = WampCra.sign(keys.get(request.authid()), challenge).getBytes(StandardCharsets.UTF_8);
        return new AuthOutcome.Challenge("wampcra", extra, (signature, ignored) ->
                MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))
                        ? new AuthOutcome.Accept(new Identity(request.authid(), user.role(), "wampcra", "static", Map.of()))
                        : new AuthOutcome.Deny(WampUris.NOT_AUTHORIZED, "WAMP-CRA client signature is invalid"));
    }
}
