package io.wamptls.cli;

import org.eclipse.jetty.util.Jetty;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "version", description = "Print the version.")
final class VersionCommand implements Callable<Integer>, CommandLine.IVersionProvider {

    static String version() {
        String version = VersionCommand.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }

    @Override
    public Integer call() {
        for (String line : getVersion()) {
            System.out.println(line);
        }
        return Main.OK;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"wamp-tls " + version(), "Jetty " + Jetty.VERSION,
                "Java " + System.getProperty("java.version")};
    }
}
