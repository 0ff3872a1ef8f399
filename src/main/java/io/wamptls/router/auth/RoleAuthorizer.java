package io.wamptls.router.auth;

import io.wamptls.router.Permission;
import io.wamptls.router.Role;
import io.wamptls.router.match.Specificity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Static role permissions of one realm. For a URI the most specific matching permission decides, in Crossbar's
 * order: exact, then a matching wildcard, then the longest prefix; nothing matching denies. The built-in role
 * {@code trusted} may do anything and always sees identities.
 */
public final class RoleAuthorizer {
    public static final String TRUSTED = "trusted";

    /** Decisions per role and URI, kept because permissions never change and every PUBLISH and CALL asks. */
    private static final int MAX_CACHED_URIS_PER_ROLE = 10_000;

    private final Map<String, List<Permission>> permissionsByRole = new HashMap<>();
    private final Map<String, Map<String, Optional<Permission>>> decided = new ConcurrentHashMap<>();

    public RoleAuthorizer(List<Role> roles) {
        for (Role role : roles) {
            permissionsByRole.put(role.name(), role.permissions());
        }
    }

    public boolean hasRole(String role) {
        return TRUSTED.equals(role) || permissionsByRole.containsKey(role);
    }

    public Authorization authorize(String role, Action action, String uri) {
        if (TRUSTED.equals(role)) {
            return new Authorization(true, true);
        }
        return permissionFor(role, uri)
                .map(p -> new Authorization(action.grantedBy(p),
                        action == Action.PUBLISH ? p.disclosePublisher() : action == Action.CALL && p.discloseCaller()))
                .orElse(Authorization.DENIED);
    }

    /** The permission that decides for {@code uri}, if any matches. */
    public Optional<Permission> permissionFor(String role, String uri) {
        Map<String, Optional<Permission>> cache = decided.computeIfAbsent(role, r -> new ConcurrentHashMap<>());
        Optional<Permission> permission = cache.get(uri);
        if (permission == null) {
            List<Permission> permissions = permissionsByRole.getOrDefault(role, List.of());
            permission = Specificity.best(permissions, Permission::pattern, uri, Specificity.PERMISSIONS);
            if (cache.size() >= MAX_CACHED_URIS_PER_ROLE) {
                cache.clear(); // a client cycling through URIs must not grow memory without bound
            }
            cache.put(uri, permission);
        }
        return permission;
    }
}
