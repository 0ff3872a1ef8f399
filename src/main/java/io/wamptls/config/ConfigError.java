package io.wamptls.config;

/**
 * One problem in a node configuration: where it is (a JSON path such as
 * {@code workers[0].transports[1].endpoint.tls}) and what is wrong there.
 */
public record ConfigError(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
