package io.wamptls.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A realm with its options, roles and their permissions. */
final class RealmValidator {

    private static final Pattern REALM_NAME = Pattern.compile("^[A-Za-z][A-Za-z\\d_\\-@.]{2,254}$");
    private static final Pattern ETHEREUM_ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
    private static final Pattern PERMISSION_URI = Pattern.compile("^(([^\\s.#]+\\.)|\\.)*([^\\s.#]+)?$",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final String NOT_SUPPORTED = " not supported by this node";

    RealmConfig realm(Cursor r) {
        if (!r.expectObject()) {
            return null;
        }
        r.checkKeys(List.of("id", "name", "roles", "options"), Map.of(
                "store", "realm event store is" + NOT_SUPPORTED,
                "rlinks", "router-to-router links are" + NOT_SUPPORTED,
                "stats", "realm statistics are" + NOT_SUPPORTED));
        r.checkId();
        String name = r.requireString("name");
        if (name != null && !REALM_NAME.matcher(name).matches() && !ETHEREUM_ADDRESS.matcher(name).matches()) {
            r.errorAt("name", "invalid realm name '" + name + "' (must match " + REALM_NAME.pattern() + ")");
        }
        String uriCheck = "loose";
        boolean enableMetaApi = true;
        Cursor o = r.get("options");
        if (!o.isMissing() && o.expectObject()) {
            o.checkKeys(List.of("uri_check", "enable_meta_api", "bridge_meta_api", "event_dispatching_chunk_size"));
            uriCheck = o.oneOf("uri_check", "loose", List.of("loose", "strict"));
            enableMetaApi = o.bool("enable_meta_api", true);
            if (o.bool("bridge_meta_api", false)) {
                o.errorAt("bridge_meta_api", "'bridge_meta_api' needs router-to-router links, which are"
                        + NOT_SUPPORTED);
            }
            o.integer("event_dispatching_chunk_size", 100, 1, Integer.MAX_VALUE);
        }
        List<RoleConfig> roles = new ArrayList<>();
        Cursor roleList = r.get("roles");
        if (!roleList.isMissing() && roleList.expectArray()) {
            Map<String, String> seen = new HashMap<>();
            for (Cursor item : roleList.elements()) {
                RoleConfig role = role(item);
                if (role == null) {
                    continue;
                }
                String earlier = seen.putIfAbsent(role.name(), item.path());
                if (earlier != null) {
                    item.errorAt("name", "role '" + role.name() + "' is already defined at " + earlier);
                } else {
                    roles.add(role);
                }
            }
        }
        return name == null ? null : new RealmConfig(r.path(), name, roles, uriCheck, enableMetaApi);
    }

    private RoleConfig role(Cursor r) {
        if (!r.expectObject()) {
            return null;
        }
        r.checkKeys(List.of("id", "name", "permissions", "authorizer"));
        String name = r.requireString("name");
        r.checkId();
        if (r.has("authorizer")) {
            if (r.has("permissions")) {
                r.error("cannot have both 'authorizer' and 'permissions'");
            }
            r.errorAt("authorizer", "dynamic authorizers are" + NOT_SUPPORTED + " (use 'permissions')");
        }
        List<PermissionConfig> permissions = new ArrayList<>();
        Cursor list = r.get("permissions");
        if (!list.isMissing() && list.expectArray()) {
            for (Cursor item : list.elements()) {
                PermissionConfig permission = permission(item);
                if (permission != null) {
                    permissions.add(permission);
                }
            }
        }
        return name == null ? null : new RoleConfig(r.path(), name, permissions);
    }

    private PermissionConfig permission(Cursor p) {
        if (!p.expectObject()) {
            return null;
        }
        p.checkKeys(List.of("uri", "match", "allow", "disclose", "cache"),
                Map.of("validate", "payload validation is" + NOT_SUPPORTED));
        String uri = p.requireString("uri");
        if (uri != null && !PERMISSION_URI.matcher(uri.replace("*", "")).matches()) {
            p.errorAt("uri", "invalid URI '" + uri + "' (no whitespace or '#'; components separated by '.')");
        }
        String match = p.has("match") ? p.oneOf("match", "exact", List.of("exact", "prefix", "wildcard")) : null;
        if (uri != null && match == null) {
            int stars = (int) uri.chars().filter(ch -> ch == '*').count();
            if (stars == 0) {
                match = "exact";
            } else if (stars == 1 && uri.endsWith("*")) {
                match = "prefix";
            } else {
                match = "wildcard";
            }
            uri = uri.replace("*", "");
        }
        boolean[] allow = flags(p.get("allow"), List.of("call", "register", "publish", "subscribe"));
        boolean[] disclose = flags(p.get("disclose"), List.of("caller", "publisher"));
        boolean cache = p.bool("cache", false);
        return uri == null ? null : new PermissionConfig(p.path(), uri, match, allow[0], allow[1], allow[2], allow[3],
                disclose[0], disclose[1], cache);
    }

    private static boolean[] flags(Cursor c, List<String> names) {
        boolean[] values = new boolean[names.size()];
        if (c.isMissing() || !c.expectObject()) {
            return values;
        }
        c.checkKeys(names);
        for (int i = 0; i < names.size(); i++) {
            values[i] = c.bool(names.get(i), false);
        }
        return values;
    }
}
