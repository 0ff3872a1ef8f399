package io.wamptls.testing;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/** TLS clients trusting exactly one PEM CA file, as a user who trusted the node's CA would. */
public final class HttpsClients {

    private HttpsClients() {
    }

    /** Jetty's HttpClient, not following redirects. */
    public static HttpClient trusting(Path caFile) throws Exception {
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(sslContextFactory(caFile));
        HttpClient client = new HttpClient(new org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP(connector));
        client.setFollowRedirects(false);
        client.start();
        return client;
    }

    /** Jetty's client-side TLS settings, for its other clients (HTTP2Client). */
    public static SslContextFactory.Client sslContextFactory(Path caFile) throws Exception {
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        ssl.setTrustStore(trustStore(caFile));
        return ssl;
    }

    /** A TLS socket to {@code 127.0.0.1:port} with its handshake done. */
    public static SSLSocket socket(Path caFile, int port) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore(caFile));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.startHandshake();
        return socket;
    }

    private static KeyStore trustStore(Path caFile) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, certificate);
            }
        }
        return trust;
    }
}
