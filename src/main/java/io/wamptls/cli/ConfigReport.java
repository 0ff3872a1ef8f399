package io.wamptls.cli;

import io.wamptls.config.ConfigError;
import io.wamptls.config.ConfigException;
import io.wamptls.config.PathConfig;
import io.wamptls.config.TransportConfig;
import io.wamptls.config.WebTransportConfig;
import io.wamptls.tls.TlsProviders;

import java.util.Map;
import java.util.stream.Collectors;

/** How the CLI prints configurations: errors with their JSON paths, one summary line per transport. */
final class ConfigReport {

    private ConfigReport() {
    }

    static void printErrors(ConfigException e) {
        System.err.println("Invalid node configuration (" + e.errors().size() + " error"
                + (e.errors().size() == 1 ? "" : "s") + "):");
        for (ConfigError error : e.errors()) {
            System.err.println("  " + error);
        }
    }

    /** @param tlsProvider the provider a TLS transport uses, null for a plain one */
    static String summary(TransportConfig transport, TlsProviders.Choice tlsProvider) {
        var endpoint = transport.endpoint();
        StringBuilder line = new StringBuilder()
                .append(transport.id()).append(" (").append(transport.type()).append(") ")
                .append(urls(transport, endpoint.port()));
        if (endpoint.isTls()) {
            line.append(" - TLS via ").append(tlsProvider);
            if (endpoint.tls().requiresClientCertificate()) {
                line.append(", client certificates required");
            }
        }
        return line.toString();
    }

    /** The URLs a transport serves, e.g. {@code https://localhost:8443/ (static), wss://localhost:8443/ws}. */
    static String urls(TransportConfig transport, int port) {
        boolean tls = transport.endpoint().isTls();
        String host = "localhost:" + port;
        if (transport instanceof WebTransportConfig web) {
            return describe(web.paths(), "", (tls ? "https://" : "http://") + host, (tls ? "wss://" : "ws://") + host);
        }
        return (tls ? "wss://" : "ws://") + host + "/ (WAMP)";
    }

    private static String describe(Map<String, PathConfig> paths, String prefix, String http, String ws) {
        return paths.entrySet().stream().map(entry -> {
            String path = entry.getKey().equals("/") ? prefix + "/" : prefix + "/" + entry.getKey();
            PathConfig service = entry.getValue();
            if (service instanceof PathConfig.Nested nested) {
                return describe(nested.paths(), path, http, ws);
            }
            if (service instanceof PathConfig.WebSocket) {
                return ws + path + " (WAMP)";
            }
            return http + path + " (" + kind(service) + ")";
        }).collect(Collectors.joining(", "));
    }

    private static String kind(PathConfig service) {
        return service.getClass().getSimpleName().toLowerCase();
    }
}
