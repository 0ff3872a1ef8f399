package io.wamptls.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The node level: top-level keys, controller, workers, router workers with their realms, roles and permissions. */
final class NodeValidator {

    static final Pattern ID = Pattern.compile("^[a-z][a-z0-9_]{2,63}$");
    private static final Pattern REALM_NAME = Pattern.compile("^[A-Za-z][A-Za-z\\d_\\-@.]{2,254}$");
    private static final Pattern ETHEREUM_ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
    private static final Pattern PERMISSION_URI = Pattern.compile("^(([^\\s.#]+\\.)|\\.)*([^\\s.#]+)?$",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final int CURRENT_VERSION = 2;
    private static final Set<String> BUILTIN_ROLES = Set.of("trusted");

    private static final String NOT_SUPPORTED = " not supported by this node";
    private static final List<String> WORKER_TYPES_UNSUPPORTED = List.of("container", "guest", "proxy",
            "websocket-testee", "xbrmm", "hub", "marketmaker");

    private final Validation validation;
    private final TransportValidator transports;

    NodeValidator(Validation validation) {
        this.validation = validation;
        this.transports = new TransportValidator();
    }

    NodeConfig node(Cursor root, Path source) {
        if (!root.expectObject()) {
            return null;
        }
        root.checkKeys(List.of("$schema", "version", "controller", "workers"));
        root.string("$schema", null);
        version(root);
        ControllerConfig controller = root.has("controller") ? controller(root.get("controller"))
                : ControllerConfig.DEFAULT;
        List<WorkerConfig> workers = new ArrayList<>();
        Cursor workerList = root.get("workers");
        if (!workerList.isMissing() && workerList.expectArray()) {
            for (Cursor item : workerList.elements()) {
                WorkerConfig worker = worker(item);
                if (worker != null) {
                    workers.add(worker);
                }
            }
        }
        checkUniqueIds(workers);
        checkPortConflicts(workers);
        return new NodeConfig(validation.nodeDir(), source, controller, workers);
    }

    private void version(Cursor root) {
        if (!root.has("version")) {
            root.error("configuration too old: version 1, current is " + CURRENT_VERSION
                    + " (upgrade it with 'crossbar upgrade')");
            return;
        }
        Long version = root.get("version").asInteger(null, Long.MIN_VALUE, Long.MAX_VALUE);
        if (version == null || version == CURRENT_VERSION) {
            return;
        }
        if (version == 1) {
            root.errorAt("version", "configuration too old: version 1, current is " + CURRENT_VERSION);
        } else {
            root.errorAt("version", "invalid value " + version + " (must be " + CURRENT_VERSION + ")");
        }
    }

    private ControllerConfig controller(Cursor c) {
        if (!c.expectObject()) {
            return ControllerConfig.DEFAULT;
        }
        c.checkKeys(List.of("id", "options", "connections"), Map.of(
                "manhole", "manhole (remote Python shell) is" + NOT_SUPPORTED,
                "keyring", "keyring is" + NOT_SUPPORTED));
        String id = c.string("id", null);
        notSupportedIfNonEmpty(c, "connections", "controller connections are");
        String title = null;
        Cursor options = c.get("options");
        if (!options.isMissing() && options.expectObject()) {
            options.checkKeys(List.of("title", "shutdown", "enable_parallel_worker_start"));
            title = options.string("title", null);
            options.stringList("shutdown");
            options.bool("enable_parallel_worker_start", false);
        }
        return new ControllerConfig(id, title);
    }

    private WorkerConfig worker(Cursor w) {
        if (!w.expectObject()) {
            return null;
        }
        String type = w.requireString("type");
        if (type == null) {
            return null;
        }
        if (WORKER_TYPES_UNSUPPORTED.contains(type)) {
            w.errorAt("type", "worker type '" + type + "' is" + NOT_SUPPORTED + " (only 'router' workers run here)");
            return null;
        }
        if (!type.equals("router")) {
            w.errorAt("type", "unknown worker type '" + type + "' (valid: router)"
                    + Suggestions.didYouMean(type, List.of("router")));
            return null;
        }
        return router(w);
    }

    private WorkerConfig router(Cursor w) {
        w.checkKeys(List.of("id", "type", "options", "realms", "transports", "components", "connections"),
                Map.of("manhole", "manhole (remote Python shell) is" + NOT_SUPPORTED));
        String id = id(w, validation::nextWorkerId);
        boolean disabled = routerOptions(w.get("options"));
        notSupportedIfNonEmpty(w, "components", "router components are");
        notSupportedIfNonEmpty(w, "connections", "router connections are");

        List<RealmConfig> realms = new ArrayList<>();
        Cursor realmList = w.get("realms");
        if (!realmList.isMissing() && realmList.expectArray()) {
            Map<String, String> seen = new HashMap<>();
            for (Cursor item : realmList.elements()) {
                RealmConfig realm = realm(item);
                if (realm == null) {
                    continue;
                }
                String earlier = seen.putIfAbsent(realm.name(), item.path());
                if (earlier != null) {
                    item.errorAt("name", "realm '" + realm.name() + "' is already defined at " + earlier);
                } else {
                    realms.add(realm);
                }
            }
        }
        List<TransportConfig> transportList = new ArrayList<>();
        Cursor list = w.get("transports");
        if (!list.isMissing() && list.expectArray()) {
            for (Cursor item : list.elements()) {
                TransportConfig transport = transports.transport(item);
                if (transport != null) {
                    transportList.add(transport);
                }
            }
        }
        checkRoleUses(realms);
        return disabled ? null : new WorkerConfig(w.path(), id, realms, transportList);
    }

    /** Returns the {@code disabled} flag. */
    private boolean routerOptions(Cursor o) {
        if (o.isMissing() || !o.expectObject()) {
            return false;
        }
        o.checkKeys(List.of("title", "extra", "disabled", "python", "pythonpath", "expose_controller",
                "expose_shared"), Map.of(
                "cpu_affinity", "'cpu_affinity' is" + NOT_SUPPORTED + " (one JVM runs all transports)",
                "env", "'env' (worker process environment) is" + NOT_SUPPORTED + " (one JVM runs all transports)"));
        o.string("title", null);
        o.string("python", null);
        o.stringList("pythonpath");
        for (String key : List.of("expose_controller", "expose_shared")) {
            if (o.bool(key, false)) {
                o.errorAt(key, "'" + key + "' is" + NOT_SUPPORTED);
            }
        }
        return o.bool("disabled", false);
    }

    private RealmConfig realm(Cursor r) {
        if (!r.expectObject()) {
            return null;
        }
        r.checkKeys(List.of("id", "name", "roles", "options"), Map.of(
                "store", "realm event store is" + NOT_SUPPORTED,
                "rlinks", "router-to-router links are" + NOT_SUPPORTED,
                "stats", "realm statistics are" + NOT_SUPPORTED));
        if (r.has("id")) {
            id(r, () -> null);
        }
        String name = r.requireString("name");
        if (name != null && !REALM_NAME.matcher(name).matches() && !ETHEREUM_ADDRESS.matcher(name).matches()) {
            r.errorAt("name", "invalid realm name '" + name + "' (must match " + REALM_NAME.pattern() + ")");
        }
        String uriCheck = "loose";
        boolean enableMetaApi = true;
        Cursor o = r.get("options");
        if (!o.isMissing() && o.expectObject()) {
            o.checkKeys(List.of("uri_check", "enable_meta_api", "bridge_meta_api", "event_dispatching_chunk_size"));
            uriCheck = oneOf(o, "uri_check", "loose", List.of("loose", "strict"));
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
        if (r.has("id")) {
            id(r, () -> null);
        }
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
        String match = p.has("match") ? oneOf(p, "match", "exact", List.of("exact", "prefix", "wildcard")) : null;
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

    private void checkRoleUses(List<RealmConfig> realms) {
        Set<String> defined = new LinkedHashSet<>();
        realms.forEach(realm -> realm.roles().forEach(role -> defined.add(role.name())));
        for (Validation.RoleUse use : validation.takeRoleUses()) {
            if (!defined.contains(use.role()) && !BUILTIN_ROLES.contains(use.role())) {
                validation.error(use.path(), "role '" + use.role() + "' is not defined in any realm of this worker"
                        + (defined.isEmpty() ? "" : " (defined: " + String.join(", ", defined) + ")")
                        + Suggestions.didYouMean(use.role(), defined));
            }
        }
    }

    private void checkUniqueIds(List<WorkerConfig> workers) {
        Map<String, String> workerIds = new HashMap<>();
        Map<String, String> transportIds = new HashMap<>();
        for (WorkerConfig worker : workers) {
            String earlier = workerIds.putIfAbsent(worker.id(), worker.jsonPath());
            if (earlier != null) {
                validation.error(worker.jsonPath() + ".id", "id '" + worker.id() + "' is already used by " + earlier);
            }
            for (TransportConfig transport : worker.transports()) {
                earlier = transportIds.putIfAbsent(transport.id(), transport.jsonPath());
                if (earlier != null) {
                    validation.error(transport.jsonPath() + ".id",
                            "id '" + transport.id() + "' is already used by " + earlier);
                }
            }
        }
    }

    private void checkPortConflicts(List<WorkerConfig> workers) {
        List<TransportConfig> seen = new ArrayList<>();
        for (WorkerConfig worker : workers) {
            for (TransportConfig transport : worker.transports()) {
                EndpointConfig endpoint = transport.endpoint();
                for (TransportConfig other : seen) {
                    if (conflict(endpoint, other.endpoint())) {
                        validation.error(endpoint.jsonPath() + ".port", "port " + endpoint.port()
                                + describeInterface(endpoint.iface()) + " is already used by " + other.jsonPath());
                        break;
                    }
                }
                seen.add(transport);
            }
        }
    }

    private static boolean conflict(EndpointConfig a, EndpointConfig b) {
        if (a.port() != b.port() || (a.shared() && b.shared())) {
            return false;
        }
        return a.iface().equals(b.iface()) || isWildcard(a.iface()) || isWildcard(b.iface());
    }

    private static boolean isWildcard(String iface) {
        return iface.isEmpty() || iface.equals("0.0.0.0") || iface.equals("::");
    }

    private static String describeInterface(String iface) {
        return iface.isEmpty() ? " (all interfaces)" : " on interface " + iface;
    }

    /** The item's {@code id}, checked against Crossbar's id pattern, or an automatic one. */
    static String id(Cursor item, java.util.function.Supplier<String> automatic) {
        String id = item.string("id", null);
        if (id == null) {
            return automatic.get();
        }
        if (!ID.matcher(id).matches()) {
            item.errorAt("id", "invalid id '" + id + "' (must match " + ID.pattern() + ")");
        }
        return id;
    }

    /** A string option restricted to {@code allowed}; absent gives {@code fallback}. */
    static String oneOf(Cursor c, String key, String fallback, List<String> allowed) {
        String value = c.string(key, null);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            c.errorAt(key, "invalid value '" + value + "' (valid: " + String.join(", ", allowed) + ")"
                    + Suggestions.didYouMean(value, allowed));
            return fallback;
        }
        return value;
    }

    /** Crossbar accepts a list here; this node only an empty one. */
    private static void notSupportedIfNonEmpty(Cursor c, String key, String what) {
        Cursor list = c.get(key);
        if (list.isMissing() || !list.expectArray()) {
            return;
        }
        if (list.node().size() > 0) {
            list.error(what + NOT_SUPPORTED);
        }
    }
}
