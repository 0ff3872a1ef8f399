package io.wamptls.node;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.NegotiatingServerConnection;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.IO;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.Selector;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * A {@link ServerConnector} that keeps a connection on one selector thread from accept to close, wherever Jetty would
 * hand it between threads only to set it up or tear it down.
 * <p>
 * Jetty passes every accepted connection through several threads: the acceptor accepts and wakes a selector, the
 * selector dispatches the setup (end point, TLS engine, connection) to a pool thread, and when the connection closes
 * it dispatches the teardown (the connection's close notifications) to a pool thread again. Each hop is a thread
 * wake-up (a futex and a context switch, costly on the VMs this runs on), and a TLS client that resumes its session
 * spends most of its connection waiting on them. Here, as in nginx's event loop:
 * <ul>
 * <li>every selector watches the listening socket ({@code acceptors = 0}) and keeps what it accepts, so no selector
 * wakes another; whichever is free takes the next connection;</li>
 * <li>the setup runs on the selector: a few tens of microseconds, with no user code in it (our connection factories
 * only). The one wait in it is a certificate reload in progress, which holds new TLS engines (and so, here, the
 * selector) for the milliseconds the new context takes to build;</li>
 * <li>the teardown runs on the connection's selector, between two selects, when the closed connection is plain HTTP/1.1 or a TLS connection that never
 * got past HTTP/1.1 or protocol negotiation, whose close notifications are only our listeners. A WebSocket or HTTP/2
 * connection's close reaches application code (a WAMP session's end, a servlet's failure) and still goes to the
 * pool.</li>
 * </ul>
 */
final class NodeConnector extends ServerConnector {
    /** Jetty's setup task for an accepted channel. */
    static final String ACCEPT_TASK = "org.eclipse.jetty.io.ManagedSelector$Accept";
    /** Jetty's teardown task for a closed end point. */
    static final String DESTROY_TASK = "org.eclipse.jetty.io.ManagedSelector$DestroyEndPoint";

    /** The selector of a closing end point whose teardown may run there, while that end point is in {@code onClose}. */
    private static final ThreadLocal<ManagedSelector> QUIET_CLOSE = new ThreadLocal<>();
    /** Set while a selector hands a channel it has just accepted to Jetty. */
    private static final ThreadLocal<Boolean> ACCEPTING = new ThreadLocal<>();

    /** @param selectors the number of selector threads, or -1 for Jetty's default */
    NodeConnector(Server server, int selectors, ConnectionFactory... factories) {
        super(server, null, null, null, 0, selectors, factories);
    }

    /**
     * With no acceptor thread Jetty leaves the listening socket to the selector, which closes it when the connector
     * stops; a connector opened but never started (another transport's port was taken) closes it here, or its port
     * would stay bound.
     */
    @Override
    public void close() {
        Object channel = getTransport();
        super.close();
        if (!isStarted() && channel instanceof Closeable listening) {
            IO.close(listening);
        }
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        NodeEndPoint endPoint = new NodeEndPoint(channel, selector, key, getScheduler());
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }

    /** True when closing {@code connection} notifies nothing but connection listeners: no application code. */
    static boolean closesQuietly(Connection connection) {
        Connection inner = connection instanceof SslConnection tls ? tls.getSslEndPoint().getConnection() : connection;
        return inner instanceof HttpConnection || inner instanceof NegotiatingServerConnection;
    }

    @Override
    protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
        return new ServerConnectorManager(executor, scheduler, selectors) {
            private final List<OwnedSelector> owned = new CopyOnWriteArrayList<>();

            @Override
            protected ManagedSelector newSelector(int id) {
                OwnedSelector selector = new OwnedSelector(this, id);
                owned.add(selector);
                return selector;
            }

            /** Registers the listening socket with every selector (Jetty registers it with one). */
            @Override
            public Closeable acceptor(SelectableChannel server) {
                List<Closeable> acceptors = new ArrayList<>();
                for (int i = 0; i < getSelectorCount(); i++) {
                    acceptors.add(super.acceptor(server)); // Jetty's round robin: each selector once
                }
                return () -> {
                    for (Closeable acceptor : acceptors) {
                        acceptor.close();
                    }
                };
            }

            @Override
            protected void accepted(SelectableChannel channel) throws IOException {
                ACCEPTING.set(Boolean.TRUE);
                try {
                    super.accepted(channel);
                } finally {
                    ACCEPTING.remove();
                }
            }

            /** The selector that accepted a connection keeps it; anything else gets Jetty's round robin. */
            @Override
            protected ManagedSelector chooseSelector() {
                if (ACCEPTING.get() != null) {
                    Thread current = Thread.currentThread();
                    for (OwnedSelector selector : owned) {
                        if (selector.selectingThread == current) {
                            return selector;
                        }
                    }
                }
                return super.chooseSelector();
            }

            @Override
            protected void execute(Runnable task) {
                String name = task.getClass().getName();
                ManagedSelector quietlyClosing = QUIET_CLOSE.get();
                if (name.equals(ACCEPT_TASK)) {
                    task.run();
                } else if (name.equals(DESTROY_TASK) && quietlyClosing != null) {
                    // Not run here and now: the code closing the end point may still hold the connection's buffers.
                    // Between two selects the selector has finished with it, and costs no wake-up when it is the
                    // thread closing.
                    quietlyClosing.submit(selector -> task.run());
                } else {
                    super.execute(task);
                }
            }
        };
    }

    /** A selector that knows which thread is running its loop (Jetty may move the loop between pool threads). */
    private static final class OwnedSelector extends ManagedSelector {
        private volatile Thread selectingThread;

        OwnedSelector(SelectorManager manager, int id) {
            super(manager, id);
        }

        @Override
        protected int nioSelect(Selector selector, boolean now) throws IOException {
            selectingThread = Thread.currentThread();
            return super.nioSelect(selector, now);
        }
    }

    /**
     * Jetty's end point, with two changes. A read failure (the peer reset the connection) closes it at once: Jetty's
     * reports it as an end of input, and the TLS layer then writes its close_notify into the dead socket, which costs
     * a failed write, a SIGPIPE and two more exceptions. And a close that runs no application code leaves its
     * teardown to this end point's selector.
     */
    private static final class NodeEndPoint extends SocketChannelEndPoint {
        private final ManagedSelector selector;

        NodeEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
            super(channel, selector, key, scheduler);
            this.selector = selector;
        }

        @Override
        public int fill(ByteBuffer buffer) throws IOException {
            if (isInputShutdown()) {
                return -1;
            }
            int position = BufferUtil.flipToFill(buffer);
            try {
                int filled = getChannel().read(buffer);
                if (filled > 0) {
                    notIdle();
                } else if (filled < 0) {
                    shutdownInput();
                }
                return filled;
            } catch (IOException reset) {
                close(reset);
                return -1;
            } finally {
                BufferUtil.flipToFlush(buffer, position);
            }
        }

        @Override
        public void onClose(Throwable cause) {
            boolean quiet = selector != null && closesQuietly(getConnection());
            if (quiet) {
                QUIET_CLOSE.set(selector);
            }
            try {
                super.onClose(cause);
            } finally {
                if (quiet) {
                    QUIET_CLOSE.remove();
                }
            }
        }
    }
}
