package io.wamptls.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar wamp-tls.jar COMMAND}: the node's command line, shaped like Crossbar's. */
@Command(name = "wamp-tls", mixinStandardHelpOptions = true, versionProvider = VersionCommand.class,
        description = "Secure WebSocket and HTTPS for WAMP on Jetty, configured like Crossbar.io.",
        subcommands = {StartCommand.class, CheckCommand.class, InitCommand.class, CiphersCommand.class,
                CertCommand.class, VersionCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : INVALID).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
