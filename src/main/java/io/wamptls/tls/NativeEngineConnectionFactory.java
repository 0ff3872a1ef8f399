package io.wamptls.tls;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.SSLEngine;

/**
 * The TLS layer of a connector whose engines are Conscrypt's. A native engine reads and writes records only in direct
 * memory: handed heap buffers, Jetty's default, it allocates and zeroes a direct buffer of its own per connection
 * (page faults included) and copies each record through it. With pooled direct buffers for the encrypted side, and
 * {@link NativeEngineSslConnection} joining the plaintext side, a connection allocates none.
 */
public final class NativeEngineConnectionFactory extends SslConnectionFactory {

    public NativeEngineConnectionFactory(SslContextFactory.Server ssl, String nextProtocol) {
        super(ssl, nextProtocol);
        setDirectBuffersForEncryption(true);
        setDirectBuffersForDecryption(true);
    }

    @Override
    protected SslConnection newSslConnection(Connector connector, EndPoint endPoint, SSLEngine engine) {
        return new NativeEngineSslConnection(connector.getByteBufferPool(), connector.getExecutor(),
                getSslContextFactory(), endPoint, engine);
    }
}
