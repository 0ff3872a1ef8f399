package io.wamptls.router.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authentication methods one transport accepts, and how a HELLO picks one (crossbar-reference §5.1):
 * walk the client's authmethods in its order (absent = ["anonymous"]) and take the first one configured here.
 * Methods this transport does not configure are skipped, known or not.
 */
public final class AuthPolicy {
    private final Map<String, Authenticator> byMethod = new LinkedHashMap<>();

    private AuthPolicy(List<Authenticator> authenticators) {
        for (Authenticator authenticator : authenticators) {
            byMethod.put(authenticator.method(), authenticator);
        }
    }

    public static AuthPolicy of(List<Authenticator> authenticators) {
        return new AuthPolicy(authenticators);
    }

    /** Anonymous only, granting {@code role}: what a transport without an {@code auth} dict does. */
    public static AuthPolicy anonymous(String role) {
        return of(List.of(new AnonymousAuthenticator(role)));
    }

    /** The authenticator for the first of the client's methods configured here, if any. */
    public Optional<Authenticator> select(List<String> clientAuthmethods) {
        List<String> offered = clientAuthmethods != null ? clientAuthmethods : List.of("anonymous");
        return offered.stream().filter(byMethod::containsKey).findFirst().map(byMethod::get);
    }

    public Set<String> methods() {
        return byMethod.keySet();
    }
}
