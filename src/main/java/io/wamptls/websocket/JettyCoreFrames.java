package io.wamptls.websocket;

import jakarta.websocket.Session;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;

import java.nio.ByteBuffer;

/**
 * The fast path under Jetty's own Jakarta implementation: encoded bytes go out as one frame without becoming a
 * String and back, and a stuck peer can be aborted without a close handshake. Only touched after
 * {@link #AVAILABLE} says Jetty's classes are visible: a web application (the WAR) does not see them.
 */
final class JettyCoreFrames {
    static final boolean AVAILABLE = visible("org.eclipse.jetty.websocket.core.Frame");

    private JettyCoreFrames() {
    }

    /** Sends the frame and returns true, or returns false when the session is not Jetty's. */
    static boolean send(Session session, byte[] frame, boolean binary, Runnable onDone) {
        if (!(session instanceof JakartaWebSocketSession jakarta)) {
            return false;
        }
        jakarta.getCoreSession().sendFrame(new Frame(binary ? OpCode.BINARY : OpCode.TEXT)
                .setPayload(ByteBuffer.wrap(frame)), Callback.from(onDone, failure -> onDone.run()), false);
        return true;
    }

    /** Drops the connection at once and returns true, or returns false when the session is not Jetty's. */
    static boolean abort(Session session) {
        if (!(session instanceof JakartaWebSocketSession jakarta)) {
            return false;
        }
        jakarta.getCoreSession().abort();
        return true;
    }

    /** {@code max_frame_size}: larger frames are refused with 1009 (Jetty would otherwise split them). */
    static void limitFrameSize(Session session, long maxFrameSize) {
        if (session instanceof JakartaWebSocketSession jakarta) {
            jakarta.getCoreSession().setMaxFrameSize(maxFrameSize);
            jakarta.getCoreSession().setAutoFragment(false);
        }
    }

    /**
     * Sizes the buffer in which Jetty assembles each incoming text message. Jetty sizes it like the network input
     * buffer (4 KiB) and allocates it anew for every message: under JSON load that was most of the router's
     * garbage, while WAMP messages are mostly a few hundred bytes (the buffer grows for longer ones). The session's
     * setter also resizes the connection's network buffer, which is put back.
     */
    static void sizeTextMessageBuffer(Session session, int bytes) {
        if (session instanceof JakartaWebSocketSession jakarta
                && jakarta.getCoreSession() instanceof WebSocketCoreSession core && core.getConnection() != null) {
            int network = core.getConnection().getInputBufferSize();
            core.setInputBufferSize(bytes);
            core.getConnection().setInputBufferSize(network);
        }
    }

    /** Drops the connection unless its close handshake has completed (for {@code close_handshake_timeout}). */
    static void abortUnlessClosed(Session session) {
        if (session instanceof JakartaWebSocketSession jakarta && !jakarta.getCoreSession().isClosed()) {
            jakarta.getCoreSession().abort();
        }
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, JettyCoreFrames.class.getClassLoader());
            Class.forName("org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession", false,
                    JettyCoreFrames.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
