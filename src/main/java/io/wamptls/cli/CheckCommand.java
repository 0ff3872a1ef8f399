package io.wamptls.cli;

import io.wamptls.config.ConfigException;
import io.wamptls.config.ConfigLoader;
import io.wamptls.config.NodeConfig;
import io.wamptls.node.Node;
import io.wamptls.node.NodeFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "check", description = "Check the node directory's configuration and every file it names; "
        + "opens no port.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    NodeDirectoryOption directory;

    @Mixin
    TlsProviderOption tlsProvider;

    @Override
    public Integer call() {
        try {
            tlsProvider.apply();
            NodeConfig config = ConfigLoader.load(directory.resolve());
            // builds TLS contexts and handlers exactly as start does, opens nothing
            Node node = NodeFactory.create(config);
            System.out.println("Ok, node configuration " + config.source() + " looks good:");
            config.transports().forEach(t -> System.out.println("  " + ConfigReport.summary(t, node.tlsProvider(t))));
            return Main.OK;
        } catch (ConfigException e) {
            ConfigReport.printErrors(e);
            return Main.INVALID;
        }
    }
}
