package io.wamptls.node;

import io.wamptls.config.ConfigError;
import io.wamptls.config.ConfigException;
import io.wamptls.config.ConfigLoader;
import io.wamptls.config.NodeConfig;
import io.wamptls.tls.DevCertificates;
import io.wamptls.tls.TlsProviders;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The entry point of the Jetty distribution module: {@code etc/wamp-tls.xml} calls {@link #install} with the
 * distribution's {@link Server} and the module's properties. An unusable node configuration fails the
 * distribution's start with our error list, every error with its JSON path.
 */
public final class DistributionEntry {
    private static final Logger LOG = LoggerFactory.getLogger(DistributionEntry.class);
    private static final List<String> PROVIDERS = List.of("auto", "conscrypt", "jdk");

    private DistributionEntry() {
    }

    /** As {@link #install(Server, String, String, boolean)}, choosing the TLS provider automatically. */
    public static Node install(Server server, String cbdir) {
        return install(server, cbdir, "auto", false);
    }

    /**
     * @param cbdir           the node directory, absolute (the XML resolves it against {@code jetty.base})
     * @param tlsProvider     {@code auto}, {@code conscrypt} or {@code jdk}
     * @param devCertificates write development certificates into the node directory where missing, before loading
     */
    public static Node install(Server server, String cbdir, String tlsProvider, boolean devCertificates) {
        Path nodeDir = Path.of(cbdir).toAbsolutePath().normalize();
        useProvider(tlsProvider);
        try {
            if (devCertificates) {
                DevCertificates.ensure(nodeDir);
            }
            NodeConfig config = ConfigLoader.load(nodeDir);
            Node node = NodeFactory.install(server, config);
            // Bound now rather than by Server.start(), which reports a clash without saying whose port it is.
            node.openConnectors();
            LOG.info("wamp-tls node {} installed: transports {}", nodeDir,
                    node.transports().stream().map(t -> t.id()).toList());
            return node;
        } catch (ConfigException e) {
            throw failure("wamp-tls: invalid node configuration in " + nodeDir + ":\n"
                    + e.errors().stream().map(ConfigError::toString).map(line -> "  " + line)
                    .collect(Collectors.joining("\n")), e);
        } catch (NodeStartException e) {
            throw failure("wamp-tls: " + e.getMessage(), e);
        } catch (IOException e) {
            throw failure("wamp-tls: cannot write development certificates into " + nodeDir + ": "
                    + e.getMessage(), e);
        }
    }

    private static void useProvider(String choice) {
        String provider = choice == null || choice.isBlank() ? "auto" : choice.strip().toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw failure("wamp-tls: property wamp-tls.tls.provider must be one of " + PROVIDERS + ", not '"
                    + choice + "'", null);
        }
        if (!provider.equals("auto")) {
            System.setProperty(TlsProviders.OVERRIDE_PROPERTY, provider);
        }
    }

    /**
     * Logged as well as thrown: Jetty reports a failed XML call as a stack trace, where a message is easy to miss.
     * One log line per error, since Jetty's log joins a message's lines with '|'.
     */
    private static StartFailure failure(String message, Throwable cause) {
        message.lines().forEach(LOG::error);
        return new StartFailure(message, cause);
    }

    /** Why the distribution cannot start the node; its message is what the operator needs to read. */
    public static final class StartFailure extends RuntimeException {
        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
