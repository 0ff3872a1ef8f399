package io.wamptls.cli;

import io.wamptls.node.EmbeddedDefault;
import io.wamptls.tls.DevCertificates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "init", description = "Write a working node directory: config.json, a demo web folder and "
        + "development CA, server and client certificates.")
final class InitCommand implements Callable<Integer> {

    @Mixin
    NodeDirectoryOption directory;

    @Override
    public Integer call() throws IOException {
        Path nodeDir = directory.resolve();
        if (EmbeddedDefault.hasConfig(nodeDir)) {
            System.err.println("Error: " + nodeDir + " already holds a configuration; not overwriting it");
            return Main.INVALID;
        }
        Files.createDirectories(nodeDir.resolve("web"));
        for (String file : new String[] {"index.html", "autobahn.min.js"}) { // the demo page and its WAMP client
            try (InputStream in = InitCommand.class.getResourceAsStream("/io/wamptls/demo/" + file)) {
                Files.write(nodeDir.resolve("web/" + file), in.readAllBytes());
            }
        }
        String config = EmbeddedDefault.template(EmbeddedDefault.DEFAULT_PORT, "web");
        Files.writeString(nodeDir.resolve("config.json"), config + "\n", StandardCharsets.UTF_8);
        DevCertificates.ensure(nodeDir);
        System.out.println("Node directory written: " + nodeDir);
        System.out.println("  config:  " + nodeDir.resolve("config.json"));
        System.out.println("  CA:      " + nodeDir.resolve("ca.crt") + " (trust it in browsers and clients)");
        System.out.println("  client:  " + nodeDir.resolve("client.crt") + ", " + nodeDir.resolve("client.key"));
        System.out.println("Start it with: java -jar wamp-tls.jar start --cbdir " + nodeDir);
        return Main.OK;
    }
}
