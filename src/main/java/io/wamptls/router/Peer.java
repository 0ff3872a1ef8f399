package io.wamptls.router;

import io.wamptls.wamp.Message;

/**
 * The transport side of one connection, implemented by the WebSocket adapter (and by tests).
 * The router calls it while holding a realm lock, so neither method may block.
 */
public interface Peer {

    /** Queues a message for the client; never blocks the router. */
    void send(Message message);

    /** Closes the transport once the router has sent ABORT or GOODBYE. */
    void close();
}
