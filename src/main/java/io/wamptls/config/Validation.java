package io.wamptls.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** State shared by one validation run: the node directory, the environment, automatic ids and the errors. */
final class Validation {

    private final Path nodeDir;
    private final Function<String, String> env;
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<RoleUse> roleUses = new ArrayList<>();
    private int transportCount;
    private int workerCount;

    Validation(Path nodeDir, Function<String, String> env) {
        this.nodeDir = nodeDir;
        this.env = env;
    }

    Path nodeDir() {
        return nodeDir;
    }

    /** The value of an environment variable, or null when unset. */
    String env(String name) {
        return env.apply(name);
    }

    /** A file name from the configuration, resolved against the node directory; null if it is no valid name. */
    Path resolve(String name) {
        try {
            return nodeDir.resolve(name).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    void error(String path, String message) {
        errors.add(new ConfigError(path, message));
    }

    List<ConfigError> errors() {
        return List.copyOf(errors);
    }

    /** A role named by an {@code auth} block; checked against the worker's realms once the worker is read. */
    record RoleUse(String path, String role) {
    }

    void useRole(String path, String role) {
        roleUses.add(new RoleUse(path, role));
    }

    List<RoleUse> takeRoleUses() {
        List<RoleUse> taken = List.copyOf(roleUses);
        roleUses.clear();
        return taken;
    }

    String nextTransportId() {
        return String.format("transport%03d", ++transportCount);
    }

    String nextWorkerId() {
        return String.format("worker%03d", ++workerCount);
    }
}
