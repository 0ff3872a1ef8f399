package io.wamptls.router;

import io.wamptls.wamp.Message;

/**
 * The router's side of one connection, returned by {@link Router#attach}. The transport calls {@link #receive}
 * for every decoded message, serially per connection; different connections may call concurrently.
 */
public interface RouterSession {

    /** Handles one message from the client. Never throws: any failure aborts this session only. */
    void receive(Message message);

    /** The frame could not be decoded: ABORT wamp.error.protocol_violation with this message, then close. */
    void protocolViolation(String message);

    /** The connection is gone: leave the realm, drop subscriptions and registrations, cancel calls in flight. */
    void transportClosed();
}
