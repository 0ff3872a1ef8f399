package io.wamptls.tls;

import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.SSLSession;
import java.security.cert.X509Certificate;

/**
 * The server {@link SslContextFactory} of every TLS endpoint (the JDK provider's; Conscrypt's adds to it).
 * <p>
 * Jetty asks it for the client's certificate chain once per connection, on the first request. Without
 * {@code ca_certificates} no certificate is ever requested, so there is none to find, yet Jetty asks the TLS
 * session anyway, which answers by throwing an {@code SSLPeerUnverifiedException}, stack trace and all: 0.8 % of
 * the node's CPU under a new connection per request ({@code perf}, 2026-12-07). Here such endpoints answer null at
 * once.
 */
class NodeSslContextFactory extends SslContextFactory.Server {

    @Override
    public X509Certificate[] getX509CertChain(SSLSession session) {
        return getNeedClientAuth() || getWantClientAuth() ? super.getX509CertChain(session) : null;
    }
}
