package io.wamptls.war;

import io.wamptls.config.ConfigException;
import io.wamptls.config.ConfigLoader;
import io.wamptls.config.NodeConfig;
import io.wamptls.config.PathConfig;
import io.wamptls.config.TransportConfig;
import io.wamptls.config.WampEndpointConfig;
import io.wamptls.config.WebSocketTransportConfig;
import io.wamptls.config.WebTransportConfig;
import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * Where the WAR's configuration comes from: a Crossbar node configuration file named by the context init-parameter
 * or system property {@value #PARAMETER}, else the bundled one (realm {@code realm1} open to anonymous clients).
 * The WAR uses its realms and the WAMP settings ({@code auth}, serializers, options) of its first {@code websocket}
 * path or transport; endpoints, ports and TLS belong to the host and are ignored.
 */
final class WarConfig {
    static final String PARAMETER = "wamptls.config";
    private static final String BUNDLED = "/io/wamptls/war/default-config.json";

    private WarConfig() {
    }

    static NodeConfig load(ServletContext context) throws ConfigException {
        String named = context.getInitParameter(PARAMETER);
        if (named == null || named.isBlank()) {
            named = System.getProperty(PARAMETER);
        }
        if (named == null || named.isBlank()) {
            return bundled();
        }
        Path file = Path.of(named.strip()).toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("", PARAMETER + ": cannot read " + file + ": " + e);
        }
        String name = file.getFileName().toString();
        ConfigLoader.Format format = name.endsWith(".yaml") || name.endsWith(".yml")
                ? ConfigLoader.Format.YAML : ConfigLoader.Format.JSON;
        return ConfigLoader.parse(file.getParent(), text, format, file);
    }

    private static NodeConfig bundled() throws ConfigException {
        try (InputStream in = WarConfig.class.getResourceAsStream(BUNDLED)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ConfigLoader.parse(Path.of("").toAbsolutePath(), text, ConfigLoader.Format.JSON, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled configuration " + BUNDLED, e);
        }
    }

    /** The WAMP settings of the first {@code websocket} path or transport, in file order. */
    static WampEndpointConfig wampEndpoint(NodeConfig config) throws ConfigException {
        for (TransportConfig transport : config.transports()) {
            Optional<WampEndpointConfig> found = transport instanceof WebSocketTransportConfig ws
                    ? Optional.of(ws.wamp())
                    : transport instanceof WebTransportConfig web ? firstWebSocket(web.paths().values())
                    : Optional.empty();
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ConfigException("workers", "the WAR needs a 'websocket' path or transport for its WAMP settings");
    }

    private static Optional<WampEndpointConfig> firstWebSocket(Collection<PathConfig> paths) {
        for (PathConfig path : paths) {
            if (path instanceof PathConfig.WebSocket ws) {
                return Optional.of(ws.wamp());
            }
            if (path instanceof PathConfig.Nested nested) {
                Optional<WampEndpointConfig> inner = firstWebSocket(nested.paths().values());
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }
}
