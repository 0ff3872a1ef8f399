package io.wamptls.node;

import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.IO;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.Closeable;
import java.util.concurrent.Executor;

/**
 * A {@link ServerConnector} that sets a new connection up on its selector thread instead of handing it to a pool
 * thread and back.
 * <p>
 * Jetty passes every accepted connection through three threads before it reads the first byte: the acceptor
 * accepts and wakes the selector, the selector registers the channel and dispatches the setup (end point, TLS
 * engine, connection) to a pool thread, which wakes the selector again to ask for reads. Each hop is a thread wake-up
 * (a futex and a context switch, costly on the VMs this runs on), and a TLS client that resumes its session
 * spends most of its connection waiting on them. Here the selector accepts ({@code acceptors = 0}) and runs the
 * setup itself, as nginx's event loop does; a few tens of microseconds of selector time per connection, with no
 * user code in it (our connection factories only). The one wait in it is a certificate reload in progress, which
 * holds new TLS engines (and so, here, the selector) for the milliseconds the new context takes to build.
 */
final class NodeConnector extends ServerConnector {
    /** Jetty's setup task for an accepted channel; anything else the selector dispatches goes to the pool. */
    private static final String ACCEPT_TASK = "org.eclipse.jetty.io.ManagedSelector$Accept";

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
    protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
        return new ServerConnectorManager(executor, scheduler, selectors) {
            @Override
            protected void execute(Runnable task) {
                if (task.getClass().getName().equals(ACCEPT_TASK)) {
                    task.run();
                } else {
                    super.execute(task);
                }
            }
        };
    }
}
