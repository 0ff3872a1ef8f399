package io.wamptls.router;

import java.util.Collection;

/** The sessions joined to one realm. */
public interface SessionDirectory {

    /** The session with that id, or null. */
    SessionRef find(long sessionId);

    Collection<SessionRef> sessions();

    /** Removes the session from the realm (as if it had left) and sends it GOODBYE {@code reason}. */
    void kill(SessionRef session, String reason, String message);
}
