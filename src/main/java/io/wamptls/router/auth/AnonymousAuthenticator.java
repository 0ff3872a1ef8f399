package io.wamptls.router.auth;

import java.security.SecureRandom;
import java.util.Map;

/**
 * {@code anonymous}: no challenge; the configured authid or a random one like Crossbar's, a fixed role,
 * authprovider static; HELLO's authextra is echoed.
 */
public final class AnonymousAuthenticator implements Authenticator {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String role;
    private final String authid;

    public AnonymousAuthenticator(String role) {
        this(role, null);
    }

    /** @param authid the authid every anonymous session gets, or null for a random one per session */
    public AnonymousAuthenticator(String role, String authid) {
        this.role = role;
        this.authid = authid;
    }

    @Override
    public String method() {
        return "anonymous";
    }

    @Override
    public AuthOutcome hello(AuthRequest request) {
        Map<String, Object> authextra = request.authextra() != null ? request.authextra() : Map.of();
        return new AuthOutcome.Accept(new Identity(authid != null ? authid : randomAuthid(), role, "anonymous", "static", authextra));
    }

    /** Six groups of four characters, {@code XXXX-XXXX-XXXX-XXXX-XXXX-XXXX}. */
    static String randomAuthid() {
        StringBuilder id = new StringBuilder(29);
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 4 == 0) {
                id.append('-');
            }
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
