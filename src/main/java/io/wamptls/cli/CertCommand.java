package io.wamptls.cli;

import io.wamptls.config.ConfigException;
import io.wamptls.tls.CertificateTool;
import io.wamptls.tls.CertificateTool.Issued;
import io.wamptls.tls.CertificateTool.KeyType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cert}: the seed's three certificate options. Keys are written unencrypted (PKCS#8, mode 600), as the
 * seed's {@code key} must be; existing files are never overwritten.
 */
@Command(name = "cert", description = "Create TLS keys and certificates: a self-signed server certificate, or an "
        + "own CA (root and intermediate) that issues server and client certificates.",
        subcommands = {CertCommand.SelfSigned.class, CertCommand.Ca.class, CertCommand.Server.class,
                CertCommand.Client.class})
final class CertCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: self-signed, ca, server or client");
    }

    /** Options every subcommand has. */
    static final class Common {
        @Option(names = "--dir", paramLabel = "DIR", description = "where to write the files (default: .)")
        Path dir = Path.of(".");

        @Option(names = "--key-type", paramLabel = "rsa|ec",
                description = "RSA-2048 or EC P-256 (default: ${DEFAULT-VALUE})")
        String keyType = "rsa";

        @Option(names = "--days", description = "validity in days (default: ${DEFAULT-VALUE})")
        int days = 825;

        KeyType keyType() {
            return switch (keyType.toLowerCase()) {
                case "rsa" -> KeyType.RSA_2048;
                case "ec", "ecdsa" -> KeyType.EC_P256;
                default -> throw new IllegalArgumentException("--key-type must be rsa or ec, not " + keyType);
            };
        }

        Duration validity() {
            return Duration.ofDays(days);
        }

        Path file(String name) throws IOException {
            Files.createDirectories(dir);
            Path file = dir.resolve(name).toAbsolutePath().normalize();
            if (Files.exists(file)) {
                throw new IOException(file + " exists; not overwriting it");
            }
            return file;
        }
    }

    /** Options of the commands that issue from an own CA made with {@code cert ca}. */
    static final class Issuer {
        @Option(names = "--ca-dir", paramLabel = "DIR",
                description = "directory of 'cert ca' (intermediate.key, intermediate.crt; default: --dir)")
        Path caDir;

        Issued intermediate(Common common) throws ConfigException {
            Path from = caDir != null ? caDir : common.dir;
            return Issued.read(from.resolve("intermediate.key"), from.resolve("intermediate.crt"));
        }
    }

    abstract static class Step implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Common common;

        @Override
        public Integer call() {
            try {
                execute();
                return Main.OK;
            } catch (IOException | ConfigException | IllegalArgumentException e) {
                System.err.println("Error: " + e.getMessage());
                return Main.INVALID;
            }
        }

        abstract void execute() throws IOException, ConfigException;

        /** Writes a key and certificate (plus intermediates) and says what was written. */
        static void write(Issued issued, Path key, Path certificate, List<X509Certificate> intermediates)
                throws IOException {
            issued.write(key, certificate, intermediates);
            System.out.println("Wrote " + key + " (private key, unencrypted, mode 600)");
            System.out.println("Wrote " + certificate + (intermediates.isEmpty() ? ""
                    : " (certificate, then " + intermediates.size() + " intermediate)"));
            System.out.println("  subject " + issued.certificate().getSubjectX500Principal()
                    + ", issuer " + issued.certificate().getIssuerX500Principal()
                    + ", valid until " + issued.certificate().getNotAfter().toInstant());
            System.out.println("  SHA-1 fingerprint " + issued.sha1Fingerprint());
        }
    }

    @Command(name = "self-signed", description = "Option 1: a self-signed server certificate.")
    static final class SelfSigned extends Step {
        @Option(names = "--name", description = "file name stem: NAME.key, NAME.crt (default: ${DEFAULT-VALUE})")
        String name = "server";

        @Option(names = "--host", paramLabel = "NAME|IP", split = ",",
                description = "DNS names and IP addresses for the SANs; the first is the CN (default: localhost)")
        List<String> hosts = new ArrayList<>(List.of("localhost"));

        @Override
        void execute() throws IOException {
            Path key = common.file(name + ".key");
            Path certificate = common.file(name + ".crt");
            write(CertificateTool.selfSignedServer(hosts.get(0), hosts, common.keyType(), common.validity()), key,
                    certificate, List.of());
            System.out.println("Use: \"tls\": {\"key\": \"" + key.getFileName() + "\", \"certificate\": \""
                    + certificate.getFileName() + "\"}");
        }
    }

    @Command(name = "ca", description = "Option 3: an own CA: root (ca.key, ca.crt) and intermediate "
            + "(intermediate.key, intermediate.crt) that issues server and client certificates.")
    static final class Ca extends Step {
        @Option(names = "--cn", description = "the root's common name (default: ${DEFAULT-VALUE})")
        String commonName = "wamp-tls CA";

        @Override
        void execute() throws IOException {
            Path rootKey = common.file("ca.key");
            Path rootCertificate = common.file("ca.crt");
            Path intermediateKey = common.file("intermediate.key");
            Path intermediateCertificate = common.file("intermediate.crt");
            Duration rootValidity = common.validity().multipliedBy(4);
            Issued root = CertificateTool.certificateAuthority(commonName, common.keyType(), rootValidity);
            Issued intermediate = CertificateTool.intermediateAuthority(root, commonName + " Intermediate",
                    common.keyType(), common.validity().multipliedBy(2));
            write(root, rootKey, rootCertificate, List.of());
            write(intermediate, intermediateKey, intermediateCertificate, List.of());
            System.out.println("Client certificates from this CA: \"ca_certificates\": [\"ca.crt\", "
                    + "\"intermediate.crt\"]");
        }
    }

    @Command(name = "server", description = "Option 3: a server certificate from the own CA, with SANs for DNS "
            + "names and IP addresses; NAME.crt holds the certificate, then the intermediate.")
    static final class Server extends Step {
        @picocli.CommandLine.Mixin
        Issuer issuer;

        @Option(names = "--name", description = "file name stem: NAME.key, NAME.crt (default: ${DEFAULT-VALUE})")
        String name = "server";

        @Option(names = "--host", paramLabel = "NAME|IP", split = ",",
                description = "DNS names and IP addresses for the SANs; the first is the CN (default: localhost)")
        List<String> hosts = new ArrayList<>(List.of("localhost"));

        @Override
        void execute() throws IOException, ConfigException {
            Issued intermediate = issuer.intermediate(common);
            Path key = common.file(name + ".key");
            Path certificate = common.file(name + ".crt");
            write(CertificateTool.server(intermediate, hosts.get(0), hosts, common.keyType(), common.validity()),
                    key, certificate, List.of(intermediate.certificate()));
        }
    }

    @Command(name = "client", description = "Option 3: a client certificate from the own CA; its SHA-1 "
            + "fingerprint is what a 'tls' principal's certificate-sha1 needs.")
    static final class Client extends Step {
        @picocli.CommandLine.Mixin
        Issuer issuer;

        @Option(names = "--name", description = "file name stem: NAME.key, NAME.crt (default: ${DEFAULT-VALUE})")
        String name = "client";

        @Option(names = "--cn", description = "the common name (default: the --name)")
        String commonName;

        @Override
        void execute() throws IOException, ConfigException {
            Issued intermediate = issuer.intermediate(common);
            Path key = common.file(name + ".key");
            Path certificate = common.file(name + ".crt");
            write(CertificateTool.client(intermediate, commonName != null ? commonName : name, common.keyType(),
                    common.validity()), key, certificate, List.of());
        }
    }
}
