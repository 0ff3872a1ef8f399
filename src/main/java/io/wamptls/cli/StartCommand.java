package io.wamptls.cli;

import io.wamptls.config.ConfigException;
import io.wamptls.config.ConfigLoader;
import io.wamptls.config.NodeConfig;
import io.wamptls.node.EmbeddedDefault;
import io.wamptls.node.Node;
import io.wamptls.node.NodeFactory;
import io.wamptls.node.NodeStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "start", description = "Start the node: every transport of the node directory's configuration, "
        + "or the embedded default when it has none.")
final class StartCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(StartCommand.class);

    @Mixin
    NodeDirectoryOption directory;

    @Mixin
    TlsProviderOption tlsProvider;

    @Option(names = "--port", paramLabel = "PORT",
            description = "port of the embedded default (only when the node directory has no configuration; "
                    + "default: ${DEFAULT-VALUE})")
    int port = EmbeddedDefault.DEFAULT_PORT;

    @Override
    public Integer call() throws InterruptedException {
        tlsProvider.apply();
        Path nodeDir = directory.resolve();
        boolean embedded = !EmbeddedDefault.hasConfig(nodeDir);
        Node node;
        try {
            NodeConfig config;
            if (embedded) {
                LOG.info("No configuration in {}: starting the embedded default", nodeDir);
                config = EmbeddedDefault.config(nodeDir, port);
            } else {
                config = ConfigLoader.load(nodeDir);
            }
            node = NodeFactory.create(config);
        } catch (ConfigException e) {
            ConfigReport.printErrors(e);
            return Main.INVALID;
        }
        try {
            node.start();
        } catch (NodeStartException e) {
            System.err.println("Error: " + e.getMessage());
            return Main.INVALID;
        }
        for (var transport : node.transports()) {
            LOG.info("Transport {} listening: {}{}", transport.id(), ConfigReport.urls(transport, node.port(transport)),
                    node.tlsProvider(transport) == null ? "" : " - TLS via " + node.tlsProvider(transport));
        }
        if (embedded) {
            LOG.info("Development CA (trust it once to use the embedded default): {}", nodeDir.resolve("ca.crt"));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the node");
            node.stop();
            stopped.countDown();
        }, "wamp-tls-shutdown"));
        stopped.await();
        return Main.OK;
    }
}
