package io.wamptls.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code auth} dict: static anonymous, ticket, WAMP-CRA and WAMP-TLS authentication. */
final class AuthValidator {

    private static final List<String> METHODS = List.of("anonymous", "ticket", "wampcra", "tls");
    private static final List<String> TYPES = List.of("static", "dynamic", "function");
    private static final Pattern SECRET_VARIABLE = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");
    private static final Pattern SHA1_FINGERPRINT = Pattern.compile("^[0-9A-F]{2}(:[0-9A-F]{2}){19}$");
    private static final Map<String, String> UNSUPPORTED_METHODS = unsupportedMethods();

    private static Map<String, String> unsupportedMethods() {
        Map<String, String> methods = new LinkedHashMap<>();
        for (String method : List.of("cookie", "cryptosign", "scram", "cryptosign-proxy", "anonymous-proxy")) {
            methods.put(method, "authentication method '" + method + "' is not supported by this node (supported: "
                    + String.join(", ", METHODS) + ")");
        }
        return methods;
    }

    AuthConfig auth(Cursor a) {
        if (a.isMissing() || !a.expectObject()) {
            return AuthConfig.NONE;
        }
        a.checkKeys(METHODS, UNSUPPORTED_METHODS);
        Map<String, AuthConfig.AuthMethodConfig> methods = new LinkedHashMap<>();
        for (String method : METHODS) {
            Cursor m = a.get(method);
            if (m.isMissing() || !m.expectObject() || !isStatic(m)) {
                continue;
            }
            AuthConfig.AuthMethodConfig config = switch (method) {
                case "anonymous" -> anonymous(m);
                case "ticket" -> ticket(m);
                case "wampcra" -> wampcra(m);
                default -> tls(m);
            };
            methods.put(method, config);
        }
        return new AuthConfig(methods);
    }

    private static boolean isStatic(Cursor m) {
        String type = m.requireString("type");
        if (type == null) {
            return false;
        }
        if (type.equals("static")) {
            return true;
        }
        if (TYPES.contains(type)) {
            m.errorAt("type", "authentication type '" + type + "' is not supported by this node (only 'static')");
        } else {
            m.errorAt("type", "invalid value '" + type + "' (valid: static)" + Suggestions.didYouMean(type, TYPES));
        }
        return false;
    }

    private static AuthConfig.Anonymous anonymous(Cursor m) {
        m.checkKeys(List.of("type", "role", "authid", "realm"));
        String role = m.string("role", "anonymous");
        useRole(m, m.has("role") ? m.get("role").path() : m.path(), role);
        String authid = m.string("authid", null);
        m.string("realm", null);
        return new AuthConfig.Anonymous(m.path(), role, authid);
    }

    private static AuthConfig.Ticket ticket(Cursor m) {
        m.checkKeys(List.of("type", "principals"));
        Map<String, AuthConfig.TicketPrincipal> principals = principals(m, "principals", p -> {
            p.checkKeys(List.of("ticket", "role"));
            String ticket = secret(p, "ticket");
            String role = role(p);
            return ticket == null || role == null ? null : new AuthConfig.TicketPrincipal(ticket, role);
        });
        return new AuthConfig.Ticket(m.path(), principals);
    }

    private static AuthConfig.WampCra wampcra(Cursor m) {
        m.checkKeys(List.of("type", "users"));
        Map<String, AuthConfig.CraUser> users = principals(m, "users", u -> {
            u.checkKeys(List.of("secret", "role", "salt", "iterations", "keylen"));
            String secret = secret(u, "secret");
            String role = role(u);
            String salt = u.string("salt", null);
            int iterations = u.integer("iterations", 1000, 1, Integer.MAX_VALUE);
            int keylen = u.integer("keylen", 32, 1, 1024);
            return secret == null || role == null ? null
                    : new AuthConfig.CraUser(secret, role, salt, iterations, keylen);
        });
        return new AuthConfig.WampCra(m.path(), users);
    }

    private static AuthConfig.Tls tls(Cursor m) {
        m.checkKeys(List.of("type", "principals"));
        Map<String, AuthConfig.TlsPrincipal> principals = principals(m, "principals", p -> {
            p.checkKeys(List.of("certificate-sha1", "role"));
            String sha1 = p.requireString("certificate-sha1");
            if (sha1 != null && !SHA1_FINGERPRINT.matcher(sha1).matches()) {
                p.errorAt("certificate-sha1", "invalid SHA-1 fingerprint '" + sha1
                        + "' (expected 20 uppercase hex pairs separated by colons, like B6:E5:E6:F2:...:A1:EB)");
                sha1 = null;
            }
            String role = role(p);
            return sha1 == null || role == null ? null : new AuthConfig.TlsPrincipal(sha1, role);
        });
        return new AuthConfig.Tls(m.path(), principals);
    }

    /** The authid-keyed object under {@code key}; entries that did not validate are left out. */
    private static <T> Map<String, T> principals(Cursor m, String key, Function<Cursor, T> reader) {
        Map<String, T> result = new LinkedHashMap<>();
        Cursor all = m.require(key);
        if (all.isMissing() || !all.expectObject()) {
            return result;
        }
        all.fields().forEach((authid, entry) -> {
            if (entry.expectObject()) {
                T value = reader.apply(entry);
                if (value != null) {
                    result.put(authid, value);
                }
            }
        });
        return Collections.unmodifiableMap(result);
    }

    private static String role(Cursor principal) {
        String role = principal.requireString("role");
        if (role != null) {
            useRole(principal, principal.get("role").path(), role);
        }
        return role;
    }

    private static void useRole(Cursor at, String path, String role) {
        at.validation().useRole(path, role);
    }

    /** A mandatory secret; {@code ${VAR}} is replaced by the environment variable's value. */
    private static String secret(Cursor c, String key) {
        String value = c.requireString(key);
        if (value == null) {
            return null;
        }
        Matcher variable = SECRET_VARIABLE.matcher(value);
        if (!variable.matches()) {
            return value;
        }
        String resolved = c.validation().env(variable.group(1));
        if (resolved == null) {
            c.errorAt(key, "environment variable '" + variable.group(1) + "' is not set");
        }
        return resolved;
    }
}
