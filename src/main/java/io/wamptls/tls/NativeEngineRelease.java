package io.wamptls.tls;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import java.nio.ByteBuffer;

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
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Direct, as Conscrypt copies any other buffer through a direct one it allocates per engine. */
    private static final ThreadLocal<ByteBuffer> DISCARDED_RECORDS =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1024));

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
            // Closing queues a close_notify, and Conscrypt frees only once it has been taken out. Jetty takes it
            // out when it writes it; a connection closed without that write (the peer reset it) is drained here.
            ByteBuffer discard = DISCARDED_RECORDS.get();
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                engine.wrap(EMPTY, discard.clear());
            }
        } catch (SSLException ignored) {
            // the peer sent no close_notify: nothing to report on a connection that is gone
        }
    }
}
