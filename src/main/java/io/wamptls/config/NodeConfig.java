package io.wamptls.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole Crossbar node configuration, validated.
 *
 * @param nodeDir    the node directory (absolute); relative paths in the file were resolved against it
 * @param source     the file it was read from, or null for a configuration built in code
 */
public record NodeConfig(Path nodeDir, Path source, ControllerConfig controller, List<WorkerConfig> workers) {
    public NodeConfig {
        workers = List.copyOf(workers);
    }

    /** Every router worker's transports, in file order. */
    public List<TransportConfig> transports() {
        return workers.stream().flatMap(w -> w.transports().stream()).toList();
    }

    public List<RealmConfig> realms() {
        return workers.stream().flatMap(w -> w.realms().stream()).toList();
    }
}
