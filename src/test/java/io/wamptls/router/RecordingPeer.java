package io.wamptls.router;

import io.wamptls.wamp.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link Peer} that records what the router sends, for in-process tests. */
final class RecordingPeer implements Peer {
    private final LinkedBlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    @Override
    public void send(Message message) {
        received.add(message);
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    /** The next message, waiting a little for messages sent from the timeout thread. */
    Message next() {
        try {
            Message message = received.poll(2, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("expected a message, got none");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    List<Message> drain() {
        List<Message> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }
}
