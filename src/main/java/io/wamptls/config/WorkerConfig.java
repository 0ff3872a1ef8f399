package io.wamptls.config;

import java.util.List;

/** A worker of type {@code router}: the only worker type this node runs. */
public record WorkerConfig(String jsonPath, String id, List<RealmConfig> realms, List<TransportConfig> transports) {
    public WorkerConfig {
        realms = List.copyOf(realms);
        transports = List.copyOf(transports);
    }
}
