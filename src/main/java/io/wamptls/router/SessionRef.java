package io.wamptls.router;

import io.wamptls.wamp.Message;

import java.util.Map;

/**
 * What the broker and dealer know about a session in their realm. They reach other sessions only through
 * this and {@link SessionDirectory}, so a cluster backplane could stand in remote sessions here.
 */
public interface SessionRef {

    long id();

    String authid();

    String authrole();

    /** True when the client announced {@code feature} for {@code role} (e.g. callee, call_canceling) in HELLO. */
    boolean supports(String role, String feature);

    /** Queues a message for the session; never blocks. */
    void send(Message message);

    /**
     * Ends the session from the router's side: GOODBYE with {@code reason} (and {@code message} if not null).
     * Called under the realm lock after the session was removed from the realm; must not block.
     */
    void kill(String reason, String message);

    /** The session as the meta API describes it (session, authid, authrole, authmethod, authprovider, ...). */
    Map<String, Object> details();
}
