package io.wamptls.router.auth;

import io.wamptls.wamp.WampUris;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authentication methods one transport accepts, and how a HELLO picks one (crossbar-reference §5.1):
 * walk the client's authmethods in its order (absent = ["anonymous"]) and take the first one configured here.
 * Known methods this transport does not configure are skipped. A method name Crossbar does not know at all, met
 * before a configured one, is refused ({@code invalid authmethod}) when the transport has an {@code auth} dict;
 * without one ({@link #anonymous}) Crossbar only looks for anonymous and skips everything else.
 */
public final class AuthPolicy {
    private static final Set<String> KNOWN_METHODS = Set.of("anonymous", "ticket", "wampcra", "tls", "cookie",
            "cryptosign", "scram", "cryptosign-proxy", "anonymous-proxy");

    private final Map<String, Authenticator> byMethod = new LinkedHashMap<>();
    private final boolean refuseUnknownMethods;

    private AuthPolicy(List<Authenticator> authenticators, boolean refuseUnknownMethods) {
        this.refuseUnknownMethods = refuseUnknownMethods;
        for (Authenticator authenticator : authenticators) {
            byMethod.put(authenticator.method(), authenticator);
        }
    }

    /** The methods of a transport's {@code auth} dict. */
    public static AuthPolicy of(List<Authenticator> authenticators) {
        return new AuthPolicy(authenticators, true);
    }

    /** Anonymous only, granting {@code role}: what a transport without an {@code auth} dict does. */
    public static AuthPolicy anonymous(String role) {
        return new AuthPolicy(List.of(new AnonymousAuthenticator(role)), false);
    }

    /**
     * The authenticator for the first of the client's methods configured here, if any; for an unknown method name
     * met first, one that refuses it.
     */
    public Optional<Authenticator> select(List<String> clientAuthmethods) {
        List<String> offered = clientAuthmethods != null ? clientAuthmethods : List.of("anonymous");
        for (String method : offered) {
            Authenticator authenticator = byMethod.get(method);
            if (authenticator != null) {
                return Optional.of(authenticator);
            }
            if (refuseUnknownMethods && !KNOWN_METHODS.contains(method)) {
                return Optional.of(refusing(method));
            }
        }
        return Optional.empty();
    }

    private static Authenticator refusing(String method) {
        return new Authenticator() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public AuthOutcome hello(AuthRequest request) {
                return new AuthOutcome.Deny(WampUris.NOT_AUTHORIZED, "invalid authmethod \"" + method + "\"");
            }
        };
    }

    public Set<String> methods() {
        return byMethod.keySet();
    }
}
