package io.wamptls.config;

import java.util.Map;

/**
 * The {@code auth} dict of a WAMP endpoint: method name ({@code anonymous}, {@code ticket}, {@code wampcra},
 * {@code tls}) to its static configuration. Empty ({@link #NONE}) means no {@code auth} was given, so only
 * anonymous sessions with role {@code anonymous} are allowed, as in Crossbar.
 */
public record AuthConfig(Map<String, AuthMethodConfig> methods) {
    public static final AuthConfig NONE = new AuthConfig(Map.of());

    public AuthConfig {
        methods = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(methods));
    }

    /** One method's static config. Principals map authid to what that method needs. */
    public sealed interface AuthMethodConfig {
        String jsonPath();
    }

    /** {@code anonymous}: role (default {@code anonymous}) and optional fixed authid. */
    public record Anonymous(String jsonPath, String role, String authid) implements AuthMethodConfig {
    }

    /** {@code ticket}: authid to (ticket, role); tickets of the form ${VAR} are resolved at load time. */
    public record Ticket(String jsonPath, Map<String, TicketPrincipal> principals) implements AuthMethodConfig {
    }

    public record TicketPrincipal(String ticket, String role) {
    }

    /** {@code wampcra}: authid to user; salt null for unsalted secrets. */
    public record WampCra(String jsonPath, Map<String, CraUser> users) implements AuthMethodConfig {
    }

    public record CraUser(String secret, String role, String salt, int iterations, int keylen) {
    }

    /** {@code tls}: authid to (SHA-1 fingerprint in uppercase hex with colons, role). */
    public record Tls(String jsonPath, Map<String, TlsPrincipal> principals) implements AuthMethodConfig {
    }

    public record TlsPrincipal(String certificateSha1, String role) {
    }
}
