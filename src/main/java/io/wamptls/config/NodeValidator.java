package io.wamptls.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node level: top-level keys, controller, workers and router workers, plus the checks that span transports
 * (unique ids, port conflicts) and realms (roles named by {@code auth} blocks).
 */
final class NodeValidator {

    private static final int CURRENT_VERSION = 2;
    private static final Set<String> BUILTIN_ROLES = Set.of("trusted");

    private static final String NOT_SUPPORTED = " not supported by this node";
    private static final List<String> WORKER_TYPES_UNSUPPORTED = List.of("container", "guest", "proxy",
            "websocket-testee", "xbrmm");

    private final Validation validation;
    private final RealmValidator realmValidator = new RealmValidator();
    private final TransportValidator transports = new TransportValidator();

    NodeValidator(Validation validation) {
        this.validation = validation;
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
        String id = w.id(validation::nextWorkerId);
        boolean disabled = routerOptions(w.get("options"));
        notSupportedIfNonEmpty(w, "components", "router components are");
        notSupportedIfNonEmpty(w, "connections", "router connections are");

        List<RealmConfig> realms = new ArrayList<>();
        Cursor realmList = w.get("realms");
        if (!realmList.isMissing() && realmList.expectArray()) {
            Map<String, String> seen = new HashMap<>();
            for (Cursor item : realmList.elements()) {
                RealmConfig realm = realmValidator.realm(item);
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
                                + describeInterface(endpoint.iface()) + " is already used by " + other.jsonPath() + " ('"
                                + other.id() + "')");
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
