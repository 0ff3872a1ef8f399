package io.wamptls.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wamptls.config.ConfigException;
import io.wamptls.config.ConfigLoader;
import io.wamptls.config.NodeConfig;
import io.wamptls.tls.DevCertificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration a node runs when its directory has none: HTTPS on port 8443 serving the bundled demo page at
 * {@code /} and WAMP realm {@code realm1}, open to anonymous clients, at {@code /ws}. Its TLS certificates come from
 * a development CA generated into the node directory on the first start and reused afterwards.
 */
public final class EmbeddedDefault {
    public static final int DEFAULT_PORT = 8443;
    private static final String TEMPLATE = "/io/wamptls/node/default-config.json";
    private static final List<String> CONFIG_FILES = List.of("config.json", "config.yaml", "config.yml");

    private EmbeddedDefault() {
    }

    /** True when the node directory holds a configuration file of its own. */
    public static boolean hasConfig(Path nodeDir) {
        return CONFIG_FILES.stream().anyMatch(name -> Files.isRegularFile(nodeDir.resolve(name)));
    }

    /** The default configuration for this node directory, generating its certificates if needed. */
    public static NodeConfig config(Path nodeDir, int port) throws ConfigException {
        try {
            DevCertificates.ensure(nodeDir);
        } catch (IOException e) {
            throw new ConfigException("", "cannot write development certificates into " + nodeDir + ": "
                    + e.getMessage());
        }
        return ConfigLoader.parse(nodeDir, template(port), ConfigLoader.Format.JSON, null);
    }

    /** The default configuration's JSON text, with the given port. */
    public static String template(int port) {
        return template(port, null);
    }

    /**
     * The default configuration's JSON text, with the given port and, unless null, {@code /} served from
     * {@code staticDirectory} (relative to the node directory) instead of the bundled demo page.
     */
    public static String template(int port, String staticDirectory) {
        try (InputStream in = EmbeddedDefault.class.getResourceAsStream(TEMPLATE)) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = (ObjectNode) mapper.readTree(in);
            ObjectNode transport = (ObjectNode) root.at("/workers/0/transports/0");
            ((ObjectNode) transport.get("endpoint")).put("port", port);
            if (staticDirectory != null) {
                ObjectNode rootPath = ((ObjectNode) transport.get("paths")).putObject("/");
                rootPath.put("type", "static").put("directory", staticDirectory);
            }
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled default configuration", e);
        }
    }
}
