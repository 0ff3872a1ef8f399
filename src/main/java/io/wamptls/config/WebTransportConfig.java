package io.wamptls.config;

import java.util.Map;

/** A {@code web} transport: an HTTP(S) site whose {@code paths} map URL segments to services. */
public record WebTransportConfig(String jsonPath, String id, EndpointConfig endpoint, Map<String, PathConfig> paths,
                                 WebOptions options) implements TransportConfig {
    public WebTransportConfig {
        paths = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(paths));
    }

    @Override
    public String type() {
        return "web";
    }
}
