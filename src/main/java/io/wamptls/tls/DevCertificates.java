package io.wamptls.tls;

import io.wamptls.config.ConfigException;
import io.wamptls.tls.CertificateTool.Issued;
import io.wamptls.tls.CertificateTool.KeyType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Development certificates in a node directory: a CA ({@code ca.crt}, {@code ca.key}), a server certificate for
 * localhost, 127.0.0.1 and ::1 ({@code server.crt}, {@code server.key}) and a client certificate for
 * {@code CN=client_0} ({@code client.crt}, {@code client.key}), all signed by that CA. Files that exist are
 * reused; a new CA means new server and client certificates.
 *
 * @param caCertificate     {@code ca.crt}, what clients trust and what {@code ca_certificates} names
 * @param clientSha1        SHA-1 fingerprint of the client certificate, for a {@code certificate-sha1} principal
 */
public record DevCertificates(Path caCertificate, Path caKey, Path serverCertificate, Path serverKey,
                              Path clientCertificate, Path clientKey, String clientSha1) {

    public static final Duration CA_VALIDITY = Duration.ofDays(3650);
    public static final Duration LEAF_VALIDITY = Duration.ofDays(825);
    public static final List<String> SERVER_NAMES = List.of("localhost", "127.0.0.1", "::1");
    public static final String CLIENT_NAME = "client_0";

    private static final Logger LOG = LoggerFactory.getLogger(DevCertificates.class);

    /** Writes whatever is missing into {@code nodeDir} and returns the six paths. */
    public static DevCertificates ensure(Path nodeDir) throws IOException {
        Path caCrt = nodeDir.resolve("ca.crt");
        Path caKey = nodeDir.resolve("ca.key");
        Path serverCrt = nodeDir.resolve("server.crt");
        Path serverKey = nodeDir.resolve("server.key");
        Path clientCrt = nodeDir.resolve("client.crt");
        Path clientKey = nodeDir.resolve("client.key");

        boolean newCa = !(Files.exists(caCrt) && Files.exists(caKey));
        Issued ca;
        if (newCa) {
            ca = CertificateTool.certificateAuthority("wamp-tls development CA", KeyType.RSA_2048, CA_VALIDITY);
            ca.write(caKey, caCrt);
            LOG.info("Wrote a development CA to {}", caCrt);
        } else {
            ca = read(caKey, caCrt);
        }
        if (newCa || !(Files.exists(serverCrt) && Files.exists(serverKey))) {
            CertificateTool.server(ca, "localhost", SERVER_NAMES, KeyType.RSA_2048, LEAF_VALIDITY)
                    .write(serverKey, serverCrt);
            LOG.info("Wrote a development server certificate to {}", serverCrt);
        }
        Issued client;
        if (newCa || !(Files.exists(clientCrt) && Files.exists(clientKey))) {
            client = CertificateTool.client(ca, CLIENT_NAME, KeyType.RSA_2048, LEAF_VALIDITY);
            client.write(clientKey, clientCrt);
            LOG.info("Wrote a development client certificate to {}", clientCrt);
        } else {
            client = read(clientKey, clientCrt);
        }
        return new DevCertificates(caCrt, caKey, serverCrt, serverKey, clientCrt, clientKey,
                client.sha1Fingerprint());
    }

    private static Issued read(Path key, Path certificate) throws IOException {
        try {
            return Issued.read(key, certificate);
        } catch (ConfigException e) {
            throw new IOException("cannot reuse the development certificate " + certificate + ": " + e.getMessage(), e);
        }
    }
}
