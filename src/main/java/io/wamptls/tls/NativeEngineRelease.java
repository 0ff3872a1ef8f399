package io.wamptls.tls;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;

import javax.net.ssl.SSLEngine;

/**
 * Frees a Conscrypt engine's native TLS state as soon as its connection closes.
 * <p>
 * Conscrypt frees the native {@code SSL} (and the pipe it opens for every one) only once the engine is closed in
 * both directions, or else when the garbage collector finalizes the engine. Jetty closes only what the peer and its
 * own shutdown reached, so after an abrupt or one-sided close the native state waited for a GC: under many short
 * connections and a quiet heap the node ran out of file descriptors (two per closed connection) and refused new
 * handshakes. Registered on every connector whose factory uses Conscrypt.
 */
public final class NativeEngineRelease implements Connection.Listener {

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof SslConnection ssl) {
            release(ssl.getSSLEngine());
        }
    }

    static void release(SSLEngine engine) {
        if (!engine.getClass().getName().startsWith("org.conscrypt.")) {
            return;
        }
        engine.closeOutbound();
        try {
            engine.closeInbound();
        } catch (javax.net.ssl.SSLException ignored) {
            // the peer sent no close_notify: nothing to report on a connection that is gone
        }
    }
}
